/**
 * Issue 5, offline: after one visit the app opens and trains with the network off (the browser
 * context's offline mode), and a new deployment replaces the cached version. Each test has its own
 * browser, so its service worker and caches start empty.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, testText, waitForDone, type TestBrowser } from './browser';
import { WAIT } from './lecture';

const baseUrl = inject('baseUrl');
const outDir = process.env.DIST_DIR ?? 'dist';
let browser: TestBrowser | null = null;

afterEach(async () => {
  await browser?.close();
  browser = null;
});

/** The page once its service worker controls it and has cached the version: the cache's names. */
async function controlled(page: import('playwright-core').Page): Promise<string[]> {
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names[0]);
    return [...names, ...(await cache.keys()).map((r) => new URL(r.url).pathname)];
  });
}

describe('offline', () => {
  it('opens and trains to the end after a reload with the network off', async () => {
    browser = await launchBrowser();
    const { page, errors } = await openPage(browser, baseUrl, '/');
    const cached = await controlled(page);
    expect(cached.filter((n) => n.startsWith('activation-lab-'))).toHaveLength(1);
    for (const file of ['/index.html', '/favicon.svg']) expect(cached).toContain(file);
    expect(cached.filter((p) => p.endsWith('.wasm'))).toHaveLength(3);

    await browser.context.setOffline(true);
    // The network really is gone, for the service worker too: what it has not cached fails.
    expect(await page.evaluate(() => fetch('/not-cached').then(() => 'loaded', () => 'failed'))).toBe('failed');
    errors.length = 0;
    const response = await page.reload();
    expect(response?.fromServiceWorker()).toBe(true);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await waitForDone(page);
    expect(await testText(page, 'epoch')).toBe('100');
    expect(await testText(page, 'accuracy-b')).toMatch(/^\d\.\d{3}$/);
    // Code that loads on demand is there too.
    await page.getByRole('button', { name: 'Export' }).click();
    await expect.poll(() => page.getByTestId('export-panel').count(), WAIT).toBe(1);
    expect(errors).toEqual([]);
    await browser.context.setOffline(false);
  });

  it('offers a new deployment and switches to it, deleting the old version’s cache', async () => {
    browser = await launchBrowser();
    const { page, errors } = await openPage(browser, baseUrl, '/');
    const [before] = await controlled(page);
    const swPath = join(outDir, 'sw.js');
    const original = await readFile(swPath, 'utf8');
    // A deployment: the same app with a new version hash, hence a new sw.js.
    const version = /const VERSION = "([^"]+)"/.exec(original)?.[1];
    expect(version).toBeTruthy();
    await writeFile(swPath, original.replace(`"${version}"`, `"${version}-next"`));
    try {
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      const notice = page.getByTestId('update-notice');
      await expect.poll(() => notice.isVisible(), { timeout: 30_000 }).toBe(true);
      expect(await notice.textContent()).toMatch(/A new version is ready/);
      await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Reload' }).click()]);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      const names = await page.evaluate(() => caches.keys());
      expect(names).toEqual([`${before}-next`]);
      expect(await page.getByTestId('update-notice').count()).toBe(0);
    } finally {
      await writeFile(swPath, original);
    }
    expect(errors).toEqual([]);
  });
});
