/**
 * Issue 5 in headless Chromium, against the production build: presenter mode by measured sizes,
 * the classroom link, the keyboard, pace, and exports by their downloads. Accessibility, security
 * and the phone layout are in lecture.a11y.test.ts, offline use in lecture.offline.test.ts.
 * Screenshots land in test-results/screenshots/ for a human to look at.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPage, testText, waitForDone, waitForText, type TestBrowser } from './browser';
import { downloadFrom, epochOf, HD, launchLectureBrowser, lectureSizes, SHOTS, shortcutsReady, WAIT } from './lecture';

const baseUrl = inject('baseUrl');
let browser: TestBrowser;

beforeAll(async () => {
  browser = await launchLectureBrowser();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
});

afterAll(async () => {
  await browser?.close();
});

describe('presenter mode', () => {
  it('doubles the type and the charts at 1280×720, with P and with present=1', async () => {
    const { page, errors } = await openPage(browser, baseUrl, '/?autostart=1', HD);
    await waitForDone(page);
    await shortcutsReady(page);
    const normal = await lectureSizes(page);
    await page.keyboard.press('p');
    await page.waitForURL(/present=1/);
    const big = await lectureSizes(page);
    for (const k of Object.keys(normal) as (keyof typeof normal)[]) {
      // "At least twice", allowing for the last digit of a computed pixel size.
      expect(big[k], `${k}: ${normal[k]} -> ${big[k]}`).toBeGreaterThanOrEqual(2 * normal[k] - 0.01);
    }
    // Nothing wider than the projector: no sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(HD.width);
    // Entering presenter mode brings both charts into view, whole, under the training bar.
    for (const chart of ['chart-a', 'chart-b']) {
      const box = await page.getByTestId(chart).boundingBox();
      expect(box && box.y > 0 && box.y + box.height <= HD.height, `${chart} in view: ${JSON.stringify(box)}`).toBe(true);
    }
    await page.screenshot({ path: `${SHOTS}/presenter-1280x720.png` });
    await page.keyboard.press('P');
    await page.waitForURL((url) => !url.search.includes('present'));
    expect(await lectureSizes(page)).toEqual(normal);

    const opened = await openPage(browser, baseUrl, '/?present=1&autostart=1', HD);
    await waitForDone(opened.page);
    expect(await lectureSizes(opened.page)).toEqual(big);
    expect(errors).toEqual([]);
    expect(opened.errors).toEqual([]);
    await page.close();
    await opened.page.close();
  });

  it('shows students only what the classroom link leaves visible', async () => {
    const { page, errors } = await openPage(browser, baseUrl, '/?hide=lessons,networkA,data,pace,export');
    const visible = (locator: ReturnType<typeof page.locator>) => locator.isVisible();
    expect(await visible(page.getByRole('group', { name: 'Network A' }))).toBe(false);
    expect(await visible(page.getByRole('group', { name: 'Data' }))).toBe(false);
    expect(await visible(page.getByLabel('Pace'))).toBe(false);
    expect(await visible(page.getByRole('button', { name: 'Export' }))).toBe(false);
    expect(await visible(page.getByRole('group', { name: 'Lesson' }))).toBe(false);
    // The lesson itself stays: only the buttons to leave it are gone, and so are its keys.
    expect(await visible(page.getByRole('heading', { name: 'The notebook' }))).toBe(true);
    await shortcutsReady(page);
    await page.keyboard.press('2');
    await page.waitForTimeout(300);
    expect(page.url()).not.toContain('lesson=');
    expect(await visible(page.getByRole('group', { name: 'Network B' }))).toBe(true);
    expect(await visible(page.getByRole('group', { name: 'Both networks' }))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('builds a classroom link and copies it in one click', async () => {
    const { page, errors } = await openPage(browser, baseUrl, '/?lesson=moons');
    await page.getByRole('button', { name: 'Classroom link' }).click();
    const dialog = page.getByRole('dialog', { name: 'Classroom link' });
    await dialog.getByLabel('Data settings').uncheck();
    await dialog.getByLabel('Export and Copy as PyTorch').uncheck();
    await dialog.getByLabel('Opens in presenter mode').check();
    await dialog.getByRole('slider', { name: 'Pace' }).fill('3');
    const link = await dialog.getByTestId('classroom-link').inputValue();
    expect(link).toBe(`${baseUrl}/?lesson=moons&pace=3&present=1&hide=data%2Cexport`);
    await dialog.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => testText(page, 'copy-status'), WAIT).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible(), WAIT).toBe(false);

    const student = await openPage(browser, baseUrl, link.slice(baseUrl.length));
    expect(await student.page.locator('.page.present').count()).toBe(1);
    expect(await student.page.getByTestId('pace-value').textContent()).toBe('3 epochs/s');
    expect(await student.page.getByRole('button', { name: 'Export' }).isVisible()).toBe(false);
    expect(errors).toEqual([]);
    expect(student.errors).toEqual([]);
    await page.close();
    await student.page.close();
  });
});

describe('keyboard', () => {
  it('trains, pauses, steps, resets, toggles presenter mode, picks lessons and lists the shortcuts', async () => {
    const { page, errors } = await openPage(browser, baseUrl, '/?epochs=2000&autostart=0');
    await shortcutsReady(page);
    await page.keyboard.press('Space');
    await waitForText(page, 'status', 'training');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="epoch"]')?.textContent) >= 3);
    await page.keyboard.press('Space');
    await waitForText(page, 'status', 'paused');
    const paused = await epochOf(page);
    await page.keyboard.press('s');
    await waitForText(page, 'epoch', String(paused + 1));
    await waitForText(page, 'status', 'paused');
    await page.keyboard.press('r');
    await waitForText(page, 'epoch', '0');
    expect(await testText(page, 'status')).toBe('idle');

    // Typing in a field is typing, not a shortcut.
    await page.getByLabel('Learning rate').focus();
    await page.keyboard.press('s');
    await page.keyboard.press('Space');
    await page.waitForTimeout(300);
    expect(await testText(page, 'status')).toBe('idle');
    await page.getByLabel('Learning rate').blur();

    await page.keyboard.press('p');
    await page.waitForURL(/present=1/);
    await page.keyboard.press('p');
    await page.waitForURL((url) => !url.search.includes('present'));
    await page.keyboard.press('2');
    await page.waitForURL(/lesson=overfit/);
    expect(await page.getByTestId('lesson').getAttribute('data-lesson')).toBe('overfit');

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.poll(() => help.isVisible(), WAIT).toBe(true);
    expect(await help.textContent()).toMatch(/Space.*Train, or pause/);
    await page.keyboard.press('Escape');
    await expect.poll(() => help.isVisible(), WAIT).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reaches every control with Tab and shows where focus is', async () => {
    const { page, errors } = await openPage(browser, baseUrl, '/');
    const controls = await page.evaluate(() => {
      const all = [...document.querySelectorAll<HTMLElement>('button, input, select, a[href], [tabindex="0"]')];
      const shown = all.filter((el) => el.offsetParent !== null && !el.matches(':disabled'));
      shown.forEach((el, i) => (el.dataset.tabCheck = String(i)));
      return shown.length;
    });
    const reached = new Set<string>();
    for (let i = 0; i < controls + 10; i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const style = el ? getComputedStyle(el) : null;
        return { id: el?.dataset.tabCheck ?? null, outline: style ? parseFloat(style.outlineWidth) : 0, ring: style?.outlineStyle };
      });
      if (focus.id === null) continue;
      reached.add(focus.id);
      expect(focus.outline, `focus ring on control ${focus.id}`).toBeGreaterThanOrEqual(2);
      expect(focus.ring).not.toBe('none');
    }
    expect(reached.size).toBe(controls);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('pace', () => {
  it('slows training to the chosen epochs per second and back to full speed without a restart', async () => {
    const { page, errors } = await openPage(browser, baseUrl, '/?pace=5&autostart=1&epochs=300');
    expect(await testText(page, 'pace-value')).toBe('5 epochs/s');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="epoch"]')?.textContent) >= 1);
    const start = await epochOf(page);
    await page.waitForTimeout(3000);
    const perSecond = ((await epochOf(page)) - start) / 3;
    expect(perSecond).toBeGreaterThan(3);
    expect(perSecond).toBeLessThan(7);
    const before = await epochOf(page);
    const slider = page.getByLabel('Pace');
    await slider.focus();
    await page.keyboard.press('End');
    await page.waitForURL((url) => !url.search.includes('pace='));
    expect(await testText(page, 'pace-value')).toBe('full speed');
    await waitForDone(page);
    expect(await testText(page, 'epoch')).toBe('300');
    // The run went on from where it was: a restart would have passed through epoch 0.
    expect(before).toBeGreaterThan(0);
    expect(await page.getByTestId('chart-a').getAttribute('data-epochs')).toBe('300');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('export', () => {
  it('saves the run as JSON and CSV in the experiment command’s shape, each chart as PNG, and copies PyTorch', async () => {
    const { page, errors } = await openPage(browser, baseUrl, '/?autostart=1');
    await waitForDone(page);
    await page.getByRole('button', { name: 'Export' }).click();
    const button = (name: string) => page.getByRole('button', { name, exact: true });
    const today = /\d{4}-\d\d-\d\d/.source;

    const json = await downloadFrom(page, () => button('Results as JSON').click());
    expect(json.name).toMatch(new RegExp(`^activation-lab-notebook-${today}\\.json$`));
    const doc = JSON.parse(json.bytes.toString('utf8')) as {
      config: Record<string, unknown>; backend: string;
      networks: { id: string; trainLoss: number[]; testLoss: number[]; testAccuracy: number[]; finalTestAccuracy: number }[];
    };
    expect(Object.keys(doc)).toEqual(['config', 'backend', 'networks']);
    expect(doc.config).toMatchObject({ lesson: 'notebook', samples: 5000, features: 100, informative: 100, epochs: 100 });
    expect(doc.backend).toBe(await testText(page, 'backend'));
    expect(doc.networks.map((n) => n.id)).toEqual(['a', 'b']);
    for (const n of doc.networks) {
      for (const curve of [n.trainLoss, n.testLoss, n.testAccuracy]) expect(curve).toHaveLength(100);
      // The same run as on the screen.
      expect(n.finalTestAccuracy.toFixed(3)).toBe(await testText(page, `accuracy-${n.id}`));
    }

    const csv = await downloadFrom(page, () => button('Curves as CSV').click());
    expect(csv.name).toMatch(new RegExp(`^activation-lab-notebook-${today}\\.csv$`));
    const rows = csv.bytes.toString('utf8').trimEnd().split('\n');
    expect(rows[0]).toBe('network,initSeed,activation,dropout,epoch,trainLoss,testLoss,trainAccuracy,testAccuracy');
    expect(rows.slice(1)).toHaveLength(200);
    expect(rows[1]).toMatch(/^a,0,none,0,0,[\d.]+,[\d.]+,[\d.]+,[\d.]+$/);

    for (const chart of ['a', 'b', 'overlay']) {
      const label = chart === 'overlay' ? 'Both-networks chart as PNG' : `Chart ${chart.toUpperCase()} as PNG`;
      const png = await downloadFrom(page, () => button(label).click());
      expect(png.name).toMatch(new RegExp(`^activation-lab-notebook-${today}-chart-${chart}\\.png$`));
      expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      // Twice the chart's size in pixels, for sharp slides.
      expect(png.bytes.readUInt32BE(16)).toBeGreaterThanOrEqual(800);
    }

    await button('Copy as PyTorch').click();
    await expect.poll(() => testText(page, 'export-status'), WAIT).toMatch(/^Copied the PyTorch script/);
    const script = await page.evaluate(() => navigator.clipboard.readText());
    expect(script).toContain('make_classification(n_samples=5000, n_features=100');
    expect(script).toContain(`# Activation Lab, exported as PyTorch: ${baseUrl}/`);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('export-panel').count(), WAIT).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
