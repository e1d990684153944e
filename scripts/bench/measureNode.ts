/**
 * The same engine in Node on the same tfjs backends (tfjs-backend-wasm runs the same WASM binary;
 * Node has no WebGL): the pair and 20 seeds trained as the worker trains them (chunks of 25
 * epochs, one read-back each), and the bare products of the same epochs. No browser, no page,
 * no other thread competing: a floor for what the worker can reach on this machine.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { prepareData } from '../../src/data/fromSettings';
import { trainSpec } from '../../src/engine/experiment';
import { Trainer } from '../../src/engine/trainer';
import { parseQuery } from '../../src/state/query';
import { NOTEBOOK_SHAPES, timeProducts } from '../../src/worker/products';

export interface NodeFigures {
  readonly backend: 'wasm' | 'cpu';
  readonly members: number;
  readonly epochs: number;
  /** Engine, ms per epoch. */
  readonly trainMsPerEpoch: number;
  /** Bare products, ms per epoch. */
  readonly productsMsPerEpoch: number;
}

async function trainMs(query: string, epochs: number): Promise<{ ms: number; members: number }> {
  const { settings } = parseQuery(`${query}&epochs=${epochs}`);
  const data = prepareData(settings);
  const spec = trainSpec(settings, data.nFeatures);
  const trainer = new Trainer(data, spec);
  await trainer.train(1); // warm-up: kernels and buffers
  const t1 = performance.now();
  while (!trainer.finished) await trainer.train(25);
  const ms = performance.now() - t1;
  trainer.dispose();
  return { ms: ms / (epochs - 1), members: spec.members.length };
}

/** Engine and products, pair and 20 seeds, on `backend` (epochs fewer on the slow CPU backend). */
export async function measureNode(backend: 'wasm' | 'cpu'): Promise<NodeFigures[]> {
  tf.env().set('PROD', true);
  await tf.setBackend(backend);
  const out: NodeFigures[] = [];
  for (const [query, epochs] of [['', backend === 'cpu' ? 11 : 101], ['seeds=20', backend === 'cpu' ? 3 : 21]] as const) {
    const t = await trainMs(query, epochs);
    const products = await timeProducts({ ...NOTEBOOK_SHAPES, members: t.members }, Math.max(2, epochs - 1), 1);
    out.push({ backend, members: t.members, epochs: epochs - 1, trainMsPerEpoch: t.ms, productsMsPerEpoch: products });
  }
  return out;
}
