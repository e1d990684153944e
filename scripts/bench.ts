/**
 * `npm run bench`: how fast the production build trains in headless Chromium, on every backend,
 * and ratios that hold across machines (issue 6). Builds the app into dist-bench, serves it with
 * `vite preview` (as shipped: cross-origin isolated; and once without isolation, to see what WASM
 * threads change), drives the system Chromium (CHROMIUM_PATH, default /usr/bin/chromium) and
 * prints tables on stdout (progress on stderr). About 3 minutes on a 2-core machine.
 *
 *   npm run bench               the full run
 *   npm run bench -- --quick    one timed run per backend (a smoke test of the bench itself)
 *   BENCH_GPU=1 npm run bench   a visible browser window on the machine's GPU instead of headless
 *                               SwiftShader (needs a display; see docs/performance.md)
 *
 * The slow backends (WebGL through a software renderer, the plain-JavaScript CPU backend) train
 * fewer epochs; their per-epoch figures are measured, their 100-epoch totals are those × 100 ("≈").
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { CHROMIUM_PATH, launchBrowser } from '../tests/browser/browser';
import { measureApp, median, type AppMeasurement } from './bench/measureApp';
import { buildProductsPage, measureProducts } from './bench/measureProducts';
import { measureNode, type NodeFigures } from './bench/measureNode';
import { bundleSizes, type BundleSizes } from './bench/sizes';
import type { ProductsResult } from './bench/productsWorker';

const QUICK = process.argv.includes('--quick');
const GPU = process.env.BENCH_GPU === '1';
const DIST = resolve('dist-bench');
const PRODUCTS_DIST = resolve('dist-bench-products');
const ISOLATION = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
const SEEDS = 20;
const REPEATS = QUICK ? 1 : 5;

/** Per backend: epochs per run, and how many Train presses are timed after the autostart run. */
const PLAN = {
  auto: { epochs: 100, seedEpochs: 100, repeats: REPEATS },
  wasm: { epochs: 100, seedEpochs: 100, repeats: REPEATS },
  webgl: { epochs: 20, seedEpochs: 5, repeats: 1 },
  cpu: { epochs: 20, seedEpochs: 5, repeats: 1 },
} as const;
type Choice = keyof typeof PLAN;
const CHOICES = Object.keys(PLAN) as Choice[];

/** Bare-products configurations: backend, threads (see productsWorker.ts), epochs, repeats. */
const PRODUCTS = [
  ['wasm (as the app starts it)', 'wasm', 'default', 20, QUICK ? 1 : 3],
  ['wasm, plain SIMD binary', 'wasm', 'off', 20, QUICK ? 1 : 3],
  ['wasm, threaded binary, 1 thread', 'wasm', '1', 20, QUICK ? 1 : 3],
  ['wasm, threaded binary, 2 threads', 'wasm', '2', 20, QUICK ? 1 : 3],
  ['webgl', 'webgl', 'default', 5, 1],
  ['cpu', 'cpu', 'default', 3, 1],
] as const;

const log = (line: string) => process.stderr.write(`${line}\n`);

/**
 * The browser: the tests' headless Chromium (WebGL through SwiftShader), or with BENCH_GPU=1 a
 * visible window on the machine's own GPU (headless Chromium on Linux renders without one).
 */
async function launch(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  if (!GPU) return launchBrowser();
  const profile = await mkdtemp(join(tmpdir(), 'activation-lab-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH, headless: false, args: ['--ignore-gpu-blocklist', '--no-first-run'],
  });
  return { context, close: async () => { await context.close(); await rm(profile, { recursive: true, force: true }); } };
}

function machine(): string {
  const model = /model name\s*:\s*(.+)/.exec(readOr('/proc/cpuinfo'))?.[1] ?? cpus()[0]?.model ?? 'unknown CPU';
  let chromium = 'unknown Chromium';
  try {
    chromium = execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString().trim();
  } catch {
    // Reported as unknown.
  }
  return `${cpus().length} cores, ${model}; ${chromium}; Node ${process.version}`;
}

