/**
 * A window onto the page's training worker for the browser tests and the bench, added from outside
 * the app (Playwright's addInitScript runs it before any page script), so the product carries no
 * test hooks. It wraps `window.Worker` and records:
 *   - every command the page posts and every message it receives, stamped with performance.now()
 *     (a time since navigation start), before the page's own handler sees it;
 *   - every worker the page creates, and whether it was terminated;
 *   - the main thread's long tasks (PerformanceObserver 'longtask');
 *   - when a chart first shows an epoch (its data-epochs attribute), and when that was painted.
 * It also lets a test post a message to the current worker and await the reply (`memory`).
 */
import type { Page } from 'playwright-core';
import type { FromWorker, ToWorker } from '../../src/worker/protocol';

/** One entry of the log: a command sent ('out') or a message received ('in'). */
export type TapEntry =
  | { readonly dir: 'out'; readonly t: number; readonly worker: number; readonly msg: ToWorker }
  | { readonly dir: 'in'; readonly t: number; readonly worker: number; readonly msg: FromWorker };

export interface TapState {
  readonly log: TapEntry[];
  /** Per worker created: when, and whether the page terminated it. */
  readonly workers: { created: number; terminated: boolean }[];
  readonly longTasks: { start: number; duration: number }[];
  /** The animation frame that first found an epoch in a chart, and the next one (after its paint). */
  firstEpoch: { seen: number; painted: number } | null;
}

// Plain JavaScript in a string: a function would be serialised with whatever helpers the
// TypeScript transform added, which do not exist in the page.
const INIT_SCRIPT = `(() => {
  const NativeWorker = window.Worker;
  const tap = { log: [], workers: [], longTasks: [], firstEpoch: null, current: null };
  Object.defineProperty(window, '__workerTap', { value: tap });
  window.Worker = class TappedWorker extends NativeWorker {
    constructor(url, options) {
      super(url, options);
      const index = tap.workers.length;
      tap.workers.push({ created: performance.now(), terminated: false });
      tap.current = this;
      this.__tapIndex = index;
      // Registered before the page sets onmessage, so it runs first.
      this.addEventListener('message', (e) => tap.log.push({ dir: 'in', t: performance.now(), worker: index, msg: e.data }));
    }
    postMessage(msg, transfer) {
      tap.log.push({ dir: 'out', t: performance.now(), worker: this.__tapIndex, msg });
      return transfer === undefined ? super.postMessage(msg) : super.postMessage(msg, transfer);
    }
    terminate() {
      tap.workers[this.__tapIndex].terminated = true;
      if (tap.current === this) tap.current = null;
      return super.terminate();
    }
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tap.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { /* no longtask support: the list stays empty */ }
  // Checked once per frame: the frame that first finds an epoch in a chart paints it, and the
  // next frame's callback runs after that paint.
  const watch = () => {
    if (!document.querySelector('[data-epochs]:not([data-epochs="0"])')) return requestAnimationFrame(watch);
    tap.firstEpoch = { seen: performance.now(), painted: NaN };
    requestAnimationFrame(() => { tap.firstEpoch.painted = performance.now(); });
  };
  requestAnimationFrame(watch);
})();`;

/** Install the tap on every page (and every navigation) of `page`'s context, or on one page. */
export async function installTap(page: Page): Promise<void> {
  await page.addInitScript({ content: INIT_SCRIPT });
}

/** A copy of everything the tap has recorded on the current document. */
export async function readTap(page: Page): Promise<TapState> {
  return page.evaluate(() => {
    const tap = (window as unknown as { __workerTap: TapState }).__workerTap;
    return { log: tap.log, workers: tap.workers, longTasks: tap.longTasks, firstEpoch: tap.firstEpoch };
  });
}

/** Forget the messages logged so far (a long storm of runs would otherwise grow the page's heap). */
export async function clearTapLog(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __workerTap: TapState }).__workerTap.log.length = 0;
  });
}

/** The live tensor count of the page's current worker (`memory` command, answered by the worker). */
export async function workerTensors(page: Page, timeout = 10_000): Promise<number> {
  return page.evaluate(async (ms) => {
    type Tap = { current: Worker | null };
    const worker = (window as unknown as { __workerTap: Tap }).__workerTap.current;
    if (!worker) throw new Error('the page has no training worker');
    return new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the worker did not answer the memory command')), ms);
      const onMessage = (e: MessageEvent<{ type: string; numTensors?: number }>) => {
        if (e.data.type !== 'memory') return;
        clearTimeout(timer);
        worker.removeEventListener('message', onMessage);
        resolve(e.data.numTensors ?? NaN);
      };
      worker.addEventListener('message', onMessage);
      worker.postMessage({ type: 'memory' });
    });
  }, timeout);
}

