/** standardize (StandardScaler) and pca2. */
import { describe, expect, it } from 'vitest';
import { makeClassification, pca2, standardize } from '../../src/data';

describe('standardize (StandardScaler fit on train, applied to both)', () => {
  it('uses the train mean and population std (ddof 0)', () => {
    // Two features; column 0 = [1, 2, 3] → mean 2, std sqrt(2/3); column 1 = [10, 10, 40] → mean 20, std sqrt(200).
    const train = Float64Array.of(1, 10, 2, 10, 3, 40);
    const test = Float64Array.of(4, 20);
    const { xTrain, xTest, mean, scale } = standardize(train, test, 2);
    expect(Array.from(mean)).toEqual([2, 20]);
    expect(scale[0]).toBeCloseTo(Math.sqrt(2 / 3), 15);
    expect(scale[1]).toBeCloseTo(Math.sqrt(200), 13);
    expect(xTest[0]).toBeCloseTo(2 / Math.sqrt(2 / 3), 14);
    expect(xTest[1]).toBeCloseTo(0, 15);
    expect(xTrain[0]).toBeCloseTo(-1 / Math.sqrt(2 / 3), 14);
    expect(Array.from(train)).toEqual([1, 10, 2, 10, 3, 40]); // inputs untouched
  });

  it('gives train columns mean 0 and variance 1', () => {
    const d = makeClassification({ nSamples: 500, nFeatures: 6, shift: null, scale: null, randomState: 2 });
    const { xTrain } = standardize(d.X, new Float64Array(0), 6);
    for (let j = 0; j < 6; j++) {
      let s = 0;
      let s2 = 0;
      for (let i = 0; i < 500; i++) {
        s += xTrain[i * 6 + j];
        s2 += xTrain[i * 6 + j] ** 2;
      }
      expect(Math.abs(s / 500)).toBeLessThan(1e-12);
      expect(Math.abs(s2 / 500 - 1)).toBeLessThan(1e-12);
    }
  });

  it('a constant column gets scale 1 and is only centred', () => {
    const { xTrain, xTest, scale } = standardize(Float64Array.of(5, 1, 5, 2), Float64Array.of(7, 3), 2);
    expect(scale[0]).toBe(1);
    expect([xTrain[0], xTrain[2], xTest[0]]).toEqual([0, 0, 2]);
  });

  it('rejects ragged input', () => {
    expect(() => standardize(Float64Array.of(1, 2, 3), new Float64Array(0), 2)).toThrow('Xtrain must hold');
    expect(() => standardize(new Float64Array(0), new Float64Array(0), 2)).toThrow('Xtrain must hold');
    expect(() => standardize(Float64Array.of(1, 2), Float64Array.of(1), 2)).toThrow('Xtest must hold');
    expect(() => standardize(Float64Array.of(1, 2), Float64Array.of(1, 2), 0)).toThrow('nFeatures must be an integer >= 1, got 0');
  });
});

/** Points t·u + s·w in 5-D (u, w orthonormal, last 3 features zero), t = -50..50, s = ±0.5 alternating. */
function planeData(): { X: Float64Array; t: number[]; s: number[] } {
  const t = Array.from({ length: 101 }, (_, k) => k - 50);
  const s = t.map((k) => (k % 2 === 0 ? 0.5 : -0.5));
  const X = new Float64Array(101 * 5);
  t.forEach((tk, i) => {
    X[i * 5] = 0.6 * tk - 0.8 * s[i] + 3;
    X[i * 5 + 1] = 0.8 * tk + 0.6 * s[i] - 1;
  });
  return { X, t, s };
}

describe('pca2', () => {
  it('finds the known axes, signs and variance ratios', () => {
    const { X, t, s } = planeData();
    const { components, projection, explainedVarianceRatio } = pca2(X, 101, 5);
    const u = Array.from(components.subarray(0, 5));
    const w = Array.from(components.subarray(5, 10));
    [0.6, 0.8, 0, 0, 0].forEach((v, j) => expect(u[j]).toBeCloseTo(v, 9));
    // w = ±(-0.8, 0.6): the largest |loading| (-0.8) is made positive.
    [0.8, -0.6, 0, 0, 0].forEach((v, j) => expect(w[j]).toBeCloseTo(v, 9));
    const sBar = s.reduce((a, b) => a + b, 0) / s.length;
    const varT = t.reduce((a, b) => a + b * b, 0);
    const varS = s.reduce((a, b) => a + (b - sBar) ** 2, 0);
    expect(explainedVarianceRatio[0]).toBeCloseTo(varT / (varT + varS), 12);
    expect(explainedVarianceRatio[1]).toBeCloseTo(varS / (varT + varS), 9);
    t.forEach((tk, i) => expect(projection[2 * i]).toBeCloseTo(tk, 9));
    s.forEach((sk, i) => expect(projection[2 * i + 1]).toBeCloseTo(-(sk - sBar), 9));
  });

  it('on 100-D classification data: orthonormal axes, eigen-equations hold, ratios ordered', () => {
    const n = 600;
    const d = 100;
    const data = makeClassification({ nSamples: n, nFeatures: d, nInformative: 10, randomState: 3 });
    const { components, explainedVarianceRatio: [r1, r2], projection } = pca2(data.X, n, d);
    const dot = (a: Float64Array, b: Float64Array) => a.reduce((acc, v, i) => acc + v * b[i], 0);
    const v1 = components.subarray(0, d);
    const v2 = components.subarray(d);
    expect(dot(v1, v1)).toBeCloseTo(1, 12);
    expect(dot(v2, v2)).toBeCloseTo(1, 12);
    expect(Math.abs(dot(v1, v2))).toBeLessThan(1e-9);
    expect(r1).toBeGreaterThanOrEqual(r2);
    expect(r1 + r2).toBeLessThanOrEqual(1);
    // Projected variance along each axis equals its eigenvalue share of the total variance.
    let total = 0;
    for (let j = 0; j < d; j++) {
      let m = 0;
      let m2 = 0;
      for (let i = 0; i < n; i++) {
        m += data.X[i * d + j];
        m2 += data.X[i * d + j] ** 2;
      }
      total += m2 - (m * m) / n;
    }
    const p1 = Array.from({ length: n }, (_, i) => projection[2 * i]).reduce((a, b) => a + b * b, 0);
    expect(p1 / total).toBeCloseTo(r1, 9);
  });

  it('is deterministic and handles degenerate input', () => {
    const { X } = planeData();
    expect(pca2(X, 101, 5)).toEqual(pca2(X, 101, 5));
    const flat = pca2(new Float64Array(12).fill(2), 4, 3);
    expect(flat.explainedVarianceRatio).toEqual([0, 0]);
    expect(Array.from(flat.projection).every((v) => v === 0)).toBe(true);
    const single = pca2(Float64Array.of(1, 2, 4), 3, 1);
    expect(single.explainedVarianceRatio).toEqual([1, 0]);
    expect(() => pca2(Float64Array.of(1, 2, 3), 2, 2)).toThrow('X must have length nRows * nFeatures = 4, got 3');
    expect(() => pca2(Float64Array.of(1), 1, 0)).toThrow('nFeatures=0');
  });
});
