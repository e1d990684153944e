/** RandomState beyond the fixtures: bad seeds, ranges, invariants of the legacy algorithms. */
import { describe, expect, it } from 'vitest';
import { RandomState, checkRandomState } from '../../src/data';

/** The first raw words of RandomState(0), as numpy prints them (see the fixture README). */
const SEED0_WORDS = [2357136044, 2546248239, 3071714933, 3626093760];

describe('RandomState seeding', () => {
  it.each([
    [-1, 'got -1'],
    [2 ** 32, 'got 4294967296'],
    [1.5, 'got 1.5'],
    [Number.NaN, 'got NaN'],
    [Number.POSITIVE_INFINITY, 'got Infinity'],
  ])('rejects seed %s with a RangeError naming it', (seed, text) => {
    expect(() => new RandomState(seed)).toThrow(RangeError);
    expect(() => new RandomState(seed)).toThrow(`seed must be an integer in 0..4294967295, ${text}`);
  });

  it('accepts both ends of the range and gives distinct streams', () => {
    const a = new RandomState(0).nextUint32();
    const b = new RandomState(2 ** 32 - 1).nextUint32();
    expect(a).toBe(SEED0_WORDS[0]);
    expect(b).not.toBe(a);
  });

  it('is deterministic across instances and survives the 624-word twist', () => {
    const a = new RandomState(123);
    const b = new RandomState(123);
    for (let i = 0; i < 2000; i++) expect(a.nextUint32()).toBe(b.nextUint32());
  });
});

describe('randint', () => {
  it('stays in [low, high) for small, negative and 32-bit ranges', () => {
    const rs = new RandomState(5);
    const cases: [number, number][] = [[0, 1], [0, 3], [-5, 5], [-1000, -990], [10, 2 ** 31 + 17], [0, 2 ** 32]];
    for (const [low, high] of cases) {
      for (let i = 0; i < 500; i++) {
        const v = rs.randint(low, high);
        expect(Number.isInteger(v) && v >= low && v < high).toBe(true);
      }
    }
  });

  it('a one-value range returns low without consuming the stream (numpy: rng == 0)', () => {
    const rs = new RandomState(0);
    expect(rs.randint(1)).toBe(0);
    expect(rs.randint(7, 8)).toBe(7);
    expect(rs.nextUint32()).toBe(SEED0_WORDS[0]);
  });

  it('masks with the smallest 2^k - 1 and rejects: randint(3) keeps words & 3 that are < 3', () => {
    const expected = SEED0_WORDS.map((w) => w & 3).filter((v) => v < 3);
    const rs = new RandomState(0);
    expect(expected.map(() => rs.randint(3))).toEqual(expected);
  });

  it('ranges beyond 32 bits draw 64-bit words, high word first (mt19937_next64)', () => {
    // rng = 2^32 → mask 2^33 - 1: value = (w0 & 1) * 2^32 + w1, accepted when <= 2^32.
    const [w0, w1] = SEED0_WORDS;
    const expected = (w0 & 1) * 2 ** 32 + w1;
    expect(expected).toBeLessThanOrEqual(2 ** 32);
    expect(new RandomState(0).randint(2 ** 32 + 1)).toBe(expected);
  });

  it('supports ranges up to 2^53', () => {
    const rs = new RandomState(9);
    for (let i = 0; i < 200; i++) {
      const v = rs.randint(2 ** 53);
      expect(Number.isSafeInteger(v) && v >= 0).toBe(true);
    }
    const w = rs.randint(-(2 ** 52), 2 ** 52);
    expect(Math.abs(w)).toBeLessThanOrEqual(2 ** 52);
    expect(rs.randint(2 ** 53 - 1, 2 ** 53)).toBe(2 ** 53 - 1);
  });

  it.each([
    [() => new RandomState(0).randint(0), 'low=0, high=0'],
    [() => new RandomState(0).randint(5, 2), 'low=5, high=2'],
    [() => new RandomState(0).randint(2.5), 'got 2.5'],
    [() => new RandomState(0).randint(0, 2 ** 60), `high must be an integer in -2^53..2^53, got ${2 ** 60}`],
    [() => new RandomState(0).randint(-(2 ** 53), 1), 'high - low must be <= 2^53'],
    [() => new RandomState(0).randint(Number.NaN), 'got NaN'],
  ])('rejects bad bounds with a RangeError naming them (%#)', (call, text) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(text);
  });
});

describe('doubles', () => {
  it('randomSample is in [0, 1) and uniform(low, high) in [low, high)', () => {
    const rs = new RandomState(1);
    for (let i = 0; i < 2000; i++) {
      const u = rs.randomSample();
      expect(u >= 0 && u < 1).toBe(true);
      const v = rs.uniform(-3, 2);
      expect(v >= -3 && v < 2).toBe(true);
    }
  });

  it('uniform rejects an infinite range', () => {
    expect(() => new RandomState(1).uniform(-Number.MAX_VALUE, Number.MAX_VALUE)).toThrow(RangeError);
  });

  it('standardNormal has mean ≈ 0 and variance ≈ 1; normal(loc, scale) = loc + scale * gauss', () => {
    const rs = new RandomState(2);
    const n = 100_000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const z = rs.standardNormal();
      s += z;
      s2 += z * z;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.02);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.02);
    const a = new RandomState(3);
    const b = new RandomState(3);
    for (let i = 0; i < 10; i++) expect(a.normal(2, 0.5)).toBe(2 + 0.5 * b.standardNormal());
  });
});

describe('shuffle and permutation', () => {
  it('permutation(n) is a permutation of 0..n-1', () => {
    for (const n of [0, 1, 2, 17, 1000]) {
      const p = new RandomState(n).permutation(n);
      expect(p).toBeInstanceOf(Int32Array);
      expect(Array.from(p).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
    }
  });

  it('shuffle applies the same swaps to any array-like: x[i] becomes x[permutation[i]]', () => {
    const words = Array.from({ length: 50 }, (_, i) => `w${i}`);
    const floats = Float64Array.from({ length: 50 }, (_, i) => i / 10);
    new RandomState(11).shuffle(words);
    new RandomState(11).shuffle(floats);
    const perm = new RandomState(11).permutation(50);
    expect(words).toEqual(Array.from(perm, (j) => `w${j}`));
    expect(Array.from(floats)).toEqual(Array.from(perm, (j) => j / 10));
  });

  it('shuffling 0 or 1 items draws nothing', () => {
    const rs = new RandomState(0);
    rs.shuffle([]);
    rs.shuffle(['only']);
    expect(rs.permutation(1)).toEqual(Int32Array.of(0));
    expect(rs.nextUint32()).toBe(SEED0_WORDS[0]);
  });

  it('permutation rejects bad sizes', () => {
    expect(() => new RandomState(0).permutation(-1)).toThrow('got -1');
    expect(() => new RandomState(0).permutation(2.5)).toThrow(RangeError);
  });
});

describe('checkRandomState (sklearn.utils.check_random_state)', () => {
  it('seeds a fresh generator from a number and passes an instance through', () => {
    expect(checkRandomState(0).nextUint32()).toBe(SEED0_WORDS[0]);
    const rs = new RandomState(4);
    expect(checkRandomState(rs)).toBe(rs);
    expect(checkRandomState(undefined)).toBeInstanceOf(RandomState);
    expect(checkRandomState(null)).toBeInstanceOf(RandomState);
    expect(() => checkRandomState(-3)).toThrow('got -3');
  });
});