function readOr(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** `headers` null: the app's own preview config (its isolation and CSP headers); else exactly these. */
async function serve(outDir: string, headers: Record<string, string> | null): Promise<PreviewServer> {
  const options = { host: '127.0.0.1', port: 0, open: false };
  return headers === null
    ? preview({ logLevel: 'error', build: { outDir }, preview: options })
    : preview({ configFile: false, logLevel: 'error', build: { outDir }, preview: { ...options, headers } });
}

const originOf = (s: PreviewServer) => (s.resolvedUrls?.local[0] ?? '').replace(/\/$/, '');

const fmtMs = (x: number | null | undefined) => (x == null || !Number.isFinite(x) ? '–' : x < 10 ? x.toFixed(2) : x.toFixed(0));
const fmtS = (x: number | null | undefined, approx = false) =>
  x == null || !Number.isFinite(x) ? '–' : `${approx ? '≈' : ''}${(x / 1000).toFixed(2)} s`;
const kb = (x: number) => `${(x / 1024).toFixed(1)} KB`;
const times = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '–');

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

/** ms per epoch (the worker's training time), median over the timed runs. */
const perEpoch = (m: AppMeasurement) => median(m.runs.map((r) => r.trainMs / r.epochs));
/** The longest main-thread task while training (0: none over 50 ms). */
const longest = (f: Figures) => Math.max(0, ...f.pair.runs.map((r) => r.longestTask), ...f.seeds.runs.map((r) => r.longestTask));
/** Page clock from Train to the last epoch, scaled to 100 epochs, median. */
const wallPer100 = (m: AppMeasurement) => median(m.runs.map((r) => (r.wallMs / r.epochs) * 100));

async function main(): Promise<void> {
  const started = performance.now();
  log('building the app (dist-bench) and the bench-only products page (dist-bench-products)…');
  await build({ logLevel: 'error', build: { outDir: DIST, emptyOutDir: true } });
  await buildProductsPage(PRODUCTS_DIST);
  const isolated = await serve(DIST, null);
  const plain = await serve(DIST, {});
  const products = await serve(PRODUCTS_DIST, ISOLATION);
  const browser = await launch();
  // What the page and its workers request (the offline service worker's precache is counted apart).
  const requested: string[] = [];
  browser.context.on('request', (r) => {
    if (!r.serviceWorker()) requested.push(r.url());
  });
  try {
    const figures = {} as Record<Choice, Figures>;
    let sizes: BundleSizes | null = null;
    for (const choice of CHOICES) {
      const { epochs, seedEpochs, repeats } = PLAN[choice];
      const base = choice === 'auto' ? '' : `backend=${choice}&`;
      log(`app, backend=${choice}: the pair (${epochs} epochs)…`);
      const pair = await measureApp(browser.context, originOf(isolated), `${base}epochs=${epochs}`, repeats);
      // The first page of a fresh browser profile: what a first visit downloads.
      if (choice === 'auto') sizes = bundleSizes(DIST, originOf(isolated), requested);
      log(`app, backend=${choice}: ${SEEDS} seeds (${seedEpochs} epochs)…`);
      const seeds = await measureApp(browser.context, originOf(isolated), `${base}seeds=${SEEDS}&epochs=${seedEpochs}`, 1);
      figures[choice] = { pair, seeds };
    }
    log('app without cross-origin isolation…');
    const unisolated: Figures = {
      pair: await measureApp(browser.context, originOf(plain), 'epochs=100', REPEATS),
      seeds: await measureApp(browser.context, originOf(plain), `seeds=${SEEDS}`, 1),
    };
    log('bare products per backend…');
    const prod: Record<string, ProductsResult[]> = {};
    for (const [key, backend, threads, epochs, reps] of PRODUCTS) {
      prod[key] = [];
      for (let i = 0; i < reps; i++) {
        prod[key].push(await measureProducts(browser.context, originOf(products), backend, threads, [2, 2 * SEEDS], epochs));
      }
    }
    log('the engine in Node (wasm, cpu)…');
    const node = [...(await measureNode('wasm')), ...(await measureNode('cpu'))];
    process.stdout.write(report(figures, unisolated, prod, node, sizes, (performance.now() - started) / 1000));
  } finally {
    await browser.close();
    await Promise.all([isolated.close(), plain.close(), products.close()]);
  }
}

/** Median of one products configuration for `members` (ms per epoch), or of its start-up time. */
function productsMs(results: readonly ProductsResult[] | undefined, members: number | 'init'): number {
  const ok = (results ?? []).filter((r) => !r.error);
  return median(ok.map((r) => (members === 'init' ? r.initMs : r.msPerEpoch[members])));
}

