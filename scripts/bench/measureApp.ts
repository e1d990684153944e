/**
 * The app as a user meets it, timed in headless Chromium through the worker tap
 * (tests/browser/workerTap.ts): the first plotted epoch after opening `?autostart=1`, then runs
 * started with the Train button once the backend is up ("from Train to the last epoch").
 */
import type { BrowserContext, Page } from 'playwright-core';
import { installTap, readTap, summarizeRun, waitForRunEnd, type RunSummary } from '../../tests/browser/workerTap';

export interface AppRun {
  /** Epochs the run trained (fewer than 100 on the slow backends, to stay within the time budget). */
  readonly epochs: number;
  /** The worker's training time ('done' message). */
  readonly trainMs: number;
  /** Page clock from the Train click (the `prepare` command) to the last epoch's arrival. */
  readonly wallMs: number;
  /** Page clock from the Train click to the run's data and networks being ready (`ready`). */
  readonly readyMs: number;
  readonly longestTask: number;
  readonly dataMs: number | null;
}

export interface AppMeasurement {
  readonly backend: string;
  readonly reason: string;
  /** Navigation start to the animation frame that first has an epoch in a chart, painted at its end (`?autostart=1`). */
  readonly firstEpochMs: number | null;
  /** Where the time to the first epoch went: page clock at each step of the autostart page. */
  readonly firstEpochSteps: Record<string, number> | null;
  /** Generating the data on the page's first run (the later runs reuse it). */
  readonly dataMs: number | null;
  readonly runs: AppRun[];
  readonly error: string | null;
}

function asRun(s: RunSummary): AppRun {
  if (!s.end || s.end.type !== 'done' || s.trainMs === null || s.lastEpochs === null) {
    throw new Error(`run ${s.runId} ended with ${s.end ? `${s.end.type}${s.end.message ? `: ${s.end.message}` : ''}` : 'nothing'}`);
  }
  return {
    epochs: s.epochs, trainMs: s.trainMs, wallMs: s.lastEpochs - s.prepared, readyMs: (s.ready ?? NaN) - s.prepared,
    longestTask: s.longestTask, dataMs: s.dataMs,
  };
}

/** Click Train and wait for that run to end. */
async function trainOnce(page: Page, timeout: number): Promise<RunSummary> {
  const before = (await summarizeRun(page))?.runId ?? -1;
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.waitForFunction((prev) => {
    const log = (window as unknown as { __workerTap: { log: { dir: string; msg: { type: string; runId?: number } }[] } }).__workerTap.log;
    return log.some((e) => e.dir === 'out' && e.msg.type === 'prepare' && (e.msg.runId ?? -1) > prev);
  }, before);
  await waitForRunEnd(page, timeout);
  const s = await summarizeRun(page);
  if (!s) throw new Error('no run was prepared');
  return s;
}

/**
 * Open `origin/?query&autostart=1` in a new tab, time the first plotted epoch, let that run end,
 * then press Train `repeats` times and time each run.
 */
export async function measureApp(context: BrowserContext, origin: string, query: string, repeats: number,
  timeout = 180_000): Promise<AppMeasurement> {
  const page = await context.newPage();
  await installTap(page);
  let firstEpochMs: number | null = null;
  let firstEpochSteps: Record<string, number> | null = null;
  let backend = { name: '?', reason: '' };
  const runs: AppRun[] = [];
  try {
    await page.goto(`${origin}/?${query}${query ? '&' : ''}autostart=1`);
    await waitForRunEnd(page, timeout);
    const first = await summarizeRun(page);
    backend = first?.backend ?? backend;
    const tap = await readTap(page);
    firstEpochMs = tap.firstEpoch?.seen ?? null;
    const at = (type: string) => tap.log.find((e) => e.dir === 'in' && e.msg.type === type)?.t ?? NaN;
    const dcl = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.domContentLoadedEventEnd ?? NaN);
    firstEpochSteps = {
      'page parsed': dcl, 'worker started': tap.workers[0]?.created ?? NaN, 'backend ready': at('backend'),
      'data and networks ready': at('ready'), 'first epoch received': at('epochs'), 'first epoch drawn': firstEpochMs ?? NaN,
    };
    if (first) asRun(first);
    for (let i = 0; i < repeats; i++) {
      const s = await trainOnce(page, timeout);
      backend = s.backend ?? backend;
      runs.push(asRun(s));
    }
    return { backend: backend.name, reason: backend.reason, firstEpochMs, firstEpochSteps, dataMs: first?.dataMs ?? null, runs, error: null };
  } catch (e) {
    return {
      backend: backend.name, reason: backend.reason, firstEpochMs, firstEpochSteps, dataMs: null, runs,
      error: e instanceof Error ? e.message.split('\n')[0] : String(e),
    };
  } finally {
    await page.close();
  }
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
