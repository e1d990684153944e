/**
 * The notebook's experiment against PyTorch: every epoch's train and test loss within 1e-3 and
 * the final accuracies within 0.002, on the tfjs CPU backend, with both networks trained as one
 * batched computation (as the app trains them).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareData } from '../../src/data/fromSettings';
import { runAll } from '../../src/engine/experiment';
import type { RunOutcome } from '../../src/engine/results';
import { DEFAULTS } from '../../src/state/schema';
import { loadReference, type PyTorchRun } from './reference';

const runs = loadReference<{ runs: PyTorchRun[] }>('pytorch-runs.json').runs;
let outcome: RunOutcome;
let baseline: number;

beforeAll(async () => {
  await tf.setBackend('cpu');
  baseline = tf.memory().numTensors;
  outcome = await runAll(DEFAULTS, prepareData(DEFAULTS));
}, 120_000);

describe('the notebook experiment (initSeed 0) against PyTorch 1.13', () => {
  it('the reference covers what the defaults train', () => {
    expect(runs.map((r) => r.config.act).sort()).toEqual(['none', 'relu']);
    for (const r of runs) {
      expect(r.config).toMatchObject({ data_seed: DEFAULTS.dataSeed, n_samples: DEFAULTS.samples, n_features: DEFAULTS.features,
        split_seed: DEFAULTS.splitSeed, init_seed: DEFAULTS.initSeed, hidden: DEFAULTS.hidden, lr: DEFAULTS.lr, epochs: DEFAULTS.epochs });
    }
  });

  for (const act of ['none', 'relu']) {
    it(`network with activation "${act}": every epoch's losses within 1e-3, final accuracies within 0.002`, () => {
      const ref = runs.find((r) => r.config.act === act)!;
      const ours = outcome.results.find((r) => r.activation === act)!;
      expect(ours.trainLoss).toHaveLength(ref.config.epochs);
      ref.train_loss.forEach((v, e) => expect(Math.abs(ours.trainLoss[e] - v), `train loss, epoch ${e}`).toBeLessThan(1e-3));
      ref.test_loss.forEach((v, e) => expect(Math.abs(ours.testLoss[e] - v), `test loss, epoch ${e}`).toBeLessThan(1e-3));
      expect(Math.abs(ours.finalTestAccuracy - ref.test_accuracy)).toBeLessThan(0.002);
      expect(Math.abs(ours.finalTrainAccuracy - ref.train_accuracy)).toBeLessThan(0.002);
    });
  }

  it('releases every tensor it made', () => {
    expect(tf.memory().numTensors).toBe(baseline);
  });
});
