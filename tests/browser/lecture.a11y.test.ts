/**
 * Issue 5, accessible and safe: axe-core on four pages, a table behind every chart, the
 * Content-Security-Policy with nothing violating it and nothing leaving the origin, the phone
 * layout with its settings drawer, the two themes and reduced motion. Screenshots land in
 * test-results/screenshots/ for a human to look at.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { foreignRequests, openPage, testText, waitForDone, type TestBrowser } from './browser';
import { cspViolations, HD, launchLectureBrowser, PHONE, recordCspViolations, seriousAxeViolations, SHOTS, WAIT } from './lecture';

const baseUrl = inject('baseUrl');
let browser: TestBrowser;

beforeAll(async () => {
  browser = await launchLectureBrowser();
  await recordCspViolations(browser.context);
});

afterAll(async () => {
  await browser?.close();
});

describe('accessibility and security', () => {
  const pages: [string, string, { width: number; height: number }][] = [
    ['default', '/?autostart=1', { width: 1280, height: 800 }],
    ['lesson', '/?lesson=moons&autostart=1', { width: 1280, height: 800 }],
    ['presenter', '/?present=1&autostart=1', HD],
    ['phone', '/?autostart=1', PHONE],
  ];
  for (const [name, path, viewport] of pages) {
    it(`has no serious or critical axe violation: ${name} page`, async () => {
      const { page, errors } = await openPage(browser, baseUrl, path, viewport);
      await waitForDone(page);
      expect(await seriousAxeViolations(page)).toEqual([]);
      if (name === 'phone') {
        await page.getByRole('button', { name: 'Settings' }).click();
        // Mid slide-in the drawer is still partly transparent, which axe reads as low contrast.
        await page.locator('dialog.drawer').evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
        expect(await seriousAxeViolations(page)).toEqual([]);
      }
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('gives each chart a table of its data', async () => {
    const { page, errors } = await openPage(browser, baseUrl, '/?autostart=1');
    await waitForDone(page);
    for (const id of ['a', 'b', 'overlay']) {
      const toggle = page.getByTestId(`table-toggle-${id}`);
      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      const table = page.getByTestId(`table-${id}`);
      // The table's code loads on the first click.
      await expect.poll(() => table.locator('tbody tr').count(), { timeout: 10_000 }).toBe(100);
      expect(await table.locator('thead th').count()).toBe(id === 'overlay' ? 5 : 3);
      expect(await table.locator('tbody tr').last().locator('th').textContent()).toBe('100');
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sends its Content-Security-Policy as a header and a <meta>, and nothing violates it or leaves the origin', async () => {
    const { page, errors } = await openPage(browser, baseUrl, '/?autostart=1');
    const header = (await page.request.get(`${baseUrl}/`)).headers()['content-security-policy'];
    expect(header).toMatch(/script-src 'self' 'wasm-unsafe-eval' blob:/);
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toMatch(/^default-src 'self'/);
    await waitForDone(page);
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('button', { name: 'Chart A as PNG' }).click();
    await expect.poll(() => testText(page, 'export-status'), { timeout: 15_000 }).toMatch(/^Saved/);
    expect(await cspViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(foreignRequests(browser.requests, baseUrl)).toEqual([]);
    await page.close();
  });
});

describe('phone', () => {
  it('stacks the charts and keeps the settings in a drawer that holds focus and closes on Esc', async () => {
    const { page, errors } = await openPage(browser, baseUrl, '/?autostart=1', PHONE);
    await waitForDone(page);
    const a = await page.getByTestId('chart-a').boundingBox();
    const b = await page.getByTestId('chart-b').boundingBox();
    expect(a && b && b.y >= a.y + a.height).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await page.locator('aside.sidebar').count()).toBe(0);
    const pace = await page.getByLabel('Pace').boundingBox();
    expect(pace?.height).toBeGreaterThanOrEqual(44);

    const open = page.getByRole('button', { name: 'Settings' });
    await open.click();
    const drawer = page.getByRole('dialog', { name: 'Settings' });
    await expect.poll(() => drawer.isVisible(), WAIT).toBe(true);
    for (const slider of await drawer.locator('input[type="range"]').all()) {
      expect((await slider.boundingBox())?.height, 'a slider a thumb can hit').toBeGreaterThanOrEqual(44);
    }
    // The drawer slides in: photograph it where it stops.
    await drawer.evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
    await page.screenshot({ path: `${SHOTS}/mobile-drawer-390x844.png` });
    const count = await drawer.locator('button, input, select').count();
    for (let i = 0; i < count + 5; i++) {
      await page.keyboard.press(i % 7 === 6 ? 'Shift+Tab' : 'Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null), `Tab ${i} stays in the drawer`).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => drawer.isVisible(), WAIT).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Settings');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('themes and motion', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`follows the system’s ${scheme} theme, in the normal page and in presenter mode`, async () => {
      const { page, errors } = await openPage(browser, baseUrl, '/');
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${baseUrl}/?autostart=1`);
      await waitForDone(page);
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(bg).toBe(scheme === 'light' ? 'rgb(248, 248, 246)' : 'rgb(20, 21, 24)');
      await page.screenshot({ path: `${SHOTS}/${scheme}-1280x800.png` });
      await page.setViewportSize(HD);
      await page.goto(`${baseUrl}/?autostart=1&present=1`);
      await waitForDone(page);
      await page.screenshot({ path: `${SHOTS}/presenter-${scheme}-1280x720.png` });
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('animates nothing when the system asks for reduced motion', async () => {
    const { page, errors } = await openPage(browser, baseUrl, '/', PHONE);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.getByRole('button', { name: 'Settings' }).click();
    const drawer = page.getByRole('dialog', { name: 'Settings' });
    await expect.poll(() => drawer.isVisible(), WAIT).toBe(true);
    expect(await drawer.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
    await page.keyboard.press('Escape');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.getByRole('button', { name: 'Settings' }).click();
    expect(await drawer.evaluate((el) => getComputedStyle(el).animationName)).toBe('drawer-in');
    expect(errors).toEqual([]);
    await page.close();
  });
});
