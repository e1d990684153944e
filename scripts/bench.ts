/**
 * `npm run bench`: how fast the production build trains in headless Chromium, on every backend,
 * and ratios that hold across machines (issue 6). Builds the app into dist-bench, serves it with
 * `vite preview` (as shipped: cross-origin isolated; and once without isolation, to see what WASM
 * threads change), drives the system Chromium (CHROMIUM_PATH, default /usr/bin/chromium) and
 * prints one table. About 3-4 minutes on a 2-core machine.
 *
 *   npm run bench               the full table
 *   npm run bench -- --quick    fewer repeats (a smoke test of the bench itself)
 *
 * The slow backends (WebGL through a software renderer, the plain-JavaScript CPU backend) train
 * fewer epochs; their per-epoch figures are measured, and their 100-epoch totals are per-epoch
 * figures × 100, marked "≈".
 */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import { launchBrowser } from '../tests/browser/browser';
import { measureApp, median, type AppMeasurement } from './bench/measureApp';
import { buildProductsPage, measureProducts } from './bench/measureProducts';
import { measureNode, type NodeFigures } from './bench/measureNode';
import { bundleSizes, type BundleSizes } from './bench/sizes';
import type { ProductsResult } from './bench/productsWorker';

const QUICK = process.argv.includes('--quick');
const DIST = resolve('dist-bench');
const PRODUCTS_DIST = resolve('dist-bench-products');
const ISOLATION = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
const SEEDS = 20;

/** Per backend: epochs per measured run, and how many Train presses to time (after the autostart run). */
const PLAN = {
  auto: { epochs: 100, seedEpochs: 100, repeats: QUICK ? 1 : 3 },
  wasm: { epochs: 100, seedEpochs: 100, repeats: QUICK ? 1 : 3 },
  webgl: { epochs: 20, seedEpochs: 5, repeats: 1 },
  cpu: { epochs: 20, seedEpochs: 5, repeats: 1 },
} as const;
type Choice = keyof typeof PLAN;
const CHOICES = Object.keys(PLAN) as Choice[];

const log = (line: string) => process.stderr.write(`${line}\n`);

function machine(): string {
  const model = /model name\s*:\s*(.+)/.exec(safeRead('/proc/cpuinfo'))?.[1] ?? cpus()[0]?.model ?? 'unknown CPU';
  let chromium = 'unknown Chromium';
  try {
    chromium = execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString().trim();
  } catch {
    // Reported as unknown.
  }
  return `${cpus().length} cores, ${model}; ${chromium}; Node ${process.version}`;
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

async function serve(outDir: string, headers: Record<string, string> | null): Promise<PreviewServer> {
  // headers === null: the app's own preview config (its isolation and CSP headers); else only these.
  return headers === null
    ? preview({ logLevel: 'error', build: { outDir }, preview: { host: '127.0.0.1', port: 0, open: false } })
    : preview({ configFile: false, logLevel: 'error', build: { outDir }, preview: { host: '127.0.0.1', port: 0, open: false, headers } });
}

const originOf = (s: PreviewServer) => (s.resolvedUrls?.local[0] ?? '').replace(/\/$/, '');

/** Format helpers: milliseconds, seconds, kilobytes, ratios. */
const ms = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '–' : x < 10 ? x.toFixed(2) : x.toFixed(0));
const sec = (x: number | null | undefined, approx = false) =>
  x === null || x === undefined || !Number.isFinite(x) ? '–' : `${approx ? '≈' : ''}${(x / 1000).toFixed(2)} s`;
const kb = (x: number) => `${(x / 1024).toFixed(1)} KB`;
const ratio = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '–');

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r, i) => {
    const line = r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
    return i === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
  }).join('\n');
}

interface Figures {
  readonly pair: AppMeasurement;
  readonly seeds: AppMeasurement;
}

/** ms per epoch of an app measurement (median over its timed runs). */
const perEpoch = (m: AppMeasurement) => median(m.runs.map((r) => r.trainMs / r.epochs));

