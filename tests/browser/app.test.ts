/**
 * The app in headless Chromium, against the production build: what issue 3 says a student and an
 * instructor can rely on. Screenshots land in test-results/screenshots/ for a human to look at.
 */
import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  foreignRequests, launchBrowser, openPage, pointsPerCurve, testText, waitForDone, waitForText, type TestBrowser,
} from './browser';
import { engineAccuracies, type Expected } from './engine';

const SHOTS = 'test-results/screenshots';
const baseUrl = inject('baseUrl');
let browser: TestBrowser;
let defaults: Promise<Expected>;

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  browser = await launchBrowser();
  // Started now, awaited when needed: the reference run overlaps the first page's training.
  defaults = engineAccuracies('');
  defaults.catch(() => undefined);
});

afterAll(async () => {
  await browser?.close();
});

/** The page's accuracies, checked against the engine's for the same settings. */
async function expectAccuracies(page: import('playwright-core').Page, expected: Expected): Promise<void> {
  for (const id of ['a', 'b'] as const) {
    const text = await testText(page, `accuracy-${id}`);
    expect(text, `accuracy-${id}`).toMatch(/^\d\.\d{3}$/);
    expect(Math.abs(Number(text) - expected[id]), `accuracy-${id}: page ${text}, engine ${expected[id]}`)
      .toBeLessThanOrEqual(0.005);
  }
}

