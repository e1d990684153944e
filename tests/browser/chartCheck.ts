/**
 * Watching the loss charts for points that do not belong to the run on screen. Added to a page from
 * outside the app (addInitScript); every animation frame it reads each chart's drawn lines and
 * checks that point i sits at epoch i + 1 on the chart's own x axis. A point left over from an
 * earlier run, or one of its late chunks appended, breaks that order (its epochs restart or jump).
 * `drawnYs` and `worstPixelOff` check the drawn values against a run's records.
 */
import type { Page } from 'playwright-core';

const SCRIPT = `(() => {
  const state = { frames: 0, points: 0, violations: [] };
  Object.defineProperty(window, '__chartCheck', { value: state });
  const ticks = (chart, axis, attr) => [...chart.querySelectorAll('.recharts-' + axis + '-tick-labels .recharts-cartesian-axis-tick-value')]
    .map((t) => ({ value: Number(t.textContent), pos: Number(t.getAttribute(attr)) }))
    .filter((t) => Number.isFinite(t.value) && Number.isFinite(t.pos));
  const vertices = (path) => [...(path.getAttribute('d') || '').matchAll(/[ML]\\s*(-?[\\d.]+(?:e-?\\d+)?)[ ,]\\s*(-?[\\d.]+(?:e-?\\d+)?)/g)]
    .map((m) => [Number(m[1]), Number(m[2])]);
  const check = () => {
    state.frames++;
    for (const chart of document.querySelectorAll('[data-testid="chart-a"], [data-testid="chart-b"]')) {
      const t = ticks(chart, 'xAxis', 'x');
      if (t.length < 2) continue;
      const a = t[0], b = t[t.length - 1];
      const x = (epoch) => a.pos + ((epoch - a.value) * (b.pos - a.pos)) / (b.value - a.value);
      const step = Math.abs(x(2) - x(1));
      for (const path of chart.querySelectorAll('path.loss-line')) {
        const v = vertices(path);
        state.points += v.length;
        const bad = v.findIndex(([px], i) => Math.abs(px - x(i + 1)) > Math.min(0.5, step / 3));
        if (bad >= 0 && state.violations.length < 20) {
          state.violations.push(chart.getAttribute('data-testid') + ': point ' + bad + ' of ' + v.length + ' at x ' +
            v[bad][0].toFixed(1) + ', epoch ' + (bad + 1) + ' is at ' + x(bad + 1).toFixed(1) + ' (frame ' + state.frames + ')');
        }
      }
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

export async function installChartCheck(page: Page): Promise<void> {
  await page.addInitScript({ content: SCRIPT });
}

/** Frames and drawn points checked so far, and what was wrong. */
export async function chartCheck(page: Page): Promise<{ frames: number; points: number; violations: string[] }> {
  return page.evaluate(() => {
    const s = (window as unknown as { __chartCheck: { frames: number; points: number; violations: string[] } }).__chartCheck;
    return { frames: s.frames, points: s.points, violations: [...s.violations] };
  });
}

/** Each drawn line of a chart: the y pixel of every point, in order. */
export async function drawnYs(page: Page, chartId: string): Promise<number[][]> {
  return page.evaluate((id) => [...document.querySelectorAll(`[data-testid="${id}"] :is(path.loss-line)`)].map((p) =>
    [...(p.getAttribute('d') ?? '').matchAll(/[ML]\s*(-?[\d.]+(?:e-?\d+)?)[ ,]\s*(-?[\d.]+(?:e-?\d+)?)/g)].map((m) => Number(m[2]))), chartId);
}

/**
 * How far, in pixels, drawn lines are from curves of values under one shared linear y axis
 * (y = a + b·value, fitted by least squares): 0 when every point is where its value belongs.
 */
export function worstPixelOff(lines: readonly (readonly number[])[], curves: readonly (readonly number[])[]): number {
  const xs = curves.flat();
  const ys = lines.flat();
  const n = xs.length;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  const sxy = xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0);
  const sxx = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  const b = sxx > 0 ? sxy / sxx : 0;
  const a = my - b * mx;
  return Math.max(...xs.map((x, i) => Math.abs(a + b * x - ys[i])));
}