async function main(): Promise<void> {
  const started = performance.now();
  log('building the app (dist-bench) and the bench-only products page (dist-bench-products)…');
  await build({ logLevel: 'error', build: { outDir: DIST, emptyOutDir: true } });
  await buildProductsPage(PRODUCTS_DIST);
  const isolated = await serve(DIST, null);
  const plain = await serve(DIST, {});
  const products = await serve(PRODUCTS_DIST, ISOLATION);
  const browser = await launchBrowser();
  try {
    const figures = {} as Record<Choice, Figures>;
    let sizes: BundleSizes | null = null;
    for (const choice of CHOICES) {
      const { epochs, seedEpochs, repeats } = PLAN[choice];
      const base = choice === 'auto' ? '' : `backend=${choice}&`;
      log(`app, backend=${choice}: the pair (${epochs} epochs)…`);
      const before = browser.requests.length;
      const pair = await measureApp(browser.context, originOf(isolated), `${base}epochs=${epochs}`, repeats);
      // The first page of a fresh browser: what a first visit downloads.
      if (choice === 'auto') sizes = bundleSizes(DIST, originOf(isolated), browser.requests.slice(before));
      log(`app, backend=${choice}: ${SEEDS} seeds (${seedEpochs} epochs)…`);
      const seeds = await measureApp(browser.context, originOf(isolated), `${base}seeds=${SEEDS}&epochs=${seedEpochs}`, 1);
      figures[choice] = { pair, seeds };
    }
    log('app without cross-origin isolation (no WASM threads)…');
    const unisolated: Figures = {
      pair: await measureApp(browser.context, originOf(plain), 'epochs=100', PLAN.auto.repeats),
      seeds: await measureApp(browser.context, originOf(plain), `seeds=${SEEDS}`, 1),
    };
    log('bare products per backend…');
    const members = [2, 2 * SEEDS];
    const prod: Record<string, ProductsResult[]> = {};
    for (const [key, backend, threads, epochs, reps] of [
      ['wasm', 'wasm', 'default', 20, QUICK ? 1 : 3],
      ['wasm, no threads', 'wasm', 'off', 20, QUICK ? 1 : 3],
      ['wasm, 2 threads forced', 'wasm', '2', 20, QUICK ? 1 : 3],
      ['webgl', 'webgl', 'default', 5, 1],
      ['cpu', 'cpu', 'default', 3, 1],
    ] as const) {
      prod[key] = [];
      for (let i = 0; i < reps; i++) prod[key].push(await measureProducts(browser.context, originOf(products), backend, threads, members, epochs));
    }
    log('the engine in Node (wasm, cpu)…');
    const node = [...(await measureNode('wasm')), ...(await measureNode('cpu'))];
    print(figures, unisolated, prod, node, sizes, (performance.now() - started) / 1000);
  } finally {
    await browser.close();
    await Promise.all([isolated.close(), plain.close(), products.close()]);
  }
}

/** Median products ms/epoch for `members` over the repeats of one products configuration. */
function productsMs(results: ProductsResult[] | undefined, members: number): number {
  return median((results ?? []).filter((r) => !r.error).map((r) => r.msPerEpoch[members]));
}

