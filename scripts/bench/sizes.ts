/**
 * Bundle sizes: each file's gzip size (zlib level 9, what a static server with precompressed assets
 * sends), grouped by the build's module graph into the main thread's JavaScript at load (index.html's
 * entry and its static imports), the main thread's lazy chunks, the worker's JavaScript, WASM and
 * the rest; counted for the files the page and its worker actually requested, and for everything
 * the first visit downloads (adding what the offline service worker precaches, if there is one).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSizes {
  /** Main-thread JavaScript the page needs before it can render (gzip bytes). */
  readonly mainJs: number;
  /** Main-thread chunks loaded later (dynamic imports), among those the page requested. */
  readonly mainLazyJs: number;
  /** The worker's JavaScript the worker requested (its entry, tfjs, the chosen backend). */
  readonly workerJs: number;
  /** WASM binaries requested. */
  readonly wasm: number;
  /** Everything the page and its worker requested. */
  readonly loaded: number;
  /** Everything the first visit downloads: `loaded` plus the service worker's precache. */
  readonly firstVisit: number;
  readonly files: { path: string; gzip: number }[];
}

const gz = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

/** Chunks a JavaScript file imports: statically (`from"./x.js"`), and dynamically (`import("./x.js")`). */
function imports(dist: string, path: string): { static: string[]; dynamic: string[] } {
  const code = readFileSync(join(dist, path), 'utf8');
  const dir = path.slice(0, path.lastIndexOf('/') + 1);
  const find = (re: RegExp) => [...code.matchAll(re)].map((m) => `${dir}${m[1]}`);
  return {
    static: find(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g),
    dynamic: find(/import\(\s*["'`]\.\/([^"'`]+\.js)["'`]\s*\)/g),
  };
}

function closure(dist: string, entries: string[], dynamic: boolean): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const p = queue.pop() as string;
    if (seen.has(p)) continue;
    seen.add(p);
    const next = imports(dist, p);
    queue.push(...next.static, ...(dynamic ? next.dynamic : []));
  }
  return seen;
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

/** Sizes for the dist files among `urls` (requests of the page and its workers, not the service worker's). */
export function bundleSizes(dist: string, origin: string, urls: readonly string[]): BundleSizes {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = [...html.matchAll(/<script[^>]*type="module"[^>]*src="\/([^"]+)"/g)].map((m) => m[1]);
  const main = closure(dist, entry, false);
  const workerEntries = readdirSync(join(dist, 'assets')).filter((f) => /^worker-.*\.js$/.test(f)).map((f) => `assets/${f}`);
  const worker = closure(dist, workerEntries, true);
  const mainAll = closure(dist, entry, true);
  const loaded = new Set<string>();
  for (const u of urls) {
    if (!u.startsWith(origin)) continue;
    loaded.add(new URL(u).pathname.replace(/^\//, '') || 'index.html');
  }
  const size = new Map<string, number>();
  const gzipOf = (p: string) => {
    if (!size.has(p)) {
      try {
        size.set(p, gz(readFileSync(join(dist, p))));
      } catch {
        size.set(p, 0); // not a file of this build (a 404): nothing was sent
      }
    }
    return size.get(p) as number;
  };
  const sum = (paths: Iterable<string>) => [...paths].reduce((n, p) => n + gzipOf(p), 0);
  const requested = [...loaded];
  return {
    mainJs: sum(main),
    mainLazyJs: sum(requested.filter((p) => mainAll.has(p) && !main.has(p) && !worker.has(p))),
    workerJs: sum(requested.filter((p) => worker.has(p))),
    wasm: sum(requested.filter((p) => p.endsWith('.wasm'))),
    loaded: sum(requested),
    firstVisit: sum(new Set([...requested, ...precacheList(dist)])),
    files: requested.map((path) => ({ path, gzip: gzipOf(path) })).filter((f) => f.gzip > 0).sort((a, b) => b.gzip - a.gzip),
  };
}
