/**
 * The teaching panels of issue 4 in headless Chromium, against the production build: the lesson
 * picker, many seeds, the linear collapse, the 2-D view with decision regions, and a full-page
 * screenshot of every lesson (test-results/screenshots/lesson-<name>.png) for a human to look at.
 */
import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LESSONS } from '../../src/state/lessons';
import { LESSON_NAMES } from '../../src/state/schema';
import { launchBrowser, openPage, testText, waitForDone, type TestBrowser } from './browser';

const SHOTS = 'test-results/screenshots';
const baseUrl = inject('baseUrl');
let browser: TestBrowser;

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function accuracy(page: Page, id: 'a' | 'b'): Promise<number> {
  const text = await testText(page, `accuracy-${id}`);
  expect(text, `accuracy-${id}`).toMatch(/^\d\.\d{3}$/);
  return Number(text);
}

/** Wait until both 2-D views show the snapshot taken after `epoch` epochs. */
async function waitForSnapshot(page: Page, epoch: number): Promise<void> {
  await page.waitForFunction(
    (e) => ['a', 'b'].every((n) => document.querySelector(`[data-testid="plane-${n}"]`)?.getAttribute('data-epoch') === String(e)),
    epoch,
    { timeout: 60_000, polling: 100 },
  );
}

/** Share of a canvas's pixels that are not fully transparent. */
function inkedShare(page: Page, id: string): Promise<number> {
  return page.getByTestId(id).evaluate((c: HTMLCanvasElement) => {
    const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
    let inked = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) inked += 1;
    return inked / (c.width * c.height);
  });
}

