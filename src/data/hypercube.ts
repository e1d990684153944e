/**
 * Port of scikit-learn 1.2's private `_generate_hypercube`
 * (`sklearn/datasets/_samples_generator.py`), used by make_classification to
 * pick distinct hypercube vertices as cluster centroids.
 */
import type { RandomState } from './randomState';
import { sampleWithoutReplacement } from './sampleWithoutReplacement';

/** sklearn samples vertices as integers, so at most 30 bits are drawn at once. */
const MAX_SAMPLED_BITS = 30;

/**
 * Mirrors `_generate_hypercube(samples, dimensions, rng)`: returns a row-major
 * samples × dimensions matrix of 0/1 values with distinct rows (distinctness
 * is guaranteed only by the last 30 columns).
 *
 * Draw order, as in sklearn: when dimensions > 30 it first draws the leading
 * block `rng.randint(2, size=(samples, dimensions - 30))` (row-major), then
 * samples `sample_without_replacement(2**30, samples)` for the last 30
 * columns. Each sampled integer is unpacked big-endian, so column j of the
 * sampled block holds bit (d - 1 - j) of the integer.
 */
export function generateHypercube(samples: number, dimensions: number, rng: RandomState): Float64Array {
  const out = new Float64Array(samples * dimensions);
  const leading = Math.max(0, dimensions - MAX_SAMPLED_BITS);
  for (let i = 0; i < samples; i++) {
    for (let j = 0; j < leading; j++) out[i * dimensions + j] = rng.randint(2);
  }
  const d = dimensions - leading;
  const vertices = sampleWithoutReplacement(2 ** d, samples, rng);
  for (let i = 0; i < samples; i++) {
    const v = vertices[i];
    for (let j = 0; j < d; j++) {
      // d <= 30, so a 32-bit shift is exact.
      out[i * dimensions + leading + j] = (v >>> (d - 1 - j)) & 1;
    }
  }
  return out;
}
