/**
 * The pure shaping behind the teaching panels: lesson picking, loss bands and the lowest test
 * loss, the many-seed comparison, and the words of the look-inside panels.
 */
import { describe, expect, it } from 'vitest';
import type { Member } from '../../src/engine/model';
import type { EpochRecord } from '../../src/engine/trainer';
import { lossRows, lowestTestLoss } from '../../src/state/bands';
import { deadUnitsText, formatTiny, histogramBars, matrixProduct, parameterCounts } from '../../src/state/inside';
import { LESSONS, lessonBase } from '../../src/state/lessons';
import { withLesson } from '../../src/state/pickLesson';
import { parseQuery, toQuery } from '../../src/state/query';
import { DEFAULTS } from '../../src/state/schema';
import { compareSeeds, stackLevels, stripDomain } from '../../src/state/seeds';

describe('picking a lesson', () => {
  it('replaces every experiment setting with the preset and keeps the view settings', () => {
    const current = { ...DEFAULTS, hidden: 64, lr: 0.1, seeds: 7, backend: 'cpu' as const, autostart: false, pace: 5,
      present: true, hide: ['data' as const] };
    const next = withLesson(current, 'circles');
    expect(next).toEqual({ ...lessonBase('circles'), backend: 'cpu', autostart: false, pace: 5, present: true, hide: ['data'] });
    expect(next.hidden).toBe(DEFAULTS.hidden);
    expect(next.dataset).toBe('circles');
  });

  it('gives a URL that names the lesson and nothing else, which parses back to the same settings', () => {
    for (const name of Object.keys(LESSONS) as (keyof typeof LESSONS)[]) {
      const next = withLesson(DEFAULTS, name);
      const query = toQuery(next);
      expect(query).toBe(name === 'notebook' ? '' : `lesson=${name}`);
      expect(parseQuery(query).settings).toEqual(next);
    }
  });
});

const member = (network: 'a' | 'b', initSeed: number): Member =>
  ({ network, initSeed, activation: network === 'a' ? 'none' : 'relu', dropout: 0 });
const THREE_SEEDS = [member('a', 0), member('a', 1), member('a', 2), member('b', 0), member('b', 1), member('b', 2)];

function record(epoch: number, trainLoss: number[], testLoss: number[], testAccuracy = [0.8, 0.82, 0.84, 0.9, 0.9, 0.95]):
  EpochRecord {
  return { epoch, trainLoss, testLoss, trainAccuracy: testAccuracy, testAccuracy };
}

describe('loss rows', () => {
  it('averages the seeds, spans ±1 sample standard deviation, and shades between train and test', () => {
    const rows = lossRows([record(0, [1, 2, 3, 0, 0, 0], [2, 4, 6, 0, 0, 0])], [0, 1, 2]);
    expect(rows).toHaveLength(1);
    const [r] = rows;
    expect(r.epoch).toBe(1);
    expect(r.trainLoss).toBe(2);
    expect(r.testLoss).toBe(4);
    // Sample std of [1, 2, 3] is 1; of [2, 4, 6] is 2.
    expect(r.trainBand).toEqual([1, 3]);
    expect(r.testBand).toEqual([2, 6]);
    expect(r.gap).toEqual([2, 4]);
  });

  it('has no bands with one seed, and no gap at a non-finite loss', () => {
    const rows = lossRows([record(0, [0.5, 0, 0, 0, 0, 0], [0.7, 0, 0, 0, 0, 0]), record(1, [NaN, 0, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0])], [0]);
    expect(rows[0].trainBand).toBeNull();
    expect(rows[0].testBand).toBeNull();
    expect(rows[0].gap).toEqual([0.5, 0.7]);
    expect(rows[1].gap).toBeNull();
  });

  it('finds the epoch of lowest test loss, the first on a tie, skipping non-finite losses', () => {
    const curve = [0.9, 0.5, 0.4, 0.4, NaN, 0.6].map((testLoss, i) => ({ epoch: i + 1, trainLoss: 0, testLoss }));
    expect(lowestTestLoss(curve)).toEqual({ epoch: 3, trainLoss: 0, testLoss: 0.4 });
    expect(lowestTestLoss([])).toBeNull();
  });
});

