/**
 * The data layer held against figures produced by numpy 1.24.2 and
 * scikit-learn 1.2.1 (../shared/reference/sklearn-numpy-vectors.json).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Dataset, RandomState, makeClassification, trainTestSplit } from '../../src/data';

interface StreamFixture {
  seed: number;
  next_uint32: number[];
  random_sample: number[];
  standard_normal: number[];
  'uniform_-1_1': number[];
  randint_2: number[];
  randint_2pow30: number[];
  randint_1000: number[];
  permutation_10: number[];
  shuffle_1000_first20: number[];
  mixed: { calls: string; values: number[] };
}

interface ClassificationFixture {
  params: Record<string, number>;
  shape: [number, number];
  y: string;
  col_sums: number[];
  row_sums_first10: number[];
  first_rows: number[][];
  total: number;
  abs_total: number;
  X?: number[][];
}

interface Fixtures {
  random_state: StreamFixture[];
  make_classification_notebook: ClassificationFixture;
  make_classification_small: ClassificationFixture;
  train_test_split_notebook: {
    n: number;
    test_size: number;
    random_state: number;
    train: number[];
    test: number[];
    train_sha256: string;
    test_sha256: string;
  };
}

const fixtures = JSON.parse(
  readFileSync(new URL('../../../shared/reference/sklearn-numpy-vectors.json', import.meta.url), 'utf8'),
) as Fixtures;

/** README: features must match to 1e-9 relative (BLAS sums in another order). */
function expectClose(actual: number, expected: number, rel = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected) + 1e-300);
}

/** Normals go through Math.log, which (unlike + * / sqrt) is not required to be correctly rounded. */
const LOG_TOLERANCE = 1e-15;

describe.each(fixtures.random_state)('RandomState($seed) reproduces numpy', (f) => {
  const fresh = () => new RandomState(f.seed);
  const draw = (n: number, fn: (rs: RandomState) => number) => {
    const rs = fresh();
    return Array.from({ length: n }, () => fn(rs));
  };

  it('raw MT19937 words, random_sample and uniform(-1, 1) exactly', () => {
    expect(draw(f.next_uint32.length, (rs) => rs.nextUint32())).toEqual(f.next_uint32);
    expect(Array.from(fresh().randomSampleArray(f.random_sample.length))).toEqual(f.random_sample);
    expect(draw(6, (rs) => rs.uniform(-1, 1))).toEqual(f['uniform_-1_1']);
  });

  it('randint(2**32) is the raw word stream (numpy draws next_uint32 for rng = 0xFFFFFFFF)', () => {
    expect(draw(f.next_uint32.length, (rs) => rs.randint(2 ** 32))).toEqual(f.next_uint32);
  });

  it('standard_normal with the cached second value', () => {
    const got = draw(f.standard_normal.length, (rs) => rs.standardNormal());
    got.forEach((v, i) => expectClose(v, f.standard_normal[i], LOG_TOLERANCE));
  });

  it('randint(2), randint(2**30), randint(1000) exactly', () => {
    expect(draw(f.randint_2.length, (rs) => rs.randint(2))).toEqual(f.randint_2);
    expect(draw(f.randint_2pow30.length, (rs) => rs.randint(2 ** 30))).toEqual(f.randint_2pow30);
    expect(draw(f.randint_1000.length, (rs) => rs.randint(0, 1000))).toEqual(f.randint_1000);
  });

  it('permutation(10) and shuffle(arange(1000))', () => {
    expect(Array.from(fresh().permutation(10))).toEqual(f.permutation_10);
    const a = Array.from({ length: 1000 }, (_, i) => i);
    fresh().shuffle(a);
    expect(a.slice(0, 20)).toEqual(f.shuffle_1000_first20);
  });

  it('mixed calls on one generator keep the gauss cache across other draws', () => {
    const rs = fresh();
    const got = [
      rs.standardNormal(), rs.standardNormal(), rs.standardNormal(),
      rs.randomSample(), rs.randomSample(),
      rs.randint(5), rs.randint(5), rs.randint(5),
      rs.standardNormal(), rs.standardNormal(),
    ];
    expect(got.slice(3, 8)).toEqual(f.mixed.values.slice(3, 8));
    got.forEach((v, i) => expectClose(v, f.mixed.values[i], LOG_TOLERANCE));
  });
});

function generate(fx: ClassificationFixture): Dataset {
  const p = fx.params;
  return makeClassification({
    nSamples: p.n_samples,
    nFeatures: p.n_features,
    nInformative: p.n_informative,
    nRedundant: p.n_redundant,
    nRepeated: p.n_repeated ?? 0,
    nClustersPerClass: p.n_clusters_per_class ?? 2,
    flipY: p.flip_y ?? 0.01,
    classSep: p.class_sep ?? 1,
    randomState: p.random_state,
  });
}

function checkSummaries(d: Dataset, fx: ClassificationFixture): void {
  const { X, nFeatures: nf } = d;
  expect([d.nSamples, nf]).toEqual(fx.shape);
  expect(Array.from(d.y).join('')).toBe(fx.y);
  const colSums = new Array<number>(nf).fill(0);
  let total = 0;
  let absTotal = 0;
  for (let i = 0; i < X.length; i++) {
    colSums[i % nf] += X[i];
    total += X[i];
    absTotal += Math.abs(X[i]);
  }
  colSums.forEach((s, j) => expectClose(s, fx.col_sums[j]));
  fx.row_sums_first10.forEach((s, i) => expectClose(X.subarray(i * nf, (i + 1) * nf).reduce((a, b) => a + b, 0), s));
  fx.first_rows.forEach((row, i) => row.forEach((v, j) => expectClose(X[i * nf + j], v)));
  expectClose(total, fx.total);
  expectClose(absTotal, fx.abs_total);
}

describe('makeClassification reproduces sklearn.datasets.make_classification', () => {
  it("the notebook's 5000 × 100 set (100 informative: the randint hypercube block)", () => {
    checkSummaries(generate(fixtures.make_classification_notebook), fixtures.make_classification_notebook);
  });

  it('the small set with redundant, repeated, one cluster per class and label noise, X in full', () => {
    const fx = fixtures.make_classification_small;
    const d = generate(fx);
    checkSummaries(d, fx);
    const full = fx.X ?? [];
    expect(full.length).toBe(d.nSamples);
    full.forEach((row, i) => row.forEach((v, j) => expectClose(d.X[i * d.nFeatures + j], v)));
  });
});

describe('trainTestSplit reproduces sklearn.model_selection.train_test_split', () => {
  const fx = fixtures.train_test_split_notebook;
  const { train, test } = trainTestSplit(fx.n, { testSize: fx.test_size, randomState: fx.random_state });
  const sha = (a: Int32Array) => createHash('sha256').update(Array.from(a).join(',')).digest('hex');

  it('sizes and the first 50 indices of each part', () => {
    expect(test.length).toBe(1000);
    expect(train.length).toBe(4000);
    expect(Array.from(train.subarray(0, 50))).toEqual(fx.train);
    expect(Array.from(test.subarray(0, 50))).toEqual(fx.test);
  });

  it('the SHA-256 of all indices joined by commas', () => {
    expect(sha(train)).toBe(fx.train_sha256);
    expect(sha(test)).toBe(fx.test_sha256);
  });
});
