/**
 * The read-only reference figures from numpy, scikit-learn and PyTorch, in ../shared/reference/
 * beside the repository (REFERENCE_DIR overrides). Tests hold the project against them.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const REFERENCE_DIR = process.env.REFERENCE_DIR ?? resolve(here, '../../../shared/reference');

export function loadReference<T>(name: string): T {
  return JSON.parse(readFileSync(resolve(REFERENCE_DIR, name), 'utf8')) as T;
}

export interface PyTorchRun {
  config: { data_seed: number; n_samples: number; n_features: number; split_seed: number; init_seed: number; hidden: number; act: string; lr: number; epochs: number };
  train_loss: number[];
  test_loss: number[];
  test_accuracy: number;
  train_accuracy: number;
}