describe('many seeds', () => {
  it('pairs seed k of A with seed k of B and takes the final accuracies once they exist', () => {
    const records = [record(0, [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0])];
    const live = compareSeeds(THREE_SEEDS, null, records);
    expect(live?.final).toBe(false);
    expect(live?.a).toEqual([0.8, 0.82, 0.84]);
    expect(live?.b).toEqual([0.9, 0.9, 0.95]);
    // Differences 0.1, 0.08, 0.11: mean 0.0967, sd 0.01528, t(2) = 4.303 -> half-width 0.03795.
    expect(live?.difference.mean).toBeCloseTo(0.09667, 4);
    expect(live!.difference.high - live!.difference.mean).toBeCloseTo(0.03795, 4);
    const final = { trainLoss: [], testLoss: [], trainAccuracy: [], testAccuracy: [0.7, 0.7, 0.7, 0.9, 0.9, 0.9] };
    const done = compareSeeds(THREE_SEEDS, final, records);
    expect(done?.final).toBe(true);
    expect(done?.difference.mean).toBeCloseTo(0.2, 12);
    expect(compareSeeds(THREE_SEEDS, null, [])).toBeNull();
  });

  it('stacks equal values so every seed stays visible, and leaves distinct ones on the axis', () => {
    expect(stackLevels([0.5, 0.5, 0.5, 0.9], 0.01)).toEqual([0, 1, 2, 0]);
    expect(stackLevels([0.1, 0.2, 0.3], 0.05)).toEqual([0, 0, 0]);
    expect(stackLevels([0.3, 0.305, 0.31], 0.01)).toEqual([0, 1, 0]);
  });

  it('gives the strip an axis a little wider than the values, within [0, 1]', () => {
    // At least half a step of room on each side, on the step's grid.
    expect(stripDomain([0.853, 0.871], 0.01)).toEqual([0.84, 0.88]);
    expect(stripDomain([1, 1], 0.01)).toEqual([0.99, 1]);
    expect(stripDomain([], 0.01)).toEqual([0, 1]);
  });
});

describe('look-inside words', () => {
  it("counts the notebook network's 1,633 parameters against 101 effective ones", () => {
    expect(parameterCounts([100, 16, 1])).toEqual({ parameters: 1633, effective: 101 });
    expect(parameterCounts([2, 16, 16, 16, 1])).toEqual({ parameters: 48 + 272 + 272 + 17, effective: 3 });
  });

  it('writes the product last layer first, with subscripts', () => {
    expect(matrixProduct(2)).toBe('W₂W₁');
    expect(matrixProduct(4)).toBe('W₄W₃W₂W₁');
    expect(matrixProduct(12).startsWith('W₁₂W₁₁')).toBe(true);
  });

  it('prints a tiny difference with one significant digit', () => {
    expect(formatTiny(6.2e-8)).toBe('6e-8');
    expect(formatTiny(0)).toBe('0');
    expect(formatTiny(0.25)).toBe('0.25');
  });

  it('turns a histogram into shares and says how many ReLU units are dead', () => {
    const h = { edges: [0, 1, 2], counts: [30, 10], dead: 3, units: 16 };
    expect(histogramBars(h)).toEqual([{ x0: 0, x1: 1, share: 0.75 }, { x0: 1, x1: 2, share: 0.25 }]);
    expect(deadUnitsText(h, 'relu', 'ReLU')).toMatch(/^3 of 16 units never fire on the training set/);
    expect(deadUnitsText({ ...h, dead: 0 }, 'relu', 'ReLU')).toMatch(/none is dead/);
    expect(deadUnitsText({ ...h, dead: null }, 'none', 'no activation')).toMatch(/nothing is cut off/);
    expect(deadUnitsText({ ...h, dead: null }, 'tanh', 'tanh')).toMatch(/tanh/);
  });
});
