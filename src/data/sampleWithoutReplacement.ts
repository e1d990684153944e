/**
 * Port of scikit-learn's `sklearn.utils.random.sample_without_replacement`
 * (`sklearn/utils/_random.pyx`, unchanged in 1.2), drawing from a legacy
 * RandomState exactly as the Cython code does.
 */
import { RandomState } from './randomState';

export type SampleMethod = 'auto' | 'tracking_selection' | 'reservoir_sampling' | 'pool';

function checkCounts(nPopulation: number, nSamples: number): void {
  if (!Number.isSafeInteger(nPopulation) || nPopulation < 0) {
    throw new RangeError(`nPopulation must be a non-negative integer, got ${String(nPopulation)}`);
  }
  if (!Number.isSafeInteger(nSamples) || nSamples < 0) {
    throw new RangeError(`nSamples must be a non-negative integer, got ${String(nSamples)}`);
  }
  if (nSamples > nPopulation) {
    throw new RangeError(
      `nPopulation must be >= nSamples, got nSamples > nPopulation (${nSamples} > ${nPopulation})`,
    );
  }
}

/** `_sample_without_replacement_with_tracking_selection`: redraw on collision. */
function trackingSelection(nPopulation: number, nSamples: number, rs: RandomState): number[] {
  const out = new Array<number>(nSamples);
  const selected = new Set<number>();
  for (let i = 0; i < nSamples; i++) {
    let j = rs.randint(nPopulation);
    while (selected.has(j)) j = rs.randint(nPopulation);
    selected.add(j);
    out[i] = j;
  }
  return out;
}

/** `_sample_without_replacement_with_pool`: partial Fisher–Yates over a pool. */
function poolSampling(nPopulation: number, nSamples: number, rs: RandomState): number[] {
  const out = new Array<number>(nSamples);
  const pool = new Float64Array(nPopulation);
  for (let i = 0; i < nPopulation; i++) pool[i] = i;
  for (let i = 0; i < nSamples; i++) {
    const j = rs.randint(nPopulation - i);
    out[i] = pool[j];
    pool[j] = pool[nPopulation - i - 1];
  }
  return out;
}

/** `_sample_without_replacement_with_reservoir_sampling` (Robert Kern's variant). */
function reservoirSampling(nPopulation: number, nSamples: number, rs: RandomState): number[] {
  const out = new Array<number>(nSamples);
  for (let i = 0; i < nSamples; i++) out[i] = i;
  for (let i = nSamples; i < nPopulation; i++) {
    const j = rs.randint(0, i + 1);
    if (j < nSamples) out[j] = i;
  }
  return out;
}

/**
 * Mirrors `sample_without_replacement(n_population, n_samples, method, random_state)`.
 *
 * With method 'auto' the ratio r = nSamples / nPopulation picks the algorithm,
 * as in sklearn: 0.01 < r < 0.99 → `rng.permutation(n_population)[:n_samples]`;
 * otherwise r < 0.2 → tracking selection, else reservoir sampling. ('pool' is
 * only reached when asked for explicitly.) The order of the returned values is
 * the algorithm's, not necessarily random.
 */
export function sampleWithoutReplacement(
  nPopulation: number,
  nSamples: number,
  rs: RandomState,
  method: SampleMethod = 'auto',
): number[] {
  checkCounts(nPopulation, nSamples);
  const ratio = nPopulation !== 0 ? nSamples / nPopulation : 1;
  if (method === 'auto' && ratio > 0.01 && ratio < 0.99) {
    return Array.from(rs.permutation(nPopulation).subarray(0, nSamples));
  }
  if (method === 'auto' || method === 'tracking_selection') {
    // sklearn: "The value 0.2 has been determined through benchmarking."
    return ratio < 0.2
      ? trackingSelection(nPopulation, nSamples, rs)
      : reservoirSampling(nPopulation, nSamples, rs);
  }
  if (method === 'reservoir_sampling') return reservoirSampling(nPopulation, nSamples, rs);
  if (method === 'pool') return poolSampling(nPopulation, nSamples, rs);
  throw new RangeError(`method must be one of auto, tracking_selection, reservoir_sampling, pool, got ${String(method)}`);
}
