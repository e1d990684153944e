/**
 * What must not break a lecture (issue 6): a lost or missing GPU, a crashed worker, a storm of
 * clicks and setting changes, and hostile links. Against the production build in headless Chromium.
 *
 * Faults are made from outside the app, never by a hook in it: the worker's script is served with
 * a few lines of test code in front (page.route), which can lose its WebGL context
 * (WEBGL_lose_context, as a GPU reset does), hide WebGL, report a GPU renderer, or let an error
 * escape the worker as a crash would. The tap (workerTap.ts) records the worker's messages.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, pointsPerCurve, testText, waitForDone, waitForText, type TestBrowser } from './browser';
import { chartCheck, drawnYs, installChartCheck, worstPixelOff } from './chartCheck';
import { engineAccuracies } from './engine';
import { hostileUrls } from './hostileUrls';
import { clearTapLog, installTap, readTap, workerTensors } from './workerTap';
import type { EpochRecord } from '../../src/engine/trainer';

const baseUrl = inject('baseUrl');
/** The browser as users have it. */
let browser: TestBrowser;
/**
 * A browser whose pages get faults injected through page.route. It has no service worker: the
 * offline one would answer the worker script's request from its cache, past page.route. (Routing
 * also turns the HTTP cache off, so the fast tests do not run here.)
 */
let faulty: TestBrowser;

beforeAll(async () => {
  [browser, faulty] = await Promise.all([launchBrowser(), launchBrowser()]);
  // A service worker script that fails to evaluate: registration is refused, and the page says
  // (console.warn) that offline use is not available.
  await faulty.context.route(/\/sw\.js$/, (route) =>
    route.fulfill({ contentType: 'text/javascript', body: 'throw new Error("robustness.test.ts: no service worker here");\n' }));
});

afterAll(async () => {
  await Promise.all([browser?.close(), faulty?.close()]);
});

/** A new tab with the tap installed, recording uncaught errors and console errors. */
async function open(where: TestBrowser = browser): Promise<{ page: Page; errors: string[] }> {
  const page = await where.context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console error${m.worker() ? ' (worker)' : ''}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  await installTap(page);
  return { page, errors };
}

/**
 * Test code for the worker: every module worker it starts (the GPU probe; not tfjs's classic
 * thread workers) runs `prelude` first, as a blob module that then imports the real script
 * (dynamically: a static import would run first). Playwright's routes do not see a worker's own
 * workers.
 */
const nested = (prelude: string) => `{ const Native = self.Worker; const prelude = ${JSON.stringify(prelude)};
  self.Worker = class extends Native { constructor(url, options) {
    if (!options || options.type !== 'module') { super(url, options); return; }
    const blob = new Blob([prelude + '\\nimport(' + JSON.stringify(new URL(url, self.location.href).href) + ');'], { type: 'text/javascript' });
    super(URL.createObjectURL(blob), { ...options, type: 'module' }); } }; }`;

/**
 * Serve the app's worker script with `prelude` in front of it, and of the workers it starts (the
 * first `times` requests only). `no-store`: a later page of the same browser must fetch the script
 * again (through its own route), not reuse this one's copy with this test's prelude.
 */
async function prependToWorker(page: Page, prelude: string, times = Infinity): Promise<void> {
  let left = times;
  await page.route(/\/assets\/worker-[^/]*\.js$/, async (route) => {
    if (left <= 0) return route.continue();
    left -= 1;
    const response = await route.fetch();
    await route.fulfill({
      response, body: `${prelude}\n${nested(prelude)}\n${await response.text()}`,
      headers: { ...response.headers(), 'cache-control': 'no-store' },
    });
  });
}

/** Test code for the worker: keep every WebGL context it creates, so the test can lose them. */
const KEEP_CONTEXTS = `{ const get = OffscreenCanvas.prototype.getContext; self.__contexts = [];
  OffscreenCanvas.prototype.getContext = function (type, ...rest) {
    const c = get.call(this, type, ...rest); if (c && /webgl/.test(type)) self.__contexts.push(c); return c; }; }`;
/** Test code for the worker: no WebGL at all, as on a machine whose GPU is blocklisted. */
const NO_WEBGL = `{ const get = OffscreenCanvas.prototype.getContext;
  OffscreenCanvas.prototype.getContext = function (type, ...rest) { return /webgl/.test(type) ? null : get.call(this, type, ...rest); }; }`;