/** The run ids the page has prepared, in order. */
export function preparedRuns(tap: TapState): number[] {
  return tap.log.flatMap((e) => (e.dir === 'out' && e.msg.type === 'prepare' ? [e.msg.runId] : []));
}

/** How one run went, from the tap's log: times are performance.now() of the page. */
export interface RunSummary {
  readonly runId: number;
  /** When the page asked for the run (Train pressed, or autostart). */
  readonly prepared: number;
  readonly ready: number | null;
  /** When the first and the last chunk of epochs reached the page. */
  readonly firstEpochs: number | null;
  readonly lastEpochs: number | null;
  readonly epochs: number;
  readonly end: { readonly type: 'done' | 'diverged' | 'error'; readonly t: number; readonly message?: string } | null;
  /** The worker's own training time (the `done` message). */
  readonly trainMs: number | null;
  /** Milliseconds the worker spent generating the data (null: reused from an earlier run). */
  readonly dataMs: number | null;
  /** The backend the worker last reported, with its reason. */
  readonly backend: { readonly name: string; readonly reason: string } | null;
  /** The longest main-thread task that overlapped the run (0 if none was over 50 ms). */
  readonly longestTask: number;
}

/** Summarise the page's latest prepared run (or `runId`). Computed in the page: the log can be long. */
export async function summarizeRun(page: Page, runId?: number): Promise<RunSummary | null> {
  return page.evaluate((wanted) => {
    type Entry = { dir: 'in' | 'out'; t: number; msg: Record<string, unknown> & { type: string; runId?: number | null } };
    const tap = (window as unknown as { __workerTap: { log: Entry[]; longTasks: { start: number; duration: number }[] } }).__workerTap;
    const prepares = tap.log.filter((e) => e.dir === 'out' && e.msg.type === 'prepare');
    const prep = wanted === null ? prepares[prepares.length - 1] : prepares.find((e) => e.msg.runId === wanted);
    if (!prep) return null;
    const id = prep.msg.runId as number;
    const mine = tap.log.filter((e) => e.dir === 'in' && e.msg.runId === id);
    const chunks = mine.filter((e) => e.msg.type === 'epochs');
    const end = mine.find((e) => ['done', 'diverged', 'error'].includes(e.msg.type)) ?? null;
    const ready = mine.find((e) => e.msg.type === 'ready') ?? null;
    const backends = tap.log.filter((e) => e.dir === 'in' && e.msg.type === 'backend' && e.t <= (end?.t ?? Infinity));
    const backend = backends[backends.length - 1] ?? null;
    const until = end?.t ?? performance.now();
    const overlapping = tap.longTasks.filter((l) => l.start + l.duration >= prep.t && l.start <= until);
    return {
      runId: id,
      prepared: prep.t,
      ready: ready?.t ?? null,
      firstEpochs: chunks[0]?.t ?? null,
      lastEpochs: chunks[chunks.length - 1]?.t ?? null,
      epochs: chunks.reduce((n, e) => n + (e.msg.records as unknown[]).length, 0),
      end: end ? { type: end.msg.type as 'done' | 'diverged' | 'error', t: end.t, message: end.msg.message as string | undefined } : null,
      trainMs: end?.msg.type === 'done' ? (end.msg.trainMs as number) : null,
      dataMs: ready ? ((ready.msg.info as { dataMs: number | null }).dataMs) : null,
      backend: backend ? { name: backend.msg.name as string, reason: backend.msg.reason as string } : null,
      longestTask: Math.max(0, ...overlapping.map((l) => l.duration)),
    };
  }, runId ?? null);
}

/** Wait until the run `runId` (default: the latest prepared) is done, diverged or failed. */
export async function waitForRunEnd(page: Page, timeout = 180_000, runId?: number): Promise<void> {
  await page.waitForFunction((wanted) => {
    type Entry = { dir: 'in' | 'out'; msg: { type: string; runId?: number | null } };
    const log = (window as unknown as { __workerTap: { log: Entry[] } }).__workerTap.log;
    const prepares = log.filter((e) => e.dir === 'out' && e.msg.type === 'prepare');
    const id = wanted ?? prepares[prepares.length - 1]?.msg.runId;
    if (id === undefined) return false;
    return log.some((e) => e.dir === 'in' && e.msg.runId === id && ['done', 'diverged', 'error'].includes(e.msg.type))
      || log.some((e) => e.dir === 'in' && e.msg.type === 'error' && e.msg.runId === null);
  }, runId ?? null, { timeout, polling: 50 });
}