describe('Activation Lab in the browser', () => {
  it('trains both networks to epoch 100 on the default page and shows the engine’s accuracies', async () => {
    const { page, errors } = await openPage(browser, baseUrl, '/?autostart=1');
    await waitForDone(page);
    expect(await testText(page, 'epoch')).toBe('100');
    expect(await testText(page, 'backend')).toMatch(/^(webgl|wasm|cpu)$/);
    for (const chart of ['chart-a', 'chart-b']) {
      expect(await page.getByTestId(chart).getAttribute('data-epochs')).toBe('100');
      expect(await pointsPerCurve(page, chart), chart).toEqual([100, 100]);
    }
    await expectAccuracies(page, await defaults);
    // Hovering a chart shows the values at that epoch.
    await page.getByTestId('chart-b').locator('.recharts-surface').hover();
    await expect.poll(() => page.locator('.tooltip').first().textContent()).toMatch(/epoch \d+.*test loss\s*\d\.\d+/);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `${SHOTS}/desktop-1280x800.png` });
    await page.screenshot({ path: `${SHOTS}/desktop-full.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws the curves as they train: every chart has a point per epoch received, frame after frame', async () => {
    const { page, errors } = await openPage(browser, baseUrl, '/?pace=25&autostart=1');
    // Sampled in the page, in one go per animation frame: each chart's epochs and its drawn lines.
    const samples = await page.evaluate(() => new Promise<{ id: string; epochs: number; points: number[]; status: string }[]>((resolve) => {
      const out: { id: string; epochs: number; points: number[]; status: string }[] = [];
      const look = () => {
        const status = document.querySelector('[data-testid="status"]')?.textContent ?? '';
        for (const chart of document.querySelectorAll('[data-testid^="chart-"]')) {
          const paths = [...chart.querySelectorAll('path.loss-line')];
          out.push({
            id: chart.getAttribute('data-testid') ?? '', epochs: Number(chart.getAttribute('data-epochs')), status,
            points: paths.map((p) => (p.getAttribute('d') ?? '').match(/[ML]/g)?.length ?? 0),
          });
        }
        const a = document.querySelector('[data-testid="chart-a"]');
        if (Number(a?.getAttribute('data-epochs')) >= 40) resolve(out);
        else requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    }));
    const training = samples.filter((s) => s.status === 'training' && s.epochs > 0);
    // At 25 epochs per second, 40 epochs take over a second: many frames mid-run.
    expect(new Set(training.map((s) => s.epochs)).size).toBeGreaterThan(10);
    for (const s of training) {
      const lines = s.id === 'chart-overlay' ? 4 : 2;
      expect(s.points, `${s.id} at ${s.epochs} epochs`).toEqual(Array.from({ length: lines }, () => s.epochs));
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reruns when B’s activation changes to tanh, puts actB=tanh in the URL, and the URL reproduces it', async () => {
    const expected = engineAccuracies('actB=tanh');
    const { page, errors } = await openPage(browser, baseUrl, '/?autostart=1');
    await waitForDone(page);
    const before = await testText(page, 'accuracy-b');
    await page.getByRole('group', { name: 'Network B' }).getByLabel('Activation').selectOption('tanh');
    await page.waitForURL(/actB=tanh/);
    // The new run reuses the data and can finish within a few frames: wait for its result, not for
    // the blank between the runs.
    await expect.poll(async () => `${await testText(page, 'status')} ${await testText(page, 'accuracy-b')}`, { timeout: 60_000 })
      .toMatch(new RegExp(`^done (?!${before.replace('.', '\\.')}$)`));
    expect(await testText(page, 'epoch')).toBe('100');
    await expectAccuracies(page, await expected);
    const shown = { a: await testText(page, 'accuracy-a'), b: await testText(page, 'accuracy-b') };
    expect(shown.b).not.toBe(before);

    const again = await openPage(browser, baseUrl, new URL(page.url()).pathname + new URL(page.url()).search);
    await waitForDone(again.page);
    expect({ a: await testText(again.page, 'accuracy-a'), b: await testText(again.page, 'accuracy-b') }).toEqual(shown);
    expect(errors).toEqual([]);
    expect(again.errors).toEqual([]);
    await page.close();
    await again.page.close();
  });

  it('names the bad keys of a URL, renders them as text, and trains with the defaults', async () => {
    const { page, errors } = await openPage(browser, baseUrl,
      '/?hidden=abc&epochs=-5&autostart=1&lr=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
    const notice = page.getByTestId('url-notice');
    await expect.poll(() => notice.isVisible()).toBe(true);
    const codes = await notice.locator('code').allTextContents();
    expect(codes).toEqual(expect.arrayContaining(['hidden', 'epochs', 'lr']));
    expect(await notice.textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(await page.locator('.notice img').count()).toBe(0);
    await waitForDone(page);
    expect(await testText(page, 'epoch')).toBe('100');
    await expectAccuracies(page, await defaults);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('pauses, steps exactly one epoch, and resets to epoch 0 with empty charts', async () => {
    const { page, errors } = await openPage(browser, baseUrl, '/?epochs=2000&autostart=0');
    expect(await testText(page, 'status')).toBe('idle');
    const click = (name: string) => page.getByRole('button', { name, exact: true }).click();

    await click('Step');
    await waitForText(page, 'epoch', '1');
    await waitForText(page, 'status', 'paused');
    await click('Step');
    await waitForText(page, 'epoch', '2');
    await waitForText(page, 'status', 'paused');

    await click('Train');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="epoch"]')?.textContent) >= 20);
    await click('Pause');
    await waitForText(page, 'status', 'paused');
    const paused = await testText(page, 'epoch');
    await page.screenshot({ path: `${SHOTS}/paused-midway.png` });
    await page.waitForTimeout(1500);
    expect(await testText(page, 'epoch')).toBe(paused);
    expect(await page.getByTestId('chart-a').getAttribute('data-epochs')).toBe(paused);

    await click('Step');
    await waitForText(page, 'epoch', String(Number(paused) + 1));
    await waitForText(page, 'status', 'paused');
    await page.waitForTimeout(1000);
    expect(await testText(page, 'epoch')).toBe(String(Number(paused) + 1));

    await click('Reset');
    await waitForText(page, 'epoch', '0');
    expect(await testText(page, 'status')).toBe('idle');
    for (const chart of ['chart-a', 'chart-b']) {
      expect(await page.getByTestId(chart).getAttribute('data-epochs')).toBe('0');
      expect((await pointsPerCurve(page, chart)).every((n) => n === 0)).toBe(true);
    }
    // Reset leaves a page that trains again.
    await click('Train');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="epoch"]')?.textContent) >= 3);
    await click('Pause');
    await waitForText(page, 'status', 'paused');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stops a diverging run with a message, keeps its curve, and recovers after Reset', async () => {
    const { page, errors } = await openPage(browser, baseUrl, '/?lr=10&autostart=1');
    await waitForText(page, 'status', 'error');
    const alert = page.getByTestId('diverged');
    expect(await alert.textContent()).toMatch(/Diverged at epoch \d+\..*smaller learning rate/);
    const kept = await testText(page, 'epoch');
    expect(await page.getByTestId('chart-a').getAttribute('data-epochs')).toBe(kept);
    // The curve stops at the last epoch before the blow-up, which the alert names.
    expect(Number(/Diverged at epoch (\d+)/.exec((await alert.textContent()) ?? '')?.[1])).toBe(Number(kept) + 1);
    await page.screenshot({ path: `${SHOTS}/diverged.png` });
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await waitForText(page, 'status', 'idle');
    expect(await alert.count()).toBe(0);
    const lr = page.getByLabel('Learning rate');
    await lr.fill('0.001');
    await lr.press('Enter');
    await page.waitForURL((url) => !url.search.includes('lr='));
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await waitForDone(page);
    await expectAccuracies(page, await defaults);
    await page.screenshot({ path: `${SHOTS}/diverged-then-recovered.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stacks the charts on a 390×844 phone screen without sideways scrolling', async () => {
    const { page, errors } = await openPage(browser, baseUrl, '/?autostart=1', { width: 390, height: 844 });
    await waitForDone(page);
    const a = await page.getByTestId('chart-a').boundingBox();
    const b = await page.getByTestId('chart-b').boundingBox();
    expect(a && b && b.y >= a.y + a.height).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SHOTS}/mobile-390x844.png` });
    await page.screenshot({ path: `${SHOTS}/mobile-full.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('follows the system’s dark theme', async () => {
    const { page, errors } = await openPage(browser, baseUrl, '/');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await waitForDone(page);
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).not.toBe('rgb(248, 248, 246)');
    await page.screenshot({ path: `${SHOTS}/desktop-dark-1280x800.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('made no request outside its own origin', () => {
    expect(browser.requests.length).toBeGreaterThan(0);
    expect(foreignRequests(browser.requests, baseUrl)).toEqual([]);
  });
});
