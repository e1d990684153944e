/** makeClassification beyond the fixtures: structure, options, determinism and bad input. */
import { describe, expect, it } from 'vitest';
import { type Dataset, type MakeClassificationOptions, RandomState, makeClassification } from '../../src/data';

const column = (d: Dataset, j: number) => Array.from({ length: d.nSamples }, (_, i) => d.X[i * d.nFeatures + j]);

/** Each row's values sorted, rows then sorted: equal for datasets that differ by row/column permutations. */
function canonicalRows(d: Dataset): string[] {
  const rows: string[] = [];
  for (let i = 0; i < d.nSamples; i++) {
    const vals = Array.from(d.X.subarray(i * d.nFeatures, (i + 1) * d.nFeatures)).sort((a, b) => a - b);
    rows.push(`${d.y[i]}:${vals.join(',')}`);
  }
  return rows.sort();
}

/** Least-squares residual of y on the columns of M (n × k), via the normal equations. */
function residual(M: number[][], y: number[]): number {
  const k = M[0].length;
  const A = Array.from({ length: k }, (_, a) => Array.from({ length: k }, (_, b) => M.reduce((s, r) => s + r[a] * r[b], 0)));
  const rhs = Array.from({ length: k }, (_, a) => M.reduce((s, r, i) => s + r[a] * y[i], 0));
  for (let p = 0; p < k; p++) {
    for (let q = p + 1; q < k; q++) {
      const f = A[q][p] / A[p][p];
      for (let c = p; c < k; c++) A[q][c] -= f * A[p][c];
      rhs[q] -= f * rhs[p];
    }
  }
  const beta = new Array<number>(k).fill(0);
  for (let p = k - 1; p >= 0; p--) {
    beta[p] = (rhs[p] - A[p].slice(p + 1).reduce((s, v, c) => s + v * beta[p + 1 + c], 0)) / A[p][p];
  }
  return Math.max(...y.map((v, i) => Math.abs(v - M[i].reduce((s, m, c) => s + m * beta[c], 0))));
}

describe('makeClassification structure (shuffle=false)', () => {
  const base: MakeClassificationOptions = { nSamples: 400, nFeatures: 9, nInformative: 3, nRedundant: 2, nRepeated: 2,
    flipY: 0, shuffle: false, randomState: 3 };

  it('labels come in cluster blocks, k % 2, with sklearn’s per-cluster counts', () => {
    const d = makeClassification({ ...base, nSamples: 102 });
    // int(102 * 0.5 / 2) = 25 per cluster, remainder 2 to clusters 0 and 1 → 26, 26, 25, 25.
    const expected = [...Array(26).fill(0), ...Array(26).fill(1), ...Array(25).fill(0), ...Array(25).fill(1)];
    expect(Array.from(d.y)).toEqual(expected);
  });

  it('redundant columns are exact linear combinations of the informative ones', () => {
    const d = makeClassification(base);
    const M = Array.from({ length: d.nSamples }, (_, i) => Array.from(d.X.subarray(i * 9, i * 9 + 3)));
    for (const j of [3, 4]) expect(residual(M, column(d, j))).toBeLessThan(1e-9);
    expect(residual(M, column(d, 7))).toBeGreaterThan(0.1); // a useless column is not
  });

  it('repeated columns copy one of the informative or redundant columns', () => {
    const d = makeClassification(base);
    for (const j of [5, 6]) {
      const col = column(d, j).join();
      expect([0, 1, 2, 3, 4].some((src) => column(d, src).join() === col)).toBe(true);
    }
  });

  it('useless columns are standard normal noise', () => {
    const d = makeClassification({ ...base, nSamples: 4000 });
    for (const j of [7, 8]) {
      const c = column(d, j);
      const mean = c.reduce((a, b) => a + b, 0) / c.length;
      const v = c.reduce((a, b) => a + (b - mean) ** 2, 0) / c.length;
      expect(Math.abs(mean)).toBeLessThan(0.1);
      expect(Math.abs(v - 1)).toBeLessThan(0.1);
    }
  });

  it('clusters sit near distinct hypercube vertices ±classSep', () => {
    const d = makeClassification({ nSamples: 2000, nFeatures: 2, nInformative: 2, nRedundant: 0, classSep: 10,
      flipY: 0, shuffle: false, randomState: 1 });
    const means = [0, 1, 2, 3].map((k) => [0, 1].map((j) => column(d, j).slice(k * 500, (k + 1) * 500).reduce((a, b) => a + b, 0) / 500));
    const vertices = means.map((m) => m.map((v) => Math.sign(v) * 10));
    means.forEach((m, k) => m.forEach((v, j) => expect(Math.abs(v - vertices[k][j])).toBeLessThan(1.5)));
    expect(new Set(vertices.map((v) => v.join())).size).toBe(4);
  });

  it('weights sets the class-0 share', () => {
    const d = makeClassification({ ...base, nSamples: 1000, weights: 0.2 });
    const zeros = d.y.filter((v) => v === 0).length;
    expect(Math.abs(zeros - 200)).toBeLessThanOrEqual(4);
  });
});

