/** The 2-D view's geometry: mistakes, the plotted region, the p = 0.5 contour and the region tint. */
import { describe, expect, it } from 'vitest';
import { chainSegments, contourSegments, count, mistakes, plotHeight, pointsExtent, regionImage } from '../../src/state/plane';

describe('the 2-D view', () => {
  it('marks a point wrong when the prediction (p ≥ 0.5 is class 1) differs from its label', () => {
    const flags = mistakes([0.1, 0.5, 0.49, 0.9], [0, 0, 1, 1]);
    expect(Array.from(flags)).toEqual([0, 1, 1, 0]);
    expect(count(flags)).toBe(2);
  });

  it('frames the points with a margin and keeps x and y to one scale within limits', () => {
    const e = pointsExtent([0, 0, 10, 5], 0.1);
    expect(e).toEqual({ x0: -1, x1: 11, y0: -0.5, y1: 5.5 });
    expect(plotHeight(e, 400)).toBe(200);
    expect(plotHeight({ x0: 0, x1: 1, y0: 0, y1: 10 }, 400)).toBe(500);
    // One point, or all on a line: still a region of non-zero size.
    const flat = pointsExtent([2, 3, 2, 3]);
    expect(flat.x1).toBeGreaterThan(flat.x0);
    expect(flat.y1).toBeGreaterThan(flat.y0);
  });

  it('traces the 0.5 contour of a linear field along the line where it is 0.5', () => {
    const n = 8;
    // p = i / 7: 0.5 at i = 3.5, a vertical line through every row of cells.
    const values = Array.from({ length: n * n }, (_, k) => (k % n) / (n - 1));
    const segments = contourSegments(values, n);
    expect(segments).toHaveLength(n - 1);
    for (const [x0, y0, x1, y1] of segments) {
      expect(x0).toBeCloseTo(3.5, 12);
      expect(x1).toBeCloseTo(3.5, 12);
      expect(Math.abs(y1 - y0)).toBeCloseTo(1, 12);
    }
  });

  it('closes the contour around a bump and resolves a saddle into two segments', () => {
    const n = 5;
    const bump = Array.from({ length: n * n }, (_, k) => Math.hypot((k % n) - 2, Math.floor(k / n) - 2) < 1.5 ? 1 : 0);
    const segments = contourSegments(bump, n);
    // A closed loop: every end point is shared by exactly two segments.
    const ends = new Map<string, number>();
    for (const [x0, y0, x1, y1] of segments) {
      for (const key of [`${x0},${y0}`, `${x1},${y1}`]) ends.set(key, (ends.get(key) ?? 0) + 1);
    }
    expect([...ends.values()].every((c) => c === 2)).toBe(true);
    // 2 × 2 saddle: corners (0,0) and (1,1) high, centre high -> the low corners are cut off.
    const saddle = contourSegments([1, 0, 0, 1], 2);
    expect(saddle).toHaveLength(2);
    const cutsOffLowCorner = (cx: number, cy: number) =>
      saddle.some(([x0, y0, x1, y1]) => Math.hypot(x0 - cx, y0 - cy) === 0.5 && Math.hypot(x1 - cx, y1 - cy) === 0.5);
    expect(cutsOffLowCorner(1, 0)).toBe(true);
    expect(cutsOffLowCorner(0, 1)).toBe(true);
  });

  it('tints each cell with its predicted class, stronger where the network is surer, top row first', () => {
    // Row 0 (bottom): sure class 0, unsure; row 1 (top): unsure class 1, sure class 1.
    const img = regionImage([0, 0.5, 0.6, 1], 2, [10, 20, 30], [200, 100, 50], 0.4);
    const px = (i: number) => Array.from(img.slice(4 * i, 4 * i + 4));
    expect(px(0)).toEqual([200, 100, 50, Math.round(255 * 0.4 * 0.2)]);
    expect(px(1)).toEqual([200, 100, 50, 102]);
    expect(px(2)).toEqual([10, 20, 30, 102]);
    expect(px(3)[3]).toBe(0);
  });
});

describe('chaining the boundary', () => {
  it('joins the segments of one line into one polyline, in order, and keeps separate lines apart', () => {
    const n = 8;
    const values = Array.from({ length: n * n }, (_, k) => (k % n) / (n - 1));
    const lines = chainSegments(contourSegments(values, n));
    expect(lines).toHaveLength(1);
    const ys = lines[0].filter((_, k) => k % 2 === 1);
    expect(ys).toHaveLength(n);
    // Monotone along the line: a chain, not a pile of pieces.
    const steps = ys.slice(1).map((y, k) => y - ys[k]);
    expect(steps.every((d) => d === steps[0])).toBe(true);
    // Two separate vertical lines (0.5 crossed at i = 1.5 and i = 5.5).
    const twoLines = Array.from({ length: n * n }, (_, k) => (k % n >= 2 && k % n <= 5 ? 1 : 0));
    expect(chainSegments(contourSegments(twoLines, n))).toHaveLength(2);
  });
});
