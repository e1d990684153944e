/**
 * Speed must not change results: the WASM backend (what the app runs without a GPU) reproduces
 * PyTorch's figures like the CPU backend does, and batching several seeds into one computation
 * gives each seed exactly what it gets alone.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareData } from '../../src/data/fromSettings';
import { runAll } from '../../src/engine/experiment';
import { parseQuery } from '../../src/state/query';
import { DEFAULTS } from '../../src/state/schema';
import { loadReference, type PyTorchRun } from './reference';

const runs = loadReference<{ runs: PyTorchRun[] }>('pytorch-runs.json').runs;

beforeAll(async () => {
  await tf.setBackend('wasm');
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('WASM backend', () => {
  it("reproduces PyTorch's per-epoch losses within 1e-3 and final accuracies within 0.002", async () => {
    const before = tf.memory().numTensors;
    const out = await runAll(DEFAULTS, prepareData(DEFAULTS));
    for (const ref of runs) {
      const ours = out.results.find((r) => r.activation === ref.config.act)!;
      ref.train_loss.forEach((v, e) => expect(Math.abs(ours.trainLoss[e] - v)).toBeLessThan(1e-3));
      ref.test_loss.forEach((v, e) => expect(Math.abs(ours.testLoss[e] - v)).toBeLessThan(1e-3));
      expect(Math.abs(ours.finalTestAccuracy - ref.test_accuracy)).toBeLessThan(0.002);
      expect(Math.abs(ours.finalTrainAccuracy - ref.train_accuracy)).toBeLessThan(0.002);
    }
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it.each([
    'samples=600&features=12&hidden=8&epochs=40&seeds=3&initSeed=5&actA=tanh&dropB=0.3&sameInit=0',
    // B linear and A not: the collapsed linear members are computed first, then put back in order.
    'samples=600&features=12&hidden=8&epochs=40&seeds=3&initSeed=5&actA=relu&actB=none&sameInit=0',
  ])('seed k of a batched many-seed run equals a run of that seed alone (%s)', async (q) => {
    const { settings } = parseQuery(q);
    const data = prepareData(settings);
    const batched = await runAll(settings, data);
    const alone = await runAll({ ...settings, seeds: 1, initSeed: 6 }, data);
    const [a1, b1] = [batched.results[1], batched.results[4]];
    expect(a1.initSeed).toBe(6);
    expect(b1.initSeed).toBe(7);
    for (const [x, y] of [[a1, alone.results[0]], [b1, alone.results[1]]]) {
      x.trainLoss.forEach((v, e) => expect(Math.abs(v - y.trainLoss[e])).toBeLessThan(1e-6));
      expect(x.finalTestAccuracy).toBe(y.finalTestAccuracy);
    }
  }, 60_000);
});