/** Test code for the worker: SwiftShader reports itself as a hardware GPU, so auto measures instead of deciding by name. */
const GPU_NAME = 'ANGLE (Test GPU, spoofed by robustness.test.ts)';
const SPOOF_GPU = `{ const get = WebGL2RenderingContext.prototype.getParameter;
  WebGL2RenderingContext.prototype.getParameter = function (p) { return p === 0x9246 ? ${JSON.stringify(GPU_NAME)} : get.call(this, p); }; }`;
/** Test code for the worker: a 4-core machine, where the app starts tfjs's threaded WASM (2 threads). */
const FOUR_CORES = `Object.defineProperty(Object.getPrototypeOf(navigator), 'hardwareConcurrency', { get: () => 4 });`;
/**
 * Test code for the worker: after its first chunk of epochs, an uncaught error that the app's own
 * handler does not see (it would turn it into an error message), so it reaches the page as the
 * Worker's error event, as when a worker dies.
 */
const CRASH_AFTER_FIRST_EPOCHS = `{ let armed = true; const post = self.postMessage.bind(self);
  self.addEventListener('error', (e) => { if (String(e.message).includes('simulated crash')) e.stopImmediatePropagation(); });
  self.postMessage = (msg, ...rest) => { post(msg, ...rest);
    if (armed && msg && msg.type === 'epochs') { armed = false; setTimeout(() => { throw new Error('simulated crash'); }); } }; }`;

/** Epoch numbers of every record the page received for its latest prepared run. */
async function receivedEpochs(page: Page): Promise<number[]> {
  const tap = await readTap(page);
  const prepares = tap.log.filter((e) => e.dir === 'out' && e.msg.type === 'prepare');
  const last = prepares[prepares.length - 1];
  const runId = last?.msg.type === 'prepare' ? last.msg.runId : -1;
  return tap.log.flatMap((e) => (e.dir === 'in' && e.msg.type === 'epochs' && e.msg.runId === runId ? e.msg.records.map((r) => r.epoch) : []));
}

const epochNumber = (page: Page) => page.getByTestId('epoch').textContent().then((t) => Number(t));