function print(figures: Record<Choice, Figures>, unisolated: Figures, prod: Record<string, ProductsResult[]>,
  node: NodeFigures[], sizes: BundleSizes | null, seconds: number): void {
  const out: string[] = [];
  out.push(`Activation Lab bench — ${machine()}`);
  out.push(`production build, headless Chromium (WebGL through SwiftShader unless a GPU is present); medians of the timed runs\n`);
  const cpuPair = perEpoch(figures.cpu.pair);
  const cpuSeeds = perEpoch(figures.cpu.seeds);
  const rows = [['backend', 'runs on', 'ms/epoch pair', 'pair: train', 'pair: Train→last epoch', `ms/epoch ${SEEDS} seeds`, `${SEEDS} seeds: train`,
    'first epoch', 'longest task', 'data ms', 'train ÷ products', `${SEEDS} seeds ÷ products`, '÷ CPU pair', `÷ CPU ${SEEDS} seeds`]];
  const productsFor = (name: string) => (name === 'wasm' ? prod.wasm : prod[name]);
  const line = (label: string, f: Figures, plan: { epochs: number; seedEpochs: number }) => {
    const pe = perEpoch(f.pair);
    const se = perEpoch(f.seeds);
    const ran = f.pair.backend;
    const p2 = productsMs(productsFor(ran), 2);
    const p40 = productsMs(productsFor(ran), 2 * SEEDS);
    const wall = median(f.pair.runs.map((r) => (r.wallMs / r.epochs) * 100));
    rows.push([label, f.pair.error ? `error: ${f.pair.error.slice(0, 60)}` : ran, ms(pe), sec(pe * 100, plan.epochs < 100),
      sec(wall, plan.epochs < 100), ms(se), sec(se * 100, plan.seedEpochs < 100), sec(f.pair.firstEpochMs),
      ms(Math.max(0, ...f.pair.runs.map((r) => r.longestTask), ...f.seeds.runs.map((r) => r.longestTask))),
      ms(median(f.pair.runs.map((r) => r.dataMs ?? NaN))), ratio(pe / p2), ratio(se / p40), ratio(pe / cpuPair), ratio(se / cpuSeeds)]);
  };
  for (const choice of CHOICES) line(choice, figures[choice], PLAN[choice]);
  line('auto, not isolated', unisolated, PLAN.auto);
  out.push(table(rows));
  out.push('');
  out.push('train = the worker\'s training time (the `done` message); Train→last epoch = page clock from the Train click to the');
  out.push('last epoch\'s arrival (data, networks, snapshots, messages included); first epoch = from opening ?autostart=1 (fresh tab)');
  out.push('to the frame after the first plotted epoch; longest task = longest main-thread task (PerformanceObserver longtask) while');
  out.push('training. train ÷ products = training time per epoch ÷ the same epoch\'s bare matrix products on the same backend, in the');
  out.push('same browser (scripts/bench/products.html, a separate bench-only build): how far the engine is from its floor.');
  out.push('');
  const prow = [['bare products (browser)', 'threads', 'pair ms/epoch', `${SEEDS} seeds ms/epoch`, 'pair ×100', `${SEEDS} seeds ×100`]];
  for (const [key, results] of Object.entries(prod)) {
    const ok = results.find((r) => !r.error);
    prow.push([key, ok ? String(ok.threads ?? '–') : `error: ${results[0]?.error ?? ''}`, ms(productsMs(results, 2)), ms(productsMs(results, 2 * SEEDS)),
      sec(productsMs(results, 2) * 100), sec(productsMs(results, 2 * SEEDS) * 100)]);
  }
  out.push(table(prow));
  out.push('');
  const nrow = [['engine in Node', 'members', 'train ms/epoch', 'products ms/epoch', 'train ÷ products', '×100 epochs', 'data ms']];
  for (const n of node) {
    nrow.push([n.backend, String(n.members), ms(n.trainMsPerEpoch), ms(n.productsMsPerEpoch), ratio(n.trainMsPerEpoch / n.productsMsPerEpoch),
      sec(n.trainMsPerEpoch * 100, n.epochs < 100), ms(n.dataMs)]);
  }
  out.push(table(nrow));
  out.push('');
  const threadsOf = (m: AppMeasurement) => /(\d+) threads?/.exec(m.reason)?.[1] ?? '–';
  out.push(`WASM threads: isolated page ${threadsOf(figures.auto.pair)} thread(s), ${ms(perEpoch(figures.auto.pair))} ms/epoch pair, ` +
    `${ms(perEpoch(figures.auto.seeds))} ms/epoch ${SEEDS} seeds; not isolated ${threadsOf(unisolated.pair)} thread(s), ` +
    `${ms(perEpoch(unisolated.pair))} and ${ms(perEpoch(unisolated.seeds))}; first epoch ${sec(figures.auto.pair.firstEpochMs)} vs ${sec(unisolated.pair.firstEpochMs)}.`);
  out.push('tfjs caps its thread pool at navigator.hardwareConcurrency / 2, so a 2-core machine gets 1 thread either way; the');
  out.push('"2 threads forced" products row reports 4 cores to tfjs in the bench page only, to show what a second thread would give.');
  out.push('');
  if (sizes) {
    out.push(`bundle (gzip -9 of the files the first visit loaded): main-thread JS ${kb(sizes.mainJs)}, worker JS ${kb(sizes.workerJs)}, ` +
      `WASM ${kb(sizes.wasm)}, CSS ${kb(sizes.css)}; total first load ${kb(sizes.total)} (${kb(sizes.totalRaw)} uncompressed); ` +
      `with what the offline service worker precaches in the background ${kb(sizes.withPrecache)}`);
    out.push(`  ${sizes.files.map((f) => `${f.path} ${kb(f.gzip)}`).join(', ')}`);
  }
  out.push('');
  out.push(`auto's reason: ${figures.auto.pair.reason}`);
  out.push(`bench finished in ${seconds.toFixed(0)} s`);
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
