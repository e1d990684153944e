/**
 * Many seeds, summarised for the results panel: each network's test accuracy per seed (a
 * distribution, one dot each) and the mean difference B − A with its paired 95% confidence
 * interval. Paired: seed k of A and seed k of B start from the same initial weights (with
 * sameInit, the default), so their difference cancels the luck of the draw.
 */
import type { Member } from '../engine/model';
import { pairedDifference } from '../engine/stats';
import type { EpochRecord, FinalMetrics } from '../engine/trainer';
import { membersOfNetwork } from './curves';

export interface SeedComparison {
  /** Test accuracy of each seed, in seed order. */
  readonly a: number[];
  readonly b: number[];
  /** Mean of b[k] − a[k] and its 95% CI (NaN bounds with fewer than two seeds). */
  readonly difference: { mean: number; low: number; high: number };
  /** Whether these are final accuracies (after the last update) or the latest epoch's. */
  readonly final: boolean;
}

/**
 * Per-seed test accuracies after training, or at the latest epoch while training; null before
 * the first epoch.
 */
export function compareSeeds(members: readonly Member[], final: FinalMetrics | null,
  records: readonly EpochRecord[]): SeedComparison | null {
  const source = final ?? records[records.length - 1];
  if (!source) return null;
  const a = membersOfNetwork(members, 'a').map((i) => source.testAccuracy[i]);
  const b = membersOfNetwork(members, 'b').map((i) => source.testAccuracy[i]);
  if (a.length === 0 || a.length !== b.length) return null;
  return { a, b, difference: pairedDifference(a, b), final: final !== null };
}

/**
 * A strip plot's vertical stacking: the k-th value that falls within `width` of an earlier one
 * in the same stack goes one level up, so equal accuracies (common: they are multiples of
 * 1 / test rows) stay countable instead of hiding behind each other.
 */
export function stackLevels(values: readonly number[], width: number): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((p, q) => p.v - q.v);
  const levels = new Array<number>(values.length).fill(0);
  // The rightmost value placed on each level so far.
  const lastOnLevel: number[] = [];
  for (const { v, i } of order) {
    let level = 0;
    while (level < lastOnLevel.length && v - lastOnLevel[level] < width) level += 1;
    lastOnLevel[level] = v;
    levels[i] = level;
  }
  return levels;
}

/** An axis range around the values with a little room, in steps of `step` (e.g. 0.01). */
export function stripDomain(values: readonly number[], step: number): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [0, 1];
  const lo = Math.floor(Math.min(...finite) / step - 0.5) * step;
  const hi = Math.ceil(Math.max(...finite) / step + 0.5) * step;
  return [Math.max(0, Number(lo.toFixed(6))), Math.min(1, Number(hi.toFixed(6)))];
}
