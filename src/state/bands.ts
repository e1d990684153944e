/**
 * The rows a network's loss chart draws: the mean train and test loss over seeds (as lossCurve),
 * the gap between them (shaded: where test sits above train, the network is fitting its training
 * set better than new data), and with several seeds a ±1 standard deviation band around each mean.
 * Pure, no DOM.
 */
import type { EpochRecord } from '../engine/trainer';
import { meanStd } from '../engine/stats';
import type { LossPoint } from './curves';

/** A [low, high] range for a shaded band; null where there is nothing to shade. */
export type Range = readonly [number, number] | null;

export interface LossRow extends LossPoint {
  /** [min, max] of the mean train and test loss at this epoch. */
  readonly gap: Range;
  /** Mean ± 1 sample standard deviation over seeds; null with one seed or a non-finite loss. */
  readonly trainBand: Range;
  readonly testBand: Range;
}

function spread(values: readonly number[], indices: readonly number[]): { mean: number; band: Range } {
  const xs = indices.map((i) => values[i]);
  const { mean, std } = meanStd(xs);
  const band: Range = indices.length > 1 && Number.isFinite(mean) && Number.isFinite(std) ? [mean - std, mean + std] : null;
  return { mean, band };
}

/** One row per completed epoch (numbered from 1, as lossCurve numbers them). */
export function lossRows(records: readonly EpochRecord[], indices: readonly number[]): LossRow[] {
  if (indices.length === 0) return [];
  return records.map((r) => {
    const train = spread(r.trainLoss, indices);
    const test = spread(r.testLoss, indices);
    const finite = Number.isFinite(train.mean) && Number.isFinite(test.mean);
    return {
      epoch: r.epoch + 1,
      trainLoss: train.mean,
      testLoss: test.mean,
      gap: finite ? [Math.min(train.mean, test.mean), Math.max(train.mean, test.mean)] : null,
      trainBand: train.band,
      testBand: test.band,
    };
  });
}

/**
 * The epoch with the lowest (mean) test loss so far, the first one on a tie: training past it
 * makes the network worse on new data. Null before the first epoch.
 */
export function lowestTestLoss(curve: readonly LossPoint[]): LossPoint | null {
  let best: LossPoint | null = null;
  for (const p of curve) if (Number.isFinite(p.testLoss) && (best === null || p.testLoss < best.testLoss)) best = p;
  return best;
}
