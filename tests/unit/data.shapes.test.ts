/** make_moons, make_circles, our XOR set and numpy's linspace. */
import { describe, expect, it } from 'vitest';
import { type Dataset, RandomState, linspace, makeCircles, makeMoons, makeXor } from '../../src/data';

const point = (d: Dataset, i: number): [number, number] => [d.X[2 * i], d.X[2 * i + 1]];

/** shuffled[i] must be plain[perm[i]], labels included. */
function expectPermuted(shuffled: Dataset, plain: Dataset, perm: Int32Array): void {
  for (let i = 0; i < plain.nSamples; i++) {
    expect(point(shuffled, i)).toEqual(point(plain, perm[i]));
    expect(shuffled.y[i]).toBe(plain.y[perm[i]]);
  }
}

describe('linspace (numpy.linspace)', () => {
  it('start + i * step, the last value set to stop exactly', () => {
    expect(Array.from(linspace(0, 1, 5))).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(linspace(0, Math.PI, 7)[6]).toBe(Math.PI);
    const step = Math.PI / 6;
    expect(linspace(0, Math.PI, 7)[5]).toBe(5 * step);
  });

  it('endpoint=false divides by num; num 0 and 1 follow numpy', () => {
    expect(Array.from(linspace(0, 1, 4, false))).toEqual([0, 0.25, 0.5, 0.75]);
    expect(Array.from(linspace(2, 3, 1))).toEqual([2]);
    expect(Array.from(linspace(2, 3, 0))).toEqual([]);
    expect(Array.from(linspace(1, 1, 3))).toEqual([1, 1, 1]);
  });
});

describe('makeMoons (sklearn.datasets.make_moons)', () => {
  it('without shuffle or noise: n//2 on the upper unit half circle, the rest on the shifted lower one', () => {
    const d = makeMoons({ nSamples: 101, shuffle: false });
    expect(d.nSamples).toBe(101);
    expect(d.nFeatures).toBe(2);
    expect(d.y.filter((v) => v === 0).length).toBe(50);
    expect(point(d, 0)).toEqual([1, 0]);
    expect(point(d, 50)).toEqual([0, 0.5]);
    for (let i = 0; i < 101; i++) {
      const [x, y] = point(d, i);
      const inner = i >= 50;
      expect(d.y[i]).toBe(inner ? 1 : 0);
      const r = inner ? Math.hypot(x - 1, y - 0.5) : Math.hypot(x, y);
      expect(Math.abs(r - 1)).toBeLessThan(1e-12);
      expect(inner ? y <= 0.5 + 1e-12 : y >= -1e-12).toBe(true);
    }
  });

  it('shuffle draws only the row permutation, from a fresh generator', () => {
    const plain = makeMoons({ nSamples: 40, shuffle: false });
    const shuffled = makeMoons({ nSamples: 40, randomState: 13 });
    expectPermuted(shuffled, plain, new RandomState(13).permutation(40));
  });

  it('noise adds normal(scale=noise) in row-major order, after the shuffle', () => {
    const clean = makeMoons({ nSamples: 30, randomState: 5 });
    const noisy = makeMoons({ nSamples: 30, noise: 0.1, randomState: 5 });
    const rs = new RandomState(5);
    rs.permutation(30);
    for (let i = 0; i < 60; i++) expect(noisy.X[i]).toBe(clean.X[i] + rs.normal(0, 0.1));
    expect(noisy.y).toEqual(clean.y);
  });

  it('rejects bad options', () => {
    expect(() => makeMoons({ nSamples: -1 })).toThrow('nSamples must be an integer >= 0, got -1');
    expect(() => makeMoons({ noise: -0.5 })).toThrow('noise must be a finite number in [0, Infinity), got -0.5');
    expect(() => makeMoons({ randomState: 1.5 })).toThrow('got 1.5');
  });
});

