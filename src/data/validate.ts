import type { RandomState } from './randomState';

/**
 * Shared by the dataset generators: argument checks (every message names the
 * parameter and the offending value), the Dataset shape and the row shuffle.
 */

/** Throws unless `value` is an integer >= `min` (and a safe integer). */
export function checkInt(name: string, value: number, min: number): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${name} must be an integer >= ${min}, got ${String(value)}`);
  }
}

/** Throws unless `value` is a finite number in [min, max] (either end may be open). */
export function checkRange(
  name: string,
  value: number,
  min: number,
  max: number,
  { minOpen = false, maxOpen = false }: { minOpen?: boolean; maxOpen?: boolean } = {},
): void {
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (minOpen ? value > min : value >= min) &&
    (maxOpen ? value < max : value <= max);
  if (!ok) {
    const interval = `${minOpen ? '(' : '['}${min}, ${max}${maxOpen ? ')' : ']'}`;
    throw new RangeError(`${name} must be a finite number in ${interval}, got ${String(value)}`);
  }
}

/** Throws unless `value` is a finite number. */
export function checkFinite(name: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`${name} must be a finite number, got ${String(value)}`);
  }
}

/** A dense 2-D dataset: X is row-major nSamples × nFeatures, y holds 0/1 labels. */
export interface Dataset {
  X: Float64Array;
  y: Uint8Array;
  nSamples: number;
  nFeatures: number;
}

/**
 * Mirrors `sklearn.utils.shuffle(X, y, random_state=rs)` (resample with
 * replace=False): `idx = np.arange(n); rs.shuffle(idx)`, then returns
 * `X[idx], y[idx]` as new arrays.
 */
export function shuffleRows(data: Dataset, rs: RandomState): Dataset {
  const { X, y, nSamples, nFeatures } = data;
  const idx = rs.permutation(nSamples);
  const outX = new Float64Array(X.length);
  const outY = new Uint8Array(nSamples);
  for (let i = 0; i < nSamples; i++) {
    const src = idx[i];
    outY[i] = y[src];
    outX.set(X.subarray(src * nFeatures, (src + 1) * nFeatures), i * nFeatures);
  }
  return { X: outX, y: outY, nSamples, nFeatures };
}