describe('a lost or missing GPU', () => {
  it('carries on on WASM from the last completed epoch when the WebGL context is lost mid-run', async () => {
    const expected = engineAccuracies('epochs=30');
    const { page, errors } = await open(faulty);
    await prependToWorker(page, KEEP_CONTEXTS);
    await page.goto(`${baseUrl}/?backend=webgl&epochs=30&autostart=1`);
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="epoch"]')?.textContent) >= 3, undefined, { timeout: 60_000 });
    expect(await testText(page, 'backend')).toBe('webgl');
    const worker = page.workers().find((w) => /\/assets\/worker-/.test(w.url()));
    const lost = await worker?.evaluate(() => {
      const contexts = (self as unknown as { __contexts: WebGL2RenderingContext[] }).__contexts;
      for (const gl of contexts) gl.getExtension('WEBGL_lose_context')?.loseContext();
      return contexts.map((gl) => gl.isContextLost());
    });
    expect(lost?.length).toBeGreaterThan(0);
    expect(lost?.every(Boolean)).toBe(true);
    await waitForDone(page, 60_000);
    expect(await testText(page, 'backend')).toBe('wasm');
    const reason = (await page.locator('.backend').getAttribute('title')) ?? '';
    const at = Number(/WebGL context was lost at epoch (\d+): continuing on WASM/.exec(reason)?.[1]);
    expect(at, reason).toBeGreaterThanOrEqual(3);
    // Every epoch exactly once: none lost with the GPU, none repeated by the retraining.
    expect(await receivedEpochs(page)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(await pointsPerCurve(page, 'chart-a')).toEqual([30, 30]);
    const want = await expected;
    for (const id of ['a', 'b'] as const) {
      expect(Math.abs(Number(await testText(page, `accuracy-${id}`)) - want[id]), `accuracy-${id}`).toBeLessThanOrEqual(0.005);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('falls back to WASM and says why when WebGL is unavailable (forced and auto)', async () => {
    for (const [query, why] of [['backend=webgl&', /^webgl failed \(.+\); using WASM instead of backend=webgl/], ['', /^WebGL unavailable: using WASM/]] as const) {
      const { page, errors } = await open(faulty);
      await prependToWorker(page, NO_WEBGL);
      await page.goto(`${baseUrl}/?${query}autostart=1`);
      await waitForDone(page);
      expect(await testText(page, 'backend')).toBe('wasm');
      // auto says why once the GPU probe has answered and the run has ended.
      await expect.poll(() => page.locator('.backend').getAttribute('title'), { timeout: 20_000 }).toMatch(why);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('on a hardware GPU, auto times WebGL against WASM and names both figures', async () => {
    const { page, errors } = await open(faulty);
    await prependToWorker(page, SPOOF_GPU);
    await page.goto(`${baseUrl}/?autostart=0`);
    await page.getByTestId('backend').waitFor({ timeout: 60_000 });
    // The page says at once that it trains on WASM while the GPU is checked, then what was found.
    expect((await page.locator('.backend').getAttribute('title')) ?? '').toMatch(/^WASM while the GPU is checked|^GPU: /);
    // SwiftShader behind the spoofed name is far slower than WASM, so WASM must win, on figures.
    await expect.poll(() => page.locator('.backend').getAttribute('title'), { timeout: 60_000 })
      .toMatch(new RegExp(`^GPU: ${GPU_NAME.replace(/[()]/g, '\\$&')}, but WASM is as fast here: WebGL [\\d.]+ ms vs WASM [\\d.]+ ms per epoch`));
    expect(await testText(page, 'backend')).toBe('wasm');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('WASM threads', () => {
  it('on 4 cores, trains on 2 WASM threads under the production headers (isolation, CSP) to the engine\'s result', async () => {
    const expected = engineAccuracies('');
    const { page, errors } = await open(faulty);
    await prependToWorker(page, FOUR_CORES);
    await page.goto(`${baseUrl}/?autostart=1`);
    await waitForDone(page);
    expect((await page.locator('.backend').getAttribute('title')) ?? '').toMatch(/\(SIMD, 2 threads\)$/);
    const want = await expected;
    for (const id of ['a', 'b'] as const) {
      expect(Math.abs(Number(await testText(page, `accuracy-${id}`)) - want[id]), `accuracy-${id}`).toBeLessThanOrEqual(0.005);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a crashed worker', () => {
  it('is replaced, the user is told, and Train runs again to the end', async () => {
    const expected = engineAccuracies('');
    const { page, errors } = await open(faulty);
    await prependToWorker(page, CRASH_AFTER_FIRST_EPOCHS, 1);
    await page.goto(`${baseUrl}/?autostart=1`);
    await waitForText(page, 'status', 'error', 60_000).catch(async (e: unknown) => {
      // Say what the page saw instead (it failed this way once in CI, not reproduced since).
      const seen = await readTap(page);
      throw new Error(`no crash reported (${String(e)}): status ${await testText(page, 'status')}, ` +
        `${seen.workers.length} worker(s), messages ${seen.log.map((m) => `${m.dir}:${m.msg.type}`).join(' ')}`);
    });
    expect(await page.getByTestId('run-error').textContent()).toMatch(/The training worker stopped \(.*simulated crash.*\) and has been restarted\. Press Train to run again\./);
    const tap = await readTap(page);
    expect(tap.workers.map((w) => w.terminated)).toEqual([true, false]);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="status"]')?.textContent !== 'error');
    await waitForDone(page);
    expect(await testText(page, 'epoch')).toBe('100');
    const want = await expected;
    for (const id of ['a', 'b'] as const) {
      expect(Math.abs(Number(await testText(page, `accuracy-${id}`)) - want[id]), `accuracy-${id}`).toBeLessThanOrEqual(0.005);
    }
    // The crash itself is reported on the console, and nothing else is.
    expect(errors.filter((e) => !e.includes('simulated crash'))).toEqual([]);
    await page.close();
  });
});

/** The page's JavaScript heap after a full garbage collection, in bytes. */
async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

/**
 * `count` cycles as a hurried student makes them, driven inside the page (Playwright's per-action
 * checks would space them out): Train, then within 0-120 ms Reset, a new setting (B's activation,
 * the learning rate, hidden units, epochs) or Pause, then 0-60 ms. Returns what it did.
 */
function storm(page: Page, seed: number, count: number): Promise<string[]> {
  return page.evaluate(async ([seed0, n]) => {
    let s = seed0;
    const r = () => (s = (s * 16807) % 2147483647) / 2147483647;
    const sleep = (ms: number) => new Promise((res) => setTimeout(res, ms));
    const choose = <T,>(xs: T[]) => xs[Math.floor(r() * xs.length)];
    const button = (name: string) => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
    const field = (label: string, scope: ParentNode = document) => {
      const l = [...scope.querySelectorAll('label')].find((x) => x.textContent?.trim() === label);
      return l ? document.getElementById(l.htmlFor) : null;
    };
    // React tracks a field's value: set it through the native setter, then fire the events a user would.
    const setValue = (el: HTMLInputElement | HTMLSelectElement, value: string) => {
      const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
      Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
      el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
      if (el instanceof HTMLInputElement) el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    };
    const networkB = [...document.querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent?.trim() === 'Network B');
    const done: string[] = [];
    for (let i = 0; i < n; i++) {
      button('Train')?.click();
      await sleep(r() * 120);
      const what = r();
      if (what < 0.35) {
        button('Reset')?.click();
        done.push('reset');
      } else if (what < 0.85) {
        const [label, value, scope] = choose<[string, string, ParentNode | undefined]>([
          ['Activation', choose(['relu', 'tanh', 'sigmoid', 'gelu']), networkB],
          ['Learning rate', choose(['0.001', '0.003', '0.01']), undefined],
          ['Hidden units', choose(['8', '16', '24']), undefined],
          ['Epochs', choose(['60', '100', '150']), undefined],
        ]);
        const el = field(label, scope ?? document);
        if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement) setValue(el, value);
        done.push(`${label}=${value}`);
      } else {
        button('Pause')?.click();
        done.push('pause');
      }
      await sleep(r() * 60);
    }
    return done;
  }, [seed, count] as const);
}

/** Mean over a network's members of one loss, per record. */
function meanLoss(records: readonly EpochRecord[], members: number[], key: 'trainLoss' | 'testLoss'): number[] {
  return records.map((r) => members.reduce((sum, m) => sum + r[key][m], 0) / members.length);
}

describe('a storm of clicks', () => {
  it('50 rapid cycles of Train, Reset and setting changes: no stale point, tensors back to baseline, memory flat', async () => {
    const { page, errors } = await open();
    await installChartCheck(page);
    await page.goto(`${baseUrl}/?autostart=0`);
    await page.getByTestId('backend').waitFor();
    const baseline = await workerTensors(page);
    const actions = await storm(page, 6, 10);
    // The tap's own log of messages is not the app's memory: emptied before each measurement.
    await clearTapLog(page);
    const heapWarm = await heapAfterGc(page);
    actions.push(...(await storm(page, 7, 40)));
    expect(actions.filter((a) => a.includes('='))).not.toEqual([]);
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await waitForText(page, 'status', 'idle');
    expect((await chartCheck(page)).violations).toEqual([]);
    expect(await page.getByTestId('chart-a').getAttribute('data-epochs')).toBe('0');
    // The worker answers after every retired run has freed its tensors.
    expect(await workerTensors(page)).toBe(baseline);
    await clearTapLog(page);
    const heapAfter = await heapAfterGc(page);
    expect(heapAfter, `heap ${heapWarm} -> ${heapAfter} bytes`).toBeLessThan(heapWarm * 1.3 + 2_000_000);

    // One more run to the end: what the charts draw is exactly that run's records.
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await waitForDone(page);
    const tap = await readTap(page);
    const prepares = tap.log.flatMap((e) => (e.dir === 'out' && e.msg.type === 'prepare' ? [e.msg.runId] : []));
    const runId = prepares[prepares.length - 1];
    const mine = tap.log.flatMap((e) => (e.dir === 'in' && 'runId' in e.msg && e.msg.runId === runId ? [e.msg] : []));
    const records = mine.flatMap((m) => (m.type === 'epochs' ? m.records : []));
    const ready = mine.find((m) => m.type === 'ready');
    const members = ready?.type === 'ready' ? ready.info.members : [];
    expect(records.map((x) => x.epoch)).toEqual(records.map((_, i) => i));
    for (const network of ['a', 'b'] as const) {
      const ids = members.flatMap((m, i) => (m.network === network ? [i] : []));
      const train = meanLoss(records, ids, 'trainLoss');
      const test = meanLoss(records, ids, 'testLoss');
      const lines = await drawnYs(page, `chart-${network}`);
      expect(lines.map((line) => line.length)).toEqual([records.length, records.length]);
      // The two lines are the run's train and test curves (in either order), every point within a pixel.
      const off = Math.min(worstPixelOff(lines, [train, test]), worstPixelOff(lines, [test, train]));
      expect(off, `chart-${network}`).toBeLessThan(1);
    }
    const { frames, points, violations } = await chartCheck(page);
    expect(violations).toEqual([]);
    // The check ran through the storm (a frame every 100 ms at the least) and saw the curves.
    expect(frames).toBeGreaterThan(50);
    expect(points).toBeGreaterThan(100);
    const query = new URL(page.url()).search;
    const want = await engineAccuracies(query);
    for (const id of ['a', 'b'] as const) {
      expect(Math.abs(Number(await testText(page, `accuracy-${id}`)) - want[id]), `${query}: accuracy-${id}`).toBeLessThanOrEqual(0.005);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** Keys a cross-key rule names (checkCombination): it may name one of these though the URL did not give it. */
const COMBINATION_KEYS = ['samples', 'seeds', 'informative', 'clusters'];

describe('hostile links', () => {
  it('200 random and hostile URLs (seed 20261204): the page renders, names the bad keys, never throws', async () => {
    const urls = hostileUrls(20261204, 200);
    const failures: string[] = [];
    // Two tabs take turns (one loads while the other renders): the 200 pages take about a minute.
    const tab = async (first: number) => {
      const { page, errors } = await open();
      for (let i = first; i < urls.length; i += 2) {
        const url = urls[i];
        const before = errors.length;
        const where = `#${i} ?${url.query.slice(0, 160)}`;
        await page.goto(`${baseUrl}/?${url.query}`, { waitUntil: 'commit' });
        // One round trip: wait in the page until it has rendered (and shown its notice, if it owes
        // one), then read the notice's keys.
        const seen = await page.evaluate((notice) => new Promise<{ named: string[]; markup: number } | null>((resolve) => {
          const until = performance.now() + 10_000;
          const look = () => {
            if (document.querySelector('[data-testid="status"]') && (!notice || document.querySelector('[data-testid="url-notice"]'))) {
              resolve({
                named: [...document.querySelectorAll('[data-testid="url-notice"] li > code')].map((c) => (c.textContent ?? '').trim()),
                markup: document.querySelectorAll('script:not([src]), .notice img, .notice script').length,
              });
            } else if (performance.now() > until) resolve(null);
            else setTimeout(look, 5);
          };
          look();
        }), url.mustName.length > 0);
        if (!seen) {
          failures.push(`${where}: the page did not render${url.mustName.length > 0 ? ' a notice' : ''}`);
          continue;
        }
        const given = url.given.map((g) => g.trim());
        const missing = url.mustName.filter((k) => !seen.named.includes(k.trim()));
        const extra = seen.named.filter((k) => !given.includes(k) && !COMBINATION_KEYS.includes(k));
        if (missing.length > 0) failures.push(`${where}: the notice does not name ${JSON.stringify(missing)}`);
        if (extra.length > 0) failures.push(`${where}: the notice names keys not in the URL: ${JSON.stringify(extra)}`);
        if (seen.markup > 0) failures.push(`${where}: markup from the URL was rendered`);
        if (errors.length > before) failures.push(`${where}: ${errors.slice(before).join('; ')}`);
      }
      await page.close();
    };
    await Promise.all([tab(0), tab(1)]);
    expect(failures).toEqual([]);
  });

  it('refuses sizes that would exhaust memory, stating the limit', async () => {
    const { page, errors } = await open();
    for (const [query, key, limit] of [
      ['samples=1000000000', 'samples', 'samples must be an integer in 20..100000, got "1000000000"'],
      ['samples=100000&features=1000', 'samples', 'samples × features must be at most 5,000,000'],
      ['seeds=50&hidden=512&samples=100000&features=50', 'seeds', 'must be at most 20,000,000 values in memory'],
    ] as const) {
      await page.goto(`${baseUrl}/?${query}&autostart=0`);
      const notice = page.getByTestId('url-notice');
      await notice.waitFor();
      expect(await notice.locator('li > code').allTextContents()).toContain(key);
      expect(await notice.textContent()).toContain(limit);
    }
    // It trains what it can instead: the defaults for the refused keys.
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await waitForDone(page);
    expect(await epochNumber(page)).toBe(100);
    expect(errors).toEqual([]);
    await page.close();
  });
});
