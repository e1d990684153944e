/**
 * The 2-D view's geometry, in plain arrays: which test points a network gets wrong, the region
 * the plot shows, the p = 0.5 decision boundary traced through the probability grid (marching
 * squares), and the grid as a tinted RGBA image. The canvas code only draws what these return.
 */

export interface Extent {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

/** 1 where the network's prediction (p ≥ 0.5 means class 1) differs from the true label. */
export function mistakes(probabilities: ArrayLike<number>, labels: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(labels.length);
  for (let i = 0; i < labels.length; i++) out[i] = (probabilities[i] >= 0.5 ? 1 : 0) === labels[i] ? 0 : 1;
  return out;
}

export function count(flags: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < flags.length; i++) n += flags[i];
  return n;
}

/** The points' bounding box (row-major [n, 2]) with `pad` of each side's length added around it. */
export function pointsExtent(points: ArrayLike<number>, pad = 0.06): Extent {
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i + 1 < points.length; i += 2) {
    x0 = Math.min(x0, points[i]);
    x1 = Math.max(x1, points[i]);
    y0 = Math.min(y0, points[i + 1]);
    y1 = Math.max(y1, points[i + 1]);
  }
  if (!(x1 > x0)) [x0, x1] = [Number.isFinite(x0) ? x0 - 1 : -1, Number.isFinite(x0) ? x0 + 1 : 1];
  if (!(y1 > y0)) [y0, y1] = [Number.isFinite(y0) ? y0 - 1 : -1, Number.isFinite(y0) ? y0 + 1 : 1];
  const px = pad * (x1 - x0);
  const py = pad * (y1 - y0);
  return { x0: x0 - px, x1: x1 + px, y0: y0 - py, y1: y1 + py };
}

/**
 * Canvas height for a given width that keeps one unit of x as long as one unit of y (so moons
 * stay round), within [0.5, 1.25] × width so a flat or tall data set still gets a usable plot.
 */
export function plotHeight(e: Extent, width: number): number {
  const ratio = (e.y1 - e.y0) / (e.x1 - e.x0);
  return Math.round(width * Math.min(1.25, Math.max(0.5, ratio)));
}

/** A line segment in grid coordinates: (i, j) is the centre of cell i across, j up. */
export type Segment = readonly [number, number, number, number];

/**
 * The `level` contour of an n × n grid (row-major, row j from the bottom) as line segments:
 * marching squares with linear interpolation along each cell edge. A saddle (two opposite
 * corners above) is split by the average of the four corners, which keeps the contour connected
 * the way the smooth function most likely is.
 */
export function contourSegments(values: ArrayLike<number>, n: number, level = 0.5): Segment[] {
  const out: Segment[] = [];
  const v = (i: number, j: number) => values[j * n + i];
  // Where the contour crosses the edge between corners (ia, ja) and (ib, jb).
  const cross = (ia: number, ja: number, ib: number, jb: number): [number, number] => {
    const a = v(ia, ja);
    const b = v(ib, jb);
    const t = a === b ? 0.5 : (level - a) / (b - a);
    return [ia + t * (ib - ia), ja + t * (jb - ja)];
  };
  for (let j = 0; j + 1 < n; j++) {
    for (let i = 0; i + 1 < n; i++) {
      // Corners anticlockwise from the bottom left; bit k set when corner k is at or above level.
      const corners: [number, number][] = [[i, j], [i + 1, j], [i + 1, j + 1], [i, j + 1]];
      const above = corners.map(([ci, cj]) => v(ci, cj) >= level);
      const crossings: [number, number][] = [];
      for (let k = 0; k < 4; k++) {
        const [p, q] = [corners[k], corners[(k + 1) % 4]];
        if (above[k] !== above[(k + 1) % 4]) crossings.push(cross(p[0], p[1], q[0], q[1]));
      }
      if (crossings.length === 2) {
        out.push([...crossings[0], ...crossings[1]]);
      } else if (crossings.length === 4) {
        const centre = (v(i, j) + v(i + 1, j) + v(i + 1, j + 1) + v(i, j + 1)) / 4;
        // Edges are bottom, right, top, left. The corners the centre disagrees with are cut off
        // on their own: corners 1 and 3 (bottom+right, top+left) or corners 0 and 2.
        const pairs = (centre >= level) === above[0] ? [[0, 1], [2, 3]] : [[3, 0], [1, 2]];
        for (const [s, t] of pairs) out.push([...crossings[s], ...crossings[t]]);
      }
    }
  }
  return out;
}

/**
 * Chain segments that share end points into polylines (flat [x0, y0, x1, y1, ...]), so a dashed
 * stroke runs along the whole boundary instead of restarting its pattern in every grid cell.
 */
export function chainSegments(segments: readonly Segment[]): number[][] {
  const key = (x: number, y: number) => `${x.toFixed(6)},${y.toFixed(6)}`;
  const at = new Map<string, number[]>();
  segments.forEach(([x0, y0, x1, y1], i) => {
    for (const k of [key(x0, y0), key(x1, y1)]) at.set(k, [...(at.get(k) ?? []), i]);
  });
  const used = new Uint8Array(segments.length);
  // Follow unused segments from the end point (x, y), appending their far ends.
  const extend = (line: number[], x: number, y: number) => {
    for (;;) {
      const next = (at.get(key(x, y)) ?? []).find((i) => !used[i]);
      if (next === undefined) return;
      used[next] = 1;
      const [a, b, c, d] = segments[next];
      [x, y] = key(a, b) === key(x, y) ? [c, d] : [a, b];
      line.push(x, y);
    }
  };
  const lines: number[][] = [];
  for (let i = 0; i < segments.length; i++) {
    if (used[i]) continue;
    used[i] = 1;
    const [x0, y0, x1, y1] = segments[i];
    const forward = [x0, y0, x1, y1];
    extend(forward, x1, y1);
    const backward: number[] = [];
    extend(backward, x0, y0);
    const head: number[] = [];
    for (let k = backward.length - 2; k >= 0; k -= 2) head.push(backward[k], backward[k + 1]);
    lines.push([...head, ...forward]);
  }
  return lines;
}

export type Rgb = readonly [number, number, number];

/**
 * The grid as an n × n RGBA image (top row first, as a canvas wants): each cell tinted with the
 * colour of the class the network predicts there, more opaque the surer it is, up to `maxAlpha`.
 */
export function regionImage(values: ArrayLike<number>, n: number, class0: Rgb, class1: Rgb, maxAlpha = 0.3):
  Uint8ClampedArray {
  const out = new Uint8ClampedArray(n * n * 4);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const p = values[j * n + i];
      const rgb = p >= 0.5 ? class1 : class0;
      const o = 4 * ((n - 1 - j) * n + i);
      out[o] = rgb[0];
      out[o + 1] = rgb[1];
      out[o + 2] = rgb[2];
      out[o + 3] = Math.round(255 * maxAlpha * Math.min(1, Math.abs(p - 0.5) * 2));
    }
  }
  return out;
}
