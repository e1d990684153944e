/**
 * The expected figures, computed in the test process by the same engine `npm run experiment` runs
 * (CPU backend, Node): what the page must show for the same settings, whichever backend it used.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { prepareData } from '../../src/data/fromSettings';
import { runAll } from '../../src/engine/experiment';
import { parseQuery } from '../../src/state/query';

export interface Expected {
  readonly a: number;
  readonly b: number;
}

const memo = new Map<string, Promise<Expected>>();

/** Final test accuracy of networks A and B for the settings in `query` (one seed each). */
export function engineAccuracies(query: string): Promise<Expected> {
  // The CPU backend takes ~20 s for the notebook's run: compute each query once per test file.
  let p = memo.get(query);
  if (!p) {
    p = compute(query);
    memo.set(query, p);
  }
  return p;
}

async function compute(query: string): Promise<Expected> {
  await tf.setBackend('cpu');
  const { settings, problems } = parseQuery(query);
  if (problems.length > 0) throw new Error(`bad reference query: ${problems.map((p) => p.message).join('; ')}`);
  const { results } = await runAll(settings, prepareData(settings));
  const of = (id: 'a' | 'b') => {
    const r = results.find((x) => x.id === id);
    if (!r) throw new Error(`no result for network ${id}`);
    return r.finalTestAccuracy;
  };
  return { a: of('a'), b: of('b') };
}