describe('makeClassification options and determinism', () => {
  const opts: MakeClassificationOptions = { nSamples: 300, nFeatures: 12, randomState: 21 };

  it('is deterministic; a seed equals a fresh RandomState with that seed', () => {
    const a = makeClassification(opts);
    expect(makeClassification(opts)).toEqual(a);
    expect(makeClassification({ ...opts, randomState: new RandomState(21) })).toEqual(a);
  });

  it('a RandomState instance is advanced, so a second call differs', () => {
    const rs = new RandomState(21);
    const first = makeClassification({ ...opts, randomState: rs });
    const second = makeClassification({ ...opts, randomState: rs });
    expect(second.X).not.toEqual(first.X);
  });

  it('shuffling only permutes rows and columns (it is the last draw)', () => {
    const plain = makeClassification({ ...opts, shuffle: false });
    const shuffled = makeClassification(opts);
    expect(canonicalRows(shuffled)).toEqual(canonicalRows(plain));
  });

  it('random shift and scale, random polytope: finite, different data, same labels before flipping', () => {
    const plain = makeClassification({ ...opts, flipY: 0, shuffle: false });
    const varied = makeClassification({ ...opts, flipY: 0, shuffle: false, shift: null, scale: null });
    const polytope = makeClassification({ ...opts, flipY: 0, shuffle: false, hypercube: false });
    for (const d of [varied, polytope]) {
      expect(d.X.every(Number.isFinite)).toBe(true);
      expect(d.X).not.toEqual(plain.X);
      expect(d.y).toEqual(plain.y);
    }
    expect(makeClassification({ ...opts, shift: 2, scale: 3, shuffle: false }).X[0]).toBeCloseTo(
      (makeClassification({ ...opts, shuffle: false }).X[0] + 2) * 3, 12);
  });

  it('flipY = 1 reassigns every label at random', () => {
    const d = makeClassification({ ...opts, nSamples: 2000, flipY: 1, shuffle: false });
    const ones = d.y.filter((v) => v === 1).length;
    expect(Math.abs(ones - 1000)).toBeLessThan(120);
  });
});

describe('makeClassification rejects what sklearn rejects', () => {
  it.each<[MakeClassificationOptions, string]>([
    [{ nFeatures: 4, nInformative: 2, nRedundant: 2, nRepeated: 1 }, '2 + 2 + 1 = 5) must be <= nFeatures (4)'],
    [{ nInformative: 1, nRedundant: 0, nClustersPerClass: 2 }, 'nClustersPerClass(2) = 4 must be <= 2 ** nInformative(1) = 2'],
    [{ weights: 1.5 }, 'weights must be a finite number in [0, 1], got 1.5'],
    [{ weights: -0.1 }, 'got -0.1'],
    [{ weights: Number.NaN }, 'weights must be a finite number in [0, 1], got NaN'],
    [{ nSamples: 0 }, 'nSamples must be an integer >= 1, got 0'],
    [{ nSamples: 10.5 }, 'nSamples must be an integer >= 1, got 10.5'],
    [{ nFeatures: 3.2 }, 'nFeatures must be an integer >= 1, got 3.2'],
    [{ nInformative: 0 }, 'nInformative must be an integer >= 1, got 0'],
    [{ nRedundant: -1 }, 'nRedundant must be an integer >= 0, got -1'],
    [{ nRepeated: 0.5 }, 'nRepeated must be an integer >= 0, got 0.5'],
    [{ nClustersPerClass: 0 }, 'nClustersPerClass must be an integer >= 1, got 0'],
    [{ flipY: 1.01 }, 'flipY must be a finite number in [0, 1], got 1.01'],
    [{ classSep: 0 }, 'classSep must be a finite number in (0, Infinity), got 0'],
    [{ shift: Number.POSITIVE_INFINITY }, 'shift must be a finite number, got Infinity'],
    [{ scale: 0 }, 'scale must be a finite number in (0, Infinity), got 0'],
    [{ randomState: -1 }, 'seed must be an integer in 0..4294967295, got -1'],
  ])('%o', (options, message) => {
    expect(() => makeClassification({ randomState: 0, ...options })).toThrow(RangeError);
    expect(() => makeClassification({ randomState: 0, ...options })).toThrow(message);
  });
});
