/**
 * Helpers for the lecture tests (issue 5): accessibility checks with axe-core, CSP violation
 * recording, downloads, measurements of what presenter mode enlarges, and the set-up they share.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser, type TestBrowser } from './browser';

/** Where screenshots land for a human to look at. */
export const SHOTS = 'test-results/screenshots';
/** For what loads its code on first use (dialogs, the drawer, export): the machine may be busy. */
export const WAIT = { timeout: 10_000 };
/** A projector, and a phone. */
export const HD = { width: 1280, height: 720 };
export const PHONE = { width: 390, height: 844 };

/** The browser of a lecture test file, with the screenshot folder in place. */
export async function launchLectureBrowser(): Promise<TestBrowser> {
  await mkdir(SHOTS, { recursive: true });
  return launchBrowser();
}

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface AxeFinding {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

/**
 * Serious and critical axe-core violations on the page as it is now. axe's source is evaluated
 * through the DevTools protocol: the page's CSP (rightly) refuses the inline <script> that
 * page.addScriptTag({ content }) would add, and nothing is fetched from a CDN either way.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeFinding[]> {
  const source = await readFile(AXE_PATH, 'utf8');
  await page.evaluate(source);
  return page.evaluate(async () => {
    interface AxeResult { violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }
    const axe = (window as unknown as { axe: { run(): Promise<AxeResult> } }).axe;
    const result = await axe.run();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** Record every CSP violation any page of the context reports, from before its first script. */
export async function recordCspViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
}

export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? ['not recording']);
}

/** Click `trigger` and return the file the page downloads: its suggested name and bytes. */
export async function downloadFrom(page: Page, trigger: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(path) };
}

/** Sizes presenter mode must double: the accuracy figures' type and the loss charts' plots. */
export async function lectureSizes(page: Page): Promise<{ accuracyFont: number; chartTitleFont: number; epochFont: number; plotHeight: number }> {
  return page.evaluate(() => {
    const px = (selector: string, prop: 'fontSize' | 'height') => {
      const el = document.querySelector(selector);
      if (!el) throw new Error(`no ${selector}`);
      return prop === 'height' ? el.getBoundingClientRect().height : parseFloat(getComputedStyle(el).fontSize);
    };
    return {
      accuracyFont: px('[data-testid="accuracy-a"]', 'fontSize'),
      chartTitleFont: px('[data-testid="chart-a"] h3', 'fontSize'),
      epochFont: px('[data-testid="epoch"]', 'fontSize'),
      plotHeight: Math.min(px('[data-testid="chart-a"] .recharts-surface', 'height'), px('[data-testid="chart-b"] .recharts-surface', 'height')),
    };
  });
}

/** Wait until the keyboard shortcuts listen (their code loads just after the first paint). */
export async function shortcutsReady(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/keyHandler-[^/]*\.js$/.test(e.name)));
  // The chunk is loaded; its listener is added in the same task as the module evaluates.
  await page.waitForTimeout(100);
}

/** The page's epoch counter as a number. */
export async function epochOf(page: Page): Promise<number> {
  return Number(await page.getByTestId('epoch').textContent());
}
