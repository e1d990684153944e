/**
 * Epoch records (indexed by member) -> what the charts and the results panel show per network.
 * Pure, no DOM: plain arrays in, plain arrays out.
 *
 * With several init seeds a network has several members; its curve and accuracy are their mean.
 * With one seed (the default) that mean is simply the member's own value.
 */
import type { EpochRecord, FinalMetrics } from '../engine/trainer';
import type { Member, NetworkId } from '../engine/model';

/** One epoch of one network: the losses the notebook prints for that epoch. */
export interface LossPoint {
  /** 1-based: the first epoch is epoch 1. */
  readonly epoch: number;
  /** Binary cross-entropy on the training split, the loss whose gradient the epoch's update used. */
  readonly trainLoss: number;
  /** Binary cross-entropy on the held-out test split, before the epoch's update. */
  readonly testLoss: number;
}

/** Both networks at one epoch, for the overlay chart. */
export interface PairPoint {
  readonly epoch: number;
  readonly aTrain: number;
  readonly aTest: number;
  readonly bTrain: number;
  readonly bTest: number;
}

/** The member indices of one network. */
export function membersOfNetwork(members: readonly Member[], network: NetworkId): number[] {
  return members.flatMap((m, i) => (m.network === network ? [i] : []));
}

function mean(values: readonly number[], indices: readonly number[]): number {
  let sum = 0;
  for (const i of indices) sum += values[i];
  return sum / indices.length;
}

/** One network's loss curve: one point per completed epoch. */
export function lossCurve(records: readonly EpochRecord[], indices: readonly number[]): LossPoint[] {
  if (indices.length === 0) return [];
  return records.map((r) => ({
    epoch: r.epoch + 1,
    trainLoss: mean(r.trainLoss, indices),
    testLoss: mean(r.testLoss, indices),
  }));
}

/** Zip two networks' curves (same epochs) into the overlay's rows. */
export function pairCurve(a: readonly LossPoint[], b: readonly LossPoint[]): PairPoint[] {
  const n = Math.min(a.length, b.length);
  return Array.from({ length: n }, (_, i) => ({
    epoch: a[i].epoch,
    aTrain: a[i].trainLoss,
    aTest: a[i].testLoss,
    bTrain: b[i].trainLoss,
    bTest: b[i].testLoss,
  }));
}

/** Accuracy (fraction correct) of one network: after training, or at the latest epoch so far. */
export interface Accuracy {
  readonly test: number;
  readonly train: number;
}

export function finalAccuracy(final: FinalMetrics, indices: readonly number[]): Accuracy | null {
  if (indices.length === 0) return null;
  return { test: mean(final.testAccuracy, indices), train: mean(final.trainAccuracy, indices) };
}

export function latestAccuracy(records: readonly EpochRecord[], indices: readonly number[]): Accuracy | null {
  const last = records[records.length - 1];
  if (!last || indices.length === 0) return null;
  return { test: mean(last.testAccuracy, indices), train: mean(last.trainAccuracy, indices) };
}

/** Axis tops that read cleanly, as multiples of a power of ten. */
const NICE = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/** Round up to the next clean axis top (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten). */
export function niceCeil(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  const m = x / p;
  const step = NICE.find((n) => m <= n + 1e-12) ?? 10;
  return Number((step * p).toPrecision(12));
}

/**
 * A y-axis [0, top] shared by both networks' charts, so their curves compare at a glance. The top
 * covers every loss so far but never more than 4× the first epoch's, so one exploding value of a
 * diverging run does not flatten the curves worth reading (it is clipped instead).
 */
export function sharedLossDomain(curves: readonly (readonly LossPoint[])[]): [number, number] {
  let first = 0;
  let top = 0;
  for (const curve of curves) {
    if (curve.length === 0) continue;
    first = Math.max(first, curve[0].trainLoss, curve[0].testLoss);
    for (const p of curve) {
      if (Number.isFinite(p.trainLoss)) top = Math.max(top, p.trainLoss);
      if (Number.isFinite(p.testLoss)) top = Math.max(top, p.testLoss);
    }
  }
  if (top === 0) return [0, 1];
  return [0, niceCeil(Math.min(top, 4 * first) * 1.02)];
}
