/**
 * Drawing the 2-D view on canvases: the decision regions (the probability grid as a tinted image,
 * smoothed when scaled up, with the p = 0.5 boundary on top) and the test points (class by colour
 * AND shape: class 0 circles, class 1 triangles; mistakes ringed). Colours come from CSS variables
 * at draw time, so the light and dark themes each use their own.
 */
import { chainSegments, contourSegments, regionImage, type Extent, type Rgb } from '../state/plane';

function cssVar(el: Element, name: string, fallback: string): string {
  return getComputedStyle(el).getPropertyValue(name).trim() || fallback;
}

/** "#7b3294" -> [123, 50, 148]; the class colours are declared as 6-digit hex in inside.css. */
function hexRgb(hex: string): Rgb {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  const v = m ? parseInt(m[1], 16) : 0x808080;
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

export interface Palette {
  readonly class0: string;
  readonly class1: string;
  readonly ring: string;
  readonly outline: string;
  readonly boundary: string;
}

export function palette(el: Element, network: 'a' | 'b'): Palette {
  return {
    class0: cssVar(el, '--class-0', '#7b3294'),
    class1: cssVar(el, '--class-1', '#1b7837'),
    ring: cssVar(el, '--text', '#1c1e21'),
    outline: cssVar(el, '--surface', '#ffffff'),
    boundary: cssVar(el, `--net-${network}`, '#000000'),
  };
}

/** Decision regions of an n × n grid over the canvas, and the 0.5 contour (dashed for network A). */
export function drawRegions(canvas: HTMLCanvasElement, grid: Float32Array, n: number, colors: Palette, dashed: boolean): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const { width: w, height: h } = canvas;
  ctx.clearRect(0, 0, w, h);
  const tile = document.createElement('canvas');
  tile.width = n;
  tile.height = n;
  const tctx = tile.getContext('2d');
  if (!tctx) return;
  const pixels = regionImage(grid, n, hexRgb(colors.class0), hexRgb(colors.class1));
  tctx.putImageData(new ImageData(new Uint8ClampedArray(pixels), n, n), 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(tile, 0, 0, w, h);
  // Grid values sit at cell centres: (i + 0.5) / n of the way across.
  const px = (i: number) => ((i + 0.5) / n) * w;
  const py = (j: number) => h - ((j + 0.5) / n) * h;
  ctx.strokeStyle = colors.boundary;
  ctx.lineWidth = 3;
  ctx.lineCap = 'butt';
  ctx.lineJoin = 'round';
  ctx.setLineDash(dashed ? [10, 6] : []);
  ctx.beginPath();
  for (const line of chainSegments(contourSegments(grid, n, 0.5))) {
    ctx.moveTo(px(line[0]), py(line[1]));
    for (let k = 2; k < line.length; k += 2) ctx.lineTo(px(line[k]), py(line[k + 1]));
  }
  ctx.stroke();
  ctx.setLineDash([]);
}

/** Test points over the extent: class 0 circles, class 1 triangles, mistakes ringed on top. */
export function drawPoints(canvas: HTMLCanvasElement, points: Float32Array, labels: Uint8Array, wrong: Uint8Array | null,
  e: Extent, colors: Palette): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const { width: w, height: h } = canvas;
  ctx.clearRect(0, 0, w, h);
  const n = labels.length;
  // Smaller marks for crowded plots, so a thousand points do not merge into a blot.
  const r = n > 600 ? 3.2 : 4.5;
  const x = (v: number) => ((v - e.x0) / (e.x1 - e.x0)) * w;
  const y = (v: number) => h - ((v - e.y0) / (e.y1 - e.y0)) * h;
  ctx.lineWidth = 1;
  ctx.strokeStyle = colors.outline;
  for (let i = 0; i < n; i++) {
    const cx = x(points[2 * i]);
    const cy = y(points[2 * i + 1]);
    ctx.beginPath();
    if (labels[i] === 0) {
      ctx.arc(cx, cy, r, 0, 2 * Math.PI);
      ctx.fillStyle = colors.class0;
    } else {
      // An equilateral triangle with the circle's area, centred on the point.
      const s = r * 1.55;
      ctx.moveTo(cx, cy - s);
      ctx.lineTo(cx + s * 0.866, cy + s * 0.5);
      ctx.lineTo(cx - s * 0.866, cy + s * 0.5);
      ctx.closePath();
      ctx.fillStyle = colors.class1;
    }
    ctx.fill();
    ctx.stroke();
  }
  if (!wrong) return;
  ctx.strokeStyle = colors.ring;
  ctx.lineWidth = 1.8;
  ctx.beginPath();
  for (let i = 0; i < n; i++) {
    if (!wrong[i]) continue;
    const cx = x(points[2 * i]);
    const cy = y(points[2 * i + 1]);
    ctx.moveTo(cx + r + 3.5, cy);
    ctx.arc(cx, cy, r + 3.5, 0, 2 * Math.PI);
  }
  ctx.stroke();
}
