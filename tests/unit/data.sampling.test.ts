/** sample_without_replacement's branches, the hypercube vertices and trainTestSplit beyond the fixture. */
import { describe, expect, it } from 'vitest';
import { RandomState, generateHypercube, sampleWithoutReplacement, trainTestSplit } from '../../src/data';
import type { SampleMethod } from '../../src/data';

function expectDistinctInRange(values: number[], nPopulation: number, nSamples: number): void {
  expect(values).toHaveLength(nSamples);
  expect(new Set(values).size).toBe(nSamples);
  for (const v of values) expect(Number.isInteger(v) && v >= 0 && v < nPopulation).toBe(true);
}

describe("sampleWithoutReplacement, method 'auto'", () => {
  it('ratio <= 0.01 → tracking selection: the first distinct values of randint(n_population)', () => {
    const got = sampleWithoutReplacement(100_000, 300, new RandomState(8));
    expectDistinctInRange(got, 100_000, 300);
    const rs = new RandomState(8);
    const expected: number[] = [];
    while (expected.length < 300) {
      const j = rs.randint(100_000);
      if (!expected.includes(j)) expected.push(j);
    }
    expect(got).toEqual(expected);
  });

  it('ratio exactly 0.01 is still tracking selection (the permutation needs ratio > 0.01)', () => {
    expect(sampleWithoutReplacement(100, 1, new RandomState(2))).toEqual([new RandomState(2).randint(100)]);
  });

  it('0.01 < ratio < 0.99 → permutation(n_population)[:n_samples]', () => {
    const got = sampleWithoutReplacement(50, 20, new RandomState(4));
    expectDistinctInRange(got, 50, 20);
    expect(got).toEqual(Array.from(new RandomState(4).permutation(50).subarray(0, 20)));
  });

  it('ratio >= 0.99 → reservoir sampling: n_population - n_samples draws of randint(0, i + 1)', () => {
    const rs = new RandomState(6);
    const got = sampleWithoutReplacement(1000, 995, rs);
    expectDistinctInRange(got, 1000, 995);
    const check = new RandomState(6);
    for (let i = 995; i < 1000; i++) check.randint(0, i + 1);
    expect(rs.nextUint32()).toBe(check.nextUint32());
  });

  it('n_samples = n_population → identity, no draws', () => {
    const rs = new RandomState(0);
    expect(sampleWithoutReplacement(5, 5, rs)).toEqual([0, 1, 2, 3, 4]);
    expect(rs.nextUint32()).toBe(new RandomState(0).nextUint32());
  });
});

describe('sampleWithoutReplacement, explicit methods', () => {
  it.each<[SampleMethod, number, number]>([
    ['tracking_selection', 60, 10],
    ['tracking_selection', 60, 30],
    ['reservoir_sampling', 60, 30],
    ['pool', 60, 30],
    ['pool', 7, 7],
  ])('%s(%i, %i) gives distinct values in range', (method, nPop, n) => {
    expectDistinctInRange(sampleWithoutReplacement(nPop, n, new RandomState(1), method), nPop, n);
  });

  it('pool is a partial Fisher–Yates: out[i] = pool[randint(n - i)], the vacancy filled from the end', () => {
    const rs = new RandomState(3);
    const pool = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const expected: number[] = [];
    for (let i = 0; i < 4; i++) {
      const j = rs.randint(10 - i);
      expected.push(pool[j]);
      pool[j] = pool[10 - i - 1];
    }
    expect(sampleWithoutReplacement(10, 4, new RandomState(3), 'pool')).toEqual(expected);
  });

  it('rejects bad counts and methods with RangeErrors naming them', () => {
    const rs = new RandomState(0);
    expect(() => sampleWithoutReplacement(3, 4, rs)).toThrow('(4 > 3)');
    expect(() => sampleWithoutReplacement(-1, 0, rs)).toThrow('nPopulation must be a non-negative integer, got -1');
    expect(() => sampleWithoutReplacement(5, 1.5, rs)).toThrow('nSamples must be a non-negative integer, got 1.5');
    expect(() => sampleWithoutReplacement(5, 1, rs, 'bogus' as SampleMethod)).toThrow('got bogus');
  });
});

describe('generateHypercube', () => {
  const rowsOf = (m: Float64Array, d: number) => Array.from({ length: m.length / d }, (_, i) => Array.from(m.subarray(i * d, (i + 1) * d)));

  it('≤ 30 dimensions: distinct 0/1 rows, the big-endian bits of the sampled integers', () => {
    const m = generateHypercube(6, 5, new RandomState(12));
    const ints = sampleWithoutReplacement(32, 6, new RandomState(12));
    expect(rowsOf(m, 5)).toEqual(ints.map((v) => [4, 3, 2, 1, 0].map((b) => (v >> b) & 1)));
  });

  it('> 30 dimensions: a randint(2) block first, then 30 sampled bits', () => {
    const m = generateHypercube(4, 33, new RandomState(5));
    const rs = new RandomState(5);
    const block = Array.from({ length: 4 }, () => Array.from({ length: 3 }, () => rs.randint(2)));
    const ints = sampleWithoutReplacement(2 ** 30, 4, rs);
    const rows = rowsOf(m, 33);
    rows.forEach((row, i) => {
      expect(row.slice(0, 3)).toEqual(block[i]);
      expect(row.slice(3).reduce((acc, bit) => acc * 2 + bit, 0)).toBe(ints[i]);
    });
    expect(new Set(rows.map((r) => r.join(''))).size).toBe(4);
  });
});

describe('trainTestSplit', () => {
  it('is permutation(n) cut at n_test = ceil(testSize * n); the parts cover 0..n-1', () => {
    const { train, test } = trainTestSplit(103, { testSize: 0.25, randomState: 9 });
    const perm = new RandomState(9).permutation(103);
    expect(test.length).toBe(26);
    expect(Array.from(test)).toEqual(Array.from(perm.subarray(0, 26)));
    expect(Array.from(train)).toEqual(Array.from(perm.subarray(26)));
    expect([...train, ...test].sort((a, b) => a - b)).toEqual(Array.from({ length: 103 }, (_, i) => i));
  });

  it('defaults to testSize 0.25; an integer testSize is a count', () => {
    expect(trainTestSplit(10, { randomState: 0 }).test.length).toBe(3);
    const { train, test } = trainTestSplit(10, { testSize: 4, randomState: 0 });
    expect([train.length, test.length]).toEqual([6, 4]);
  });

  it('continues a RandomState instance', () => {
    const rs = new RandomState(1);
    const a = trainTestSplit(50, { randomState: rs });
    const b = trainTestSplit(50, { randomState: rs });
    expect(b.test).not.toEqual(a.test);
  });

  it.each<[number, number, string]>([
    [10, 0, 'testSize must be a fraction in (0, 1) or an integer count >= 1, got 0'],
    [10, -0.2, 'got -0.2'],
    [10, 1.5, 'got 1.5'],
    [10, Number.NaN, 'got NaN'],
    [10, 10, 'testSize=10 must be smaller than the number of samples n=10'],
    [1, 0.25, 'With n=1 and testSize=0.25, the resulting train set would be empty'],
    [0, 0.25, 'n must be an integer >= 1, got 0'],
    [2.5, 0.25, 'n must be an integer >= 1, got 2.5'],
  ])('n=%s, testSize=%s is a RangeError', (n, testSize, message) => {
    expect(() => trainTestSplit(n, { testSize, randomState: 0 })).toThrow(RangeError);
    expect(() => trainTestSplit(n, { testSize, randomState: 0 })).toThrow(message);
  });
});
