/**
 * Records (indexed by member) -> what the charts and results show per network.
 */
import { describe, expect, it } from 'vitest';
import type { Member } from '../../src/engine/model';
import type { EpochRecord } from '../../src/engine/trainer';
import {
  finalAccuracy, latestAccuracy, lossCurve, membersOfNetwork, niceCeil, pairCurve, sharedLossDomain,
} from '../../src/state/curves';

const member = (network: 'a' | 'b', initSeed: number): Member => ({ network, initSeed, activation: network === 'a' ? 'none' : 'relu', dropout: 0 });
// Two seeds per network: members [a0, a1, b0, b1], as membersOf lays them out.
const MEMBERS = [member('a', 0), member('a', 1), member('b', 0), member('b', 1)];
const record = (epoch: number, base: number): EpochRecord => ({
  epoch,
  trainLoss: [base, base + 0.2, base / 2, base / 2 + 0.2],
  testLoss: [base + 0.1, base + 0.3, base / 2 + 0.1, base / 2 + 0.3],
  trainAccuracy: [0.8, 0.9, 0.9, 1],
  testAccuracy: [0.7, 0.8, 0.85, 0.95],
});

describe('curves', () => {
  it('finds each network’s members', () => {
    expect(membersOfNetwork(MEMBERS, 'a')).toEqual([0, 1]);
    expect(membersOfNetwork(MEMBERS, 'b')).toEqual([2, 3]);
  });

  it('gives one point per epoch, numbered from 1, averaging a network’s seeds', () => {
    const curve = lossCurve([record(0, 0.6), record(1, 0.4)], [0, 1]);
    expect(curve.map((p) => p.epoch)).toEqual([1, 2]);
    expect(curve[0].trainLoss).toBeCloseTo(0.7, 12);
    expect(curve[1].testLoss).toBeCloseTo(0.6, 12);
  });

  it('pairs the two networks epoch by epoch for the overlay', () => {
    const records = [record(0, 0.6), record(1, 0.4)];
    const pair = pairCurve(lossCurve(records, [0, 1]), lossCurve(records, [2, 3]));
    expect(pair).toHaveLength(2);
    expect(pair[1].bTrain).toBeCloseTo(0.3, 12);
  });

  it('averages accuracies over a network’s seeds', () => {
    const final = { trainLoss: [0, 0, 0, 0], testLoss: [0, 0, 0, 0], trainAccuracy: [0.8, 0.9, 0.9, 1], testAccuracy: [0.7, 0.8, 0.85, 0.95] };
    expect(finalAccuracy(final, [2, 3])?.test).toBeCloseTo(0.9, 12);
    expect(latestAccuracy([record(0, 0.5)], [0, 1])?.train).toBeCloseTo(0.85, 12);
    expect(latestAccuracy([], [0, 1])).toBeNull();
  });

  it('shares one y-axis that covers both networks and reads cleanly', () => {
    const a = [{ epoch: 1, trainLoss: 0.69, testLoss: 0.71 }, { epoch: 2, trainLoss: 0.5, testLoss: 0.6 }];
    const b = [{ epoch: 1, trainLoss: 0.69, testLoss: 0.7 }, { epoch: 2, trainLoss: 0.3, testLoss: 0.4 }];
    expect(sharedLossDomain([a, b])).toEqual([0, 0.8]);
    expect(sharedLossDomain([[], []])).toEqual([0, 1]);
  });

  it('clips a diverging curve at 4× the first epoch’s loss instead of flattening the rest', () => {
    const a = [{ epoch: 1, trainLoss: 0.7, testLoss: 0.7 }, { epoch: 2, trainLoss: 90, testLoss: 95 }];
    expect(sharedLossDomain([a])).toEqual([0, 3]);
  });

  it('rounds axis tops up to a clean multiple of a power of ten', () => {
    expect([0.71, 1.02, 1.3, 2.2, 4, 7, 9, 0.034].map(niceCeil)).toEqual([0.8, 1.2, 1.5, 2.5, 4, 8, 10, 0.04]);
  });
});