describe('teaching panels', () => {
  it('picks a lesson: circles puts lesson=circles in the URL, A stays near chance and B separates the classes', async () => {
    const { page, errors } = await openPage(browser, baseUrl, '/');
    const circles = page.getByRole('group', { name: 'Lesson' }).getByRole('button', { name: 'Circles', exact: true });
    await circles.click();
    await page.waitForURL(/[?&]lesson=circles(&|$)/);
    expect(await circles.getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('heading', { name: LESSONS.circles.title }).count()).toBe(1);
    expect(await testText(page, 'look-for')).toContain(LESSONS.circles.lookFor);
    await waitForDone(page);
    expect(await testText(page, 'epoch')).toBe(String(LESSONS.circles.settings.epochs));
    expect(await accuracy(page, 'a')).toBeLessThan(0.6);
    expect(await accuracy(page, 'b')).toBeGreaterThan(0.9);
    // The lesson's preset replaced the settings: the data set control shows it, and the URL has nothing else.
    expect(await page.getByLabel('Data set').inputValue()).toBe('circles');
    expect(new URL(page.url()).search).toBe('?lesson=circles');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('repeats over 5 seeds: mean curves with ±1 sd bands, 5 dots per network, and a paired 95% CI', async () => {
    const { page, errors } = await openPage(browser, baseUrl, '/?seeds=5&samples=1000&features=20&epochs=30&autostart=1');
    await waitForDone(page);
    for (const n of ['a', 'b'] as const) {
      const chart = page.getByTestId(`chart-${n}`);
      expect(await chart.getAttribute('data-bands')).toBe('true');
      // Gap, train band, test band: three shaded areas, each drawn.
      const areas = await chart.locator('.overfit-layer path').evaluateAll((ps) => ps.map((p) => p.getAttribute('d') ?? ''));
      expect(areas).toHaveLength(3);
      expect(areas.every((d) => d.startsWith('M') && d.endsWith('Z'))).toBe(true);
      // The strip is loaded on demand, once there are several seeds to show.
      await expect.poll(() => page.getByTestId(`seeds-${n}`).locator('.seed-dot').count()).toBe(5);
    }
    // The big number is the mean of the five dots.
    const label = (await page.locator('.seed-strip').getAttribute('aria-label')) ?? '';
    const perSeed = (n: 'A' | 'B') => (new RegExp(`${n}: ([^.]+\\.\\d+(?:, [^,.]+\\.\\d+)*)`).exec(label)?.[1] ?? '').split(', ').map(Number);
    for (const [n, id] of [['A', 'a'], ['B', 'b']] as const) {
      const values = perSeed(n);
      expect(values).toHaveLength(5);
      expect(Math.abs(values.reduce((s, v) => s + v, 0) / 5 - (await accuracy(page, id)))).toBeLessThanOrEqual(0.0006);
    }
    const ci = page.getByTestId('seed-ci');
    expect(await ci.textContent()).toMatch(/95% confidence interval [+−]\d+\.\d to [+−]\d+\.\d/);
    const [low, high] = [Number(await ci.getAttribute('data-low')), Number(await ci.getAttribute('data-high'))];
    expect(low).toBeLessThan(high);
    await page.screenshot({ path: `${SHOTS}/seeds-5.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the notebook network as one linear model: 1,633 parameters, 101 effective, the same outputs', async () => {
    const { page, errors } = await openPage(browser, baseUrl, '/?autostart=1');
    await waitForDone(page);
    await waitForSnapshot(page, 100);
    const a = page.getByTestId('collapse-a');
    const text = (await a.textContent()) ?? '';
    expect(text).toContain('1,633');
    expect(text).toContain('101');
    expect(text).toMatch(/max \|Δp\| = \S+ over 1,000 test points/);
    expect(Number(await a.getAttribute('data-max-diff'))).toBeLessThan(1e-4);
    expect(await a.locator('.weight-bars rect').count()).toBe(101);
    // B has an activation: no collapse, and the panel says why.
    const b = page.getByTestId('collapse-b');
    expect(await b.getAttribute('data-max-diff')).toBeNull();
    expect(await b.textContent()).toMatch(/No single weight vector.*ReLU sits between the\s+matrices/);
    // Hidden units: B's dead ReLU count is stated, as a count of the 16 units.
    expect(await page.getByTestId('dead-b').textContent()).toMatch(/^(\d+ of 16 units? never fires?|All 16 units fire)/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws both networks’ decision regions on the moons, updated to the final epoch, with mistakes ringed', async () => {
    const { page, errors } = await openPage(browser, baseUrl, '/?lesson=moons&autostart=1');
    // Regions are drawn during training, before the run ends.
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="plane-b"]')?.getAttribute('data-epoch')) > 0,
      undefined, { timeout: 60_000 });
    await waitForDone(page);
    const epochs = LESSONS.moons.settings.epochs ?? 0;
    await waitForSnapshot(page, epochs);
    for (const n of ['a', 'b'] as const) {
      expect(await inkedShare(page, `regions-${n}`), `regions-${n}`).toBeGreaterThan(0.5);
    }
    const [ra, rb] = await Promise.all(['a', 'b'].map((n) =>
      page.getByTestId(`regions-${n}`).evaluate((c: HTMLCanvasElement) => c.toDataURL())));
    expect(ra).not.toBe(rb);
    const wrong = async (n: 'a' | 'b') => Number(await page.getByTestId(`plane-${n}`).getAttribute('data-mistakes'));
    const [wa, wb] = [await wrong('a'), await wrong('b')];
    // 200 test points; the straight line misses the moons' tips, the curve few.
    expect(wa).toBeGreaterThan(10);
    expect(wb).toBeLessThan(wa);
    expect(await testText(page, 'accuracy-a')).toBe(((200 - wa) / 200).toFixed(3));
    expect(await page.getByTestId('plane-a').textContent()).toContain(`${wa} of 200 test points wrong`);
    expect(await page.getByTestId('plane-a').textContent()).toMatch(/feature 1.*|feature 2/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('labels the PCA axes with their share of variance for many-feature data', async () => {
    const { page, errors } = await openPage(browser, baseUrl, '/?lesson=linear&epochs=5&autostart=1');
    await waitForDone(page);
    await waitForSnapshot(page, 5);
    expect(await page.getByTestId('plane-a').textContent()).toMatch(/PC1 \(\d+% of variance\).*|PC2 \(\d+% of variance\)/);
    expect(await page.getByTestId('regions-a').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits the look-inside panels on a 390×844 phone without sideways scrolling', async () => {
    const { page, errors } = await openPage(browser, baseUrl, '/?lesson=moons&seeds=3&autostart=1', { width: 390, height: 844 });
    await waitForDone(page);
    await waitForSnapshot(page, LESSONS.moons.settings.epochs ?? 0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Stacked: B's 2-D view below A's, each as wide as the screen allows.
    const a = await page.getByTestId('plane-a').boundingBox();
    const b = await page.getByTestId('plane-b').boundingBox();
    expect(a && b && b.y >= a.y + a.height).toBe(true);
    await expect.poll(() => page.getByTestId('seeds-b').locator('.seed-dot').count()).toBe(3);
    await page.screenshot({ path: `${SHOTS}/lesson-moons-390x844.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws the panels in the dark theme', async () => {
    const { page, errors } = await openPage(browser, baseUrl, '/?lesson=overfit&seeds=4&autostart=0');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByRole('button', { name: 'Circles', exact: true }).click();
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await waitForDone(page);
    await waitForSnapshot(page, LESSONS.circles.settings.epochs ?? 0);
    await page.screenshot({ path: `${SHOTS}/lesson-circles-dark.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const name of LESSON_NAMES) {
    it(`lesson ${name}: trains to the end and is screenshotted for a human to look at`, async () => {
      const { page, errors } = await openPage(browser, baseUrl, `/?lesson=${name}&autostart=1`);
      await waitForDone(page);
      const epochs = LESSONS[name].settings.epochs ?? 100;
      await waitForSnapshot(page, epochs);
      expect(await page.getByTestId('lesson').getAttribute('data-lesson')).toBe(name);
      if (name === 'overfit' || name === 'dropout') {
        // What the lesson asks the student to see: B's test loss bottoms out early, then climbs.
        expect(Number(await page.getByTestId('chart-b').getAttribute('data-lowest-epoch'))).toBeLessThan(epochs / 4);
      }
      await page.screenshot({ path: `${SHOTS}/lesson-${name}.png`, fullPage: true });
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
