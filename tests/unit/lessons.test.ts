/**
 * Every lesson's claim, across 10 init seeds (trained as one batched computation, as the app's
 * many-seed view trains them): each must hold for at least 8 of the 10.
 *
 * These run on the WASM backend, in Node: 10 seeds of the notebook's 5,000 × 100 data would take
 * minutes on the pure-JavaScript CPU backend. The engine is backend-independent (engine.backends
 * holds WASM to PyTorch's figures like the CPU backend), and WASM is what the app runs on a
 * machine without a GPU.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareData } from '../../src/data/fromSettings';
import { runAll } from '../../src/engine/experiment';
import type { NetworkResult } from '../../src/engine/results';
import { parseQuery } from '../../src/state/query';
import { LESSONS } from '../../src/state/lessons';
import { LESSON_NAMES } from '../../src/state/schema';

const SEEDS = 10;
const NEEDED = 8;
const cache = new Map<string, Promise<{ a: NetworkResult[]; b: NetworkResult[] }>>();

beforeAll(async () => {
  await tf.setBackend('wasm');
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

function run(query: string) {
  let p = cache.get(query);
  if (!p) {
    const { settings, problems } = parseQuery(`${query}&seeds=${SEEDS}`);
    expect(problems).toEqual([]);
    p = runAll(settings, prepareData(settings)).then((o) => ({
      a: o.results.filter((r) => r.id === 'a'),
      b: o.results.filter((r) => r.id === 'b'),
    }));
    cache.set(query, p);
  }
  return p;
}

/** How many seeds satisfy `holds`, given the per-seed results of both networks. */
function count(r: { a: NetworkResult[]; b: NetworkResult[] }, holds: (a: NetworkResult, b: NetworkResult, i: number) => boolean) {
  return r.a.filter((a, i) => holds(a, r.b[i], i)).length;
}

const argmin = (xs: number[]) => xs.indexOf(Math.min(...xs));

describe.each([...LESSON_NAMES])('lesson %s', (name) => {
  it('has a configuration, an explanation of two to four sentences, and what to look for', () => {
    const l = LESSONS[name];
    const sentences = l.explanation.split(/(?<=[.!?])\s+/).filter(Boolean);
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    expect(sentences.length).toBeLessThanOrEqual(4);
    expect(l.lookFor.length).toBeGreaterThan(20);
    expect(parseQuery(`lesson=${name}`).problems).toEqual([]);
  });
});

describe(`lesson claims hold for at least ${NEEDED} of ${SEEDS} init seeds`, () => {
  it('notebook: the ReLU network beats the linear one', async () => {
    const r = await run('lesson=notebook');
    expect(count(r, (a, b) => b.finalTestAccuracy > a.finalTestAccuracy)).toBeGreaterThanOrEqual(NEEDED);
  }, 120_000);

  it("overfit: B's test loss turns upward while its train loss falls, and B ends below A", async () => {
    const r = await run('lesson=overfit');
    expect(count(r, (a, b) => {
      const best = argmin(b.testLoss);
      const end = b.testLoss.length - 1;
      const testRises = b.testLoss[end] > 1.2 * b.testLoss[best] && best < end - 10;
      const trainFalls = b.trainLoss[end] < b.trainLoss[best];
      return testRises && trainFalls && b.finalTestAccuracy < a.finalTestAccuracy;
    })).toBeGreaterThanOrEqual(NEEDED);
  }, 120_000);

  it('dropout: the ReLU network with dropout beats itself without', async () => {
    const without = await run('lesson=overfit');
    const withDrop = await run('lesson=dropout');
    expect(count(withDrop, (_a, b, i) => b.finalTestAccuracy > without.b[i].finalTestAccuracy)).toBeGreaterThanOrEqual(NEEDED);
  }, 120_000);

  it('linear: both networks end within about one point', async () => {
    const r = await run('lesson=linear');
    expect(count(r, (a, b) => Math.abs(a.finalTestAccuracy - b.finalTestAccuracy) <= 0.01)).toBeGreaterThanOrEqual(NEEDED);
  }, 120_000);

  it('deep-linear: three linear layers are no better than one, and ReLU stays ahead', async () => {
    const deep = await run('lesson=deep-linear');
    const shallow = await run('lesson=deep-linear&layers=1');
    expect(count(deep, (a, b, i) => a.finalTestAccuracy <= shallow.a[i].finalTestAccuracy + 0.01 && b.finalTestAccuracy > a.finalTestAccuracy))
      .toBeGreaterThanOrEqual(NEEDED);
  }, 120_000);

  it('moons: the ReLU network separates the moons clearly better', async () => {
    const r = await run('lesson=moons');
    expect(count(r, (a, b) => b.finalTestAccuracy >= a.finalTestAccuracy + 0.05)).toBeGreaterThanOrEqual(NEEDED);
  }, 120_000);

  for (const name of ['circles', 'xor']) {
    it(`${name}: the linear network stays near chance, the ReLU network separates the classes`, async () => {
      const r = await run(`lesson=${name}`);
      expect(count(r, (a, b) => a.finalTestAccuracy < 0.6 && b.finalTestAccuracy > 0.9)).toBeGreaterThanOrEqual(NEEDED);
    }, 120_000);
  }
});
