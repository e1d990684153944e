/**
 * Launching the system Chromium for the browser tests and watching a page: every console error,
 * uncaught error and request it makes, so a test can assert there were none it did not expect.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the `vite preview` server, e.g. http://127.0.0.1:41234 */
    baseUrl: string;
  }
}

/** Debian's `chromium` package by default; set CHROMIUM_PATH to use another binary. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox',
  // WebGL through SwiftShader (software), so the WebGL code path can run without a GPU.
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  // Nothing but the page under test may touch the network.
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface TestBrowser {
  readonly context: BrowserContext;
  /** Every URL any page of this browser, or any of their workers, requested. */
  readonly requests: string[];
  close(): Promise<void>;
}

/** A headless Chromium with a fresh profile directory, removed again on close. */
export async function launchBrowser(): Promise<TestBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'activation-lab-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 800 },
  });
  const requests: string[] = [];
  // Context-wide, so requests of dedicated workers (their imports, the WASM binary) count too.
  context.on('request', (r) => requests.push(r.url()));
  return {
    context,
    requests,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export interface WatchedPage {
  readonly page: Page;
  /** Console errors (page and worker) and uncaught errors, as text. */
  readonly errors: string[];
}

/** Open `path` (e.g. "/?autostart=1") in a new tab, recording errors and requests from the start. */
export async function openPage(browser: TestBrowser, baseUrl: string, path: string,
  viewport = { width: 1280, height: 800 }): Promise<WatchedPage> {
  const page = await browser.context.newPage();
  await page.setViewportSize(viewport);
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console error${m.worker() ? ' (worker)' : ''}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  await page.goto(`${baseUrl}${path}`);
  return { page, errors };
}

/** Requests that left the page's origin (data: and blob: URLs are made locally). */
export function foreignRequests(requests: readonly string[], baseUrl: string): string[] {
  const origin = new URL(baseUrl).origin;
  return requests.filter((u) => !/^(data|blob):/.test(u) && new URL(u).origin !== origin);
}

export async function testText(page: Page, id: string): Promise<string> {
  return (await page.getByTestId(id).textContent())?.trim() ?? '';
}

/** Wait until the element's text is `value` (checked every animation frame). */
export async function waitForText(page: Page, id: string, value: string, timeout = 120_000): Promise<void> {
  await page.waitForFunction(
    ([tid, v]) => document.querySelector(`[data-testid="${tid}"]`)?.textContent?.trim() === v,
    [id, value] as const,
    { timeout, polling: 'raf' },
  );
}

/** Wait until the run is finished; fail at once if it stopped with an error. */
export async function waitForDone(page: Page, timeout = 120_000): Promise<void> {
  await page.waitForFunction(
    () => ['done', 'error'].includes(document.querySelector('[data-testid="status"]')?.textContent ?? ''),
    undefined,
    { timeout, polling: 100 },
  );
  const status = await testText(page, 'status');
  if (status !== 'done') throw new Error(`the run stopped with status ${status}: ${await page.locator('.alert').textContent()}`);
}

/**
 * Points drawn per curve of a chart: the vertices of each drawn loss line ("M x,y L x,y …"
 * for a linear curve, one command per data point).
 */
export async function pointsPerCurve(page: Page, chartId: string): Promise<number[]> {
  return page.locator(`[data-testid="${chartId}"] :is(path.loss-line)`).evaluateAll((paths) =>
    paths.map((p) => (p.getAttribute('d') ?? '').match(/[ML]/g)?.length ?? 0),
  );
}
