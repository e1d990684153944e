import { describe, expect, it } from 'vitest';
import { meanStd, pairedDifference, tQuantile975 } from '../../src/engine/stats';

describe('stats over seeds', () => {
  it('mean and sample standard deviation', () => {
    expect(meanStd([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ mean: 5, std: Math.sqrt(32 / 7) });
    expect(meanStd([0.9])).toEqual({ mean: 0.9, std: 0 });
  });
  it('Student t quantiles', () => {
    expect(tQuantile975(1)).toBe(12.706);
    expect(tQuantile975(9)).toBe(2.262);
    expect(tQuantile975(1000)).toBeCloseTo(1.962, 3);
  });
  it('paired difference: the CI of b − a, not of b and a separately', () => {
    // Large spread across seeds, constant difference: the paired interval is a point.
    const a = [0.5, 0.7, 0.9];
    const b = [0.6, 0.8, 1.0];
    const d = pairedDifference(a, b);
    expect(d.mean).toBeCloseTo(0.1, 12);
    expect(d.high - d.low).toBeLessThan(1e-12);
    const e = pairedDifference([0.8, 0.82, 0.81, 0.79], [0.9, 0.88, 0.93, 0.9]);
    expect(e.low).toBeLessThan(e.mean);
    expect(e.high).toBeGreaterThan(e.mean);
    expect(e.low).toBeGreaterThan(0);
  });
});