describe('makeCircles (sklearn.datasets.make_circles)', () => {
  it('label 0 on the unit circle, label 1 on radius factor; odd n gives the inner circle one more', () => {
    const d = makeCircles({ nSamples: 51, factor: 0.3, randomState: 2 });
    expect(d.y.filter((v) => v === 1).length).toBe(26);
    for (let i = 0; i < 51; i++) {
      const r = Math.hypot(...point(d, i));
      expect(Math.abs(r - (d.y[i] === 1 ? 0.3 : 1))).toBeLessThan(1e-12);
    }
  });

  it('without shuffle: evenly spaced angles without the endpoint; shuffle = fresh permutation', () => {
    const plain = makeCircles({ nSamples: 8, shuffle: false });
    expect(point(plain, 0)).toEqual([1, 0]);
    expect(point(plain, 1)[0]).toBeCloseTo(0, 15);
    expect(point(plain, 4)).toEqual([0.8, 0]);
    expectPermuted(makeCircles({ nSamples: 8, randomState: 3 }), plain, new RandomState(3).permutation(8));
  });

  it('noise moves points off the circles', () => {
    const d = makeCircles({ nSamples: 200, noise: 0.05, randomState: 1 });
    const radii = Array.from({ length: 200 }, (_, i) => Math.hypot(...point(d, i)));
    expect(radii.some((r) => Math.abs(r - 1) > 1e-3 && Math.abs(r - 0.8) > 1e-3)).toBe(true);
  });

  it.each([1, -0.1, 1.5, Number.NaN])('factor %s is a RangeError', (factor) => {
    expect(() => makeCircles({ factor })).toThrow(`factor must be a finite number in [0, 1), got ${factor}`);
  });
});

describe('makeXor (documented numpy recipe)', () => {
  const corners = [[1, 1], [-1, -1], [1, -1], [-1, 1]];

  it('follows the recipe: normal * noise + corners[i % 4], label = x1 * x2 > 0', () => {
    const d = makeXor({ nSamples: 20, noise: 0.4, shuffle: false, randomState: 17 });
    const rs = new RandomState(17);
    for (let i = 0; i < 20; i++) {
      const x = rs.standardNormal() * 0.4 + corners[i % 4][0];
      const y = rs.standardNormal() * 0.4 + corners[i % 4][1];
      expect(point(d, i)).toEqual([x, y]);
      expect(d.y[i]).toBe(x * y > 0 ? 1 : 0);
    }
  });

  it('then shuffles with the same generator, after the 2n normals', () => {
    const plain = makeXor({ nSamples: 24, noise: 0.3, shuffle: false, randomState: 4 });
    const shuffled = makeXor({ nSamples: 24, noise: 0.3, randomState: 4 });
    const rs = new RandomState(4);
    for (let i = 0; i < 48; i++) rs.standardNormal();
    expectPermuted(shuffled, plain, rs.permutation(24));
  });

  it('noise 0 puts every point on its corner, balanced labels', () => {
    const d = makeXor({ nSamples: 8, noise: 0, shuffle: false, randomState: 0 });
    expect(Array.from(d.X)).toEqual(corners.concat(corners).flat());
    expect(Array.from(d.y)).toEqual([1, 1, 0, 0, 1, 1, 0, 0]);
  });

  it('defaults: 200 points, noise 0.5, mostly labelled by their corner', () => {
    const d = makeXor({ randomState: 1 });
    expect(d.nSamples).toBe(200);
    const agree = Array.from(d.y).filter((v, i) => v === (d.X[2 * i] * d.X[2 * i + 1] > 0 ? 1 : 0)).length;
    expect(agree).toBe(200);
    expect(Math.abs(d.y.filter((v) => v === 1).length - 100)).toBeLessThan(25);
  });

  it('rejects bad options', () => {
    expect(() => makeXor({ noise: -1 })).toThrow('noise must be a finite number in [0, Infinity), got -1');
    expect(() => makeXor({ nSamples: 3.5 })).toThrow('nSamples must be an integer >= 0, got 3.5');
  });
});