function report(figures: Record<Choice, Figures>, unisolated: Figures, prod: Record<string, ProductsResult[]>,
  node: NodeFigures[], sizes: BundleSizes | null, seconds: number): string {
  const out: string[] = [];
  out.push(`Activation Lab bench — ${machine()}`);
  out.push(GPU
    ? 'production build in Chromium on this machine\'s GPU (BENCH_GPU=1); medians of the timed runs\n'
    : 'production build in headless Chromium (WebGL through SwiftShader: no GPU); medians of the timed runs\n');
  const rows = [['backend', 'runs on', 'ms/epoch', 'pair: train', 'pair: Train→last epoch', `ms/epoch ${SEEDS} seeds`,
    `${SEEDS} seeds: train`, 'first epoch', 'longest task', 'data']];
  const all: [string, Figures, { epochs: number; seedEpochs: number }][] = [
    ...CHOICES.map((c) => [c, figures[c], PLAN[c]] as [string, Figures, { epochs: number; seedEpochs: number }]),
    ['auto, not isolated', unisolated, PLAN.auto],
  ];
  for (const [label, f, plan] of all) {
    const failed = f.pair.error ?? f.seeds.error;
    rows.push([label, failed ? `error: ${failed.slice(0, 70)}` : f.pair.backend, fmtMs(perEpoch(f.pair)),
      fmtS(perEpoch(f.pair) * 100, plan.epochs < 100), fmtS(wallPer100(f.pair), plan.epochs < 100), fmtMs(perEpoch(f.seeds)),
      fmtS(perEpoch(f.seeds) * 100, plan.seedEpochs < 100), fmtS(f.pair.firstEpochMs),
      longest(f) > 0 ? `${fmtMs(longest(f))} ms` : 'none > 50 ms',
      `${fmtMs(f.pair.dataMs ?? NaN)} ms`]);
  }
  out.push(table(rows));
  out.push(`
train: the worker's training time for 100 epochs (its 'done' message). Train→last epoch: page clock from the Train click
to the last epoch's arrival (data, networks, snapshots and messages included). first epoch: from opening ?autostart=1 in
a new tab to the animation frame that draws the first epoch (auto: the very first visit, nothing cached). longest task: the
longest main-thread task while training (PerformanceObserver 'longtask'; 0 = none over 50 ms). data: generating the data,
on the page's first run (later runs reuse it).
`);
  // Ratios that do not depend on the machine: against the bare products, and against the CPU backend.
  const productsKey: Record<string, string> = { wasm: PRODUCTS[0][0], webgl: 'webgl', cpu: 'cpu' };
  const rrows = [['backend', 'pair: train ÷ products', `${SEEDS} seeds: train ÷ products`, 'pair ÷ CPU', `${SEEDS} seeds ÷ CPU`]];
  for (const [label, f] of all) {
    const p = prod[productsKey[f.pair.backend] ?? ''];
    rrows.push([label, times(perEpoch(f.pair) / productsMs(p, 2)), times(perEpoch(f.seeds) / productsMs(p, 2 * SEEDS)),
      times(perEpoch(f.pair) / perEpoch(figures.cpu.pair)), times(perEpoch(f.seeds) / perEpoch(figures.cpu.seeds))]);
  }
  out.push(table(rrows));
  out.push(`
products: the same epochs' matrix products alone, on the same backend in the same browser (src/worker/products.ts,
run by scripts/bench/products.html, a bench-only page built apart from the app): the first layer forward on the
training and test rows and its weight gradient, and the hidden and output layers both ways, for every member as the
plain batched engine lays them out. Above 1×: the engine's other work (activations, loss, Adam, read-backs, messages).
Below 1×: the engine does less arithmetic than that (network A, linear, is computed as its collapsed 1×d map).
`);
  const prow = [['bare products', 'threads', 'start', 'pair ms/epoch', `${SEEDS} seeds ms/epoch`, 'pair ×100', `${SEEDS} seeds ×100`]];
  for (const [key] of PRODUCTS) {
    const results = prod[key];
    const ok = results.find((r) => !r.error);
    prow.push([key, ok ? String(ok.threads ?? '–') : `error: ${results[0]?.error ?? ''}`, `${fmtMs(productsMs(results, 'init'))} ms`,
      fmtMs(productsMs(results, 2)), fmtMs(productsMs(results, 2 * SEEDS)), fmtS(productsMs(results, 2) * 100),
      fmtS(productsMs(results, 2 * SEEDS) * 100)]);
  }
  out.push(table(prow));
  out.push('');
  const nrow = [['engine in Node', 'members', 'train ms/epoch', 'products ms/epoch', 'train ÷ products', '×100 epochs']];
  for (const n of node) {
    nrow.push([n.backend, String(n.members), fmtMs(n.trainMsPerEpoch), fmtMs(n.productsMsPerEpoch),
      times(n.trainMsPerEpoch / n.productsMsPerEpoch), fmtS(n.trainMsPerEpoch * 100, n.epochs < 100)]);
  }
  out.push(table(nrow));
  const threadsOf = (m: AppMeasurement) => /(\d+) threads?/.exec(m.reason)?.[1] ?? '–';
  out.push(`
WASM threads: the app ran ${threadsOf(figures.auto.pair)} thread(s) cross-origin isolated and ${threadsOf(unisolated.pair)} without.
tfjs caps its pool at navigator.hardwareConcurrency / 2 threads (${cpus().length} cores here); below 4 cores the app
therefore starts the plain SIMD binary even when isolated. The threaded rows above report 4 cores to tfjs, in the
bench page only, to show what the threaded binary costs to start and what a second thread gives on this machine.
`);
  if (sizes) {
    out.push(`bundle, gzip -9 of the files the first visit requested: main-thread JS at load ${kb(sizes.mainJs)}, ` +
      `main-thread lazy chunks ${kb(sizes.mainLazyJs)}, worker JS ${kb(sizes.workerJs)}, WASM ${kb(sizes.wasm)}; ` +
      `all the page and its worker requested ${kb(sizes.loaded)}; with the offline service worker's precache, ` +
      `the whole first visit ${kb(sizes.firstVisit)}`);
    out.push(`  ${sizes.files.map((f) => `${f.path.replace(/^assets\//, '')} ${kb(f.gzip)}`).join(', ')}`);
  }
  const a = figures.auto.pair.runs;
  const ready = median(a.map((r) => r.readyMs));
  const train = median(a.map((r) => r.trainMs));
  // Per run, then the median: medians of the parts need not add up. Can come out below 0 when the
  // page heard 'ready' late (a busy main thread) while the worker had already started training.
  const rest = median(a.map((r) => r.wallMs - r.readyMs - r.trainMs));
  out.push(`\nTrain→last epoch, auto, page clock: data and networks ready after ${fmtMs(ready)} ms, training ${fmtMs(train)} ms, ` +
    `the rest (messages, snapshots, waiting for the main thread) ${fmtMs(rest)} ms`);
  const steps = figures.auto.pair.firstEpochSteps;
  if (steps) {
    out.push(`\nfirst visit, auto, page clock: ${Object.entries(steps).map(([k, v]) => `${k} ${fmtS(v)}`).join(' → ')}`);
  }
  const check = (name: string, value: number, limit: number, unit: (x: number) => string) =>
    `  ${value <= limit ? 'met    ' : 'MISSED '} ${name}: ${unit(value)} (target ≤ ${unit(limit)})`;
  out.push('\nissue 6 targets, on the backend auto picked:');
  out.push(check('the pair, 100 epochs, train', perEpoch(figures.auto.pair) * 100, 350, fmtS));
  out.push(check('the pair, Train→last epoch', wallPer100(figures.auto.pair), 350, fmtS));
  out.push(check(`${SEEDS} seeds × both networks`, perEpoch(figures.auto.seeds) * 100, 6000, fmtS));
  out.push(check('first plotted epoch (first visit)', figures.auto.pair.firstEpochMs ?? NaN, 1500, fmtS));
  // Each page generates the data once, on its first run, while its backend starts (and on auto's
  // first visit, while the page renders): the median over the four pages.
  out.push(check('data generation (median of the four pages)', median(CHOICES.map((c) => figures[c].pair.dataMs ?? NaN)), 150,
    (x) => `${fmtMs(x)} ms`));
  out.push(check('longest main-thread task while training', longest(figures.auto), 50, (x) => `${fmtMs(x)} ms`));
  if (sizes) {
    out.push(check('main-thread JS', sizes.mainJs, 200 * 1024, kb));
    out.push(check('whole first visit, WASM included', sizes.firstVisit, 1.5 * 1024 * 1024, kb));
  }
  out.push(`\nauto's reason: ${figures.auto.pair.reason}`);
  out.push(`bench finished in ${seconds.toFixed(0)} s\n`);
  return out.join('\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
