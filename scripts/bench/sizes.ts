/**
 * Bundle sizes from the files the page actually loaded: each file's gzip size (zlib level 9, what
 * a static server with precompressed assets sends), grouped into the main thread's JavaScript (the
 * entry in index.html and its static imports), the worker's JavaScript, WASM, and everything.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSizes {
  readonly mainJs: number;
  readonly workerJs: number;
  readonly wasm: number;
  readonly css: number;
  readonly total: number;
  /** Raw (uncompressed) bytes of all loaded files. */
  readonly totalRaw: number;
  /**
   * What the first visit downloads in all: the files loaded plus those the offline service worker
   * precaches in the background (sw.js's PRECACHE list), if the build has one.
   */
  readonly withPrecache: number;
  readonly files: { path: string; gzip: number }[];
}

const gz = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

/** Files a JavaScript chunk imports statically (`from"./x.js"`, `import"./x.js"`), as dist paths. */
function staticImports(dist: string, path: string): string[] {
  const code = readFileSync(join(dist, path), 'utf8');
  const dir = path.slice(0, path.lastIndexOf('/') + 1);
  return [...code.matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g)].map((m) => `${dir}${m[1]}`);
}

/** The main thread's modules: index.html's module script and everything it imports statically. */
function mainThreadModules(dist: string): Set<string> {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]*type="module"[^>]*src="\/([^"]+)"/g)].map((m) => m[1]);
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const p = queue.pop() as string;
    if (seen.has(p)) continue;
    seen.add(p);
    queue.push(...staticImports(dist, p));
  }
  return seen;
}

/** Sizes of the dist files among `urls` (requests seen by the browser; other origins and blobs ignored). */
export function bundleSizes(dist: string, origin: string, urls: readonly string[]): BundleSizes {
  const main = mainThreadModules(dist);
  const paths = new Set<string>();
  for (const u of urls) {
    if (!u.startsWith(origin)) continue;
    const path = new URL(u).pathname.replace(/^\//, '') || 'index.html';
    paths.add(path === '' ? 'index.html' : path);
  }
  const files: { path: string; gzip: number; raw: number }[] = [];
  for (const path of paths) {
    try {
      const bytes = readFileSync(join(dist, path));
      files.push({ path, gzip: gz(bytes), raw: bytes.length });
    } catch {
      // Not a file of this build (a 404, a route of the dev server): nothing was sent.
    }
  }
  const sum = (pred: (p: string) => boolean) => files.filter((f) => pred(f.path)).reduce((n, f) => n + f.gzip, 0);
  const precached = precacheList(dist).filter((p) => !paths.has(p));
  const extra = precached.reduce((n, p) => n + gz(readFileSync(join(dist, p))), 0);
  return {
    mainJs: sum((p) => main.has(p)),
    workerJs: sum((p) => p.endsWith('.js') && !main.has(p)),
    wasm: sum((p) => p.endsWith('.wasm')),
    css: sum((p) => p.endsWith('.css')),
    total: sum(() => true),
    totalRaw: files.reduce((n, f) => n + f.raw, 0),
    withPrecache: sum(() => true) + extra,
    files: files.map(({ path, gzip }) => ({ path, gzip })).sort((a, b) => b.gzip - a.gzip),
  };
}

/** The files sw.js precaches (its `const PRECACHE = [...]`), or none. */
function precacheList(dist: string): string[] {
  try {
    const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
    const list = /const PRECACHE = (\[[^\]]*\])/.exec(sw)?.[1];
    return list ? (JSON.parse(list) as string[]) : [];
  } catch {
    return [];
  }
}
