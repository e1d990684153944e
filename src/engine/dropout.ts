/**
 * Dropout masks drawn from each network's own numpy-compatible generator, so a run is the same in
 * every environment and can be rebuilt in numpy.
 *
 * Member n's generator is the one that drew its initial weights, continuing after them. For each
 * training pass (each epoch, or each mini-batch) and each hidden layer in order, it draws
 * `random_sample((rows, H))`; a unit is kept where the draw is ≥ p and then scaled by 1/(1 − p),
 * as `torch.nn.Dropout` scales. Members with p = 0 draw nothing.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { RandomState } from '../data/randomState';
import type { Member } from './model';

export function dropoutMasks(members: readonly Member[], rngs: readonly RandomState[], rows: number,
  sizes: readonly number[]): tf.Tensor[] | null {
  if (members.every((m) => m.dropout === 0)) return null;
  const n = members.length;
  const masks: tf.Tensor[] = [];
  for (let l = 1; l + 1 < sizes.length; l++) {
    const h = sizes[l];
    const mask = new Float32Array(n * h * rows).fill(1);
    members.forEach((m, k) => {
      if (m.dropout === 0) return;
      const scale = 1 / (1 - m.dropout);
      const rs = rngs[k];
      // Drawn as numpy's random_sample((rows, H)), row by row, stored feature-major [N, H, rows].
      const base = k * h * rows;
      for (let r = 0; r < rows; r++) {
        for (let j = 0; j < h; j++) mask[base + j * rows + r] = rs.randomSample() >= m.dropout ? scale : 0;
      }
    });
    masks.push(tf.tensor3d(mask, [n, h, rows]));
  }
  return masks;
}
