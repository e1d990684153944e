/**
 * Every backend the URL can force gives the engine's result (to the displayed precision), and the
 * toolbar says which backend ran and why.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { foreignRequests, launchBrowser, openPage, testText, waitForDone, type TestBrowser } from './browser';
import { engineAccuracies, type Expected } from './engine';

const baseUrl = inject('baseUrl');
let browser: TestBrowser;
let expected: Expected;

beforeAll(async () => {
  browser = await launchBrowser();
  expected = await engineAccuracies('');
});

afterAll(async () => {
  await browser?.close();
});

describe('backends', () => {
  for (const forced of ['webgl', 'wasm', 'cpu'] as const) {
    it(`backend=${forced} runs ${forced} (or says why not) and reproduces the engine's accuracies`, async () => {
      const { page, errors } = await openPage(browser, baseUrl, `/?backend=${forced}&autostart=1`);
      await waitForDone(page);
      const name = await testText(page, 'backend');
      const reason = (await page.locator('.backend').getAttribute('title')) ?? '';
      if (name === forced) expect(reason).toContain(`backend=${forced} chosen`);
      else expect(reason).toContain(`${forced} failed`);
      for (const id of ['a', 'b'] as const) {
        const shown = Number(await testText(page, `accuracy-${id}`));
        expect(Math.abs(shown - expected[id]), `${forced}: accuracy-${id}`).toBeLessThanOrEqual(0.005);
      }
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('auto picks a backend and gives the reason', async () => {
    const { page, errors } = await openPage(browser, baseUrl, '/?autostart=1');
    await waitForDone(page);
    // The first run starts on WASM at once; the GPU is looked at when nothing trains.
    await expect.poll(() => page.locator('.backend').getAttribute('title'), { timeout: 30_000 }).not.toMatch(/while the GPU is checked/);
    const name = await testText(page, 'backend');
    const reason = (await page.locator('.backend').getAttribute('title')) ?? '';
    expect(name).toMatch(/^(webgl|wasm|cpu)$/);
    // On a real GPU the reason gives both measured figures ("WebGL 3.1 ms vs WASM 4.0 ms per epoch").
    if (name === 'webgl') expect(reason).toMatch(/^GPU: .*(WebGL [\d.]+ ms vs WASM [\d.]+ ms per epoch|could not run)/);
    else expect(reason).toMatch(/WebGL unavailable|software renderer|failed|as fast here|could not run/);
    expect(errors).toEqual([]);
    expect(foreignRequests(browser.requests, baseUrl)).toEqual([]);
    await page.close();
  });
});
