/**
 * The offline build step: writes sw.js (from src/offline/sw.ts) into the output directory with the
 * list of every file the build emitted (index.html, JS, CSS, the WASM binaries, the favicon) and a
 * version hash of their contents. Runs after the bundle is written, so the worker's chunks and
 * the files copied from public/ are on disk and in the list.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { transformWithOxc, type Plugin } from 'vite';

const SW_SOURCE = 'src/offline/sw.ts';
const SW_FILE = 'sw.js';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((f) => f !== SW_FILE && !f.endsWith('.map') && !f.startsWith('.'))
    .sort();
}

/** The service worker's source with the file list and version filled in; fails if a placeholder moved. */
export function fillServiceWorker(source: string, files: readonly string[], version: string): string {
  const slots: [string, string][] = [
    ["'__VERSION__'", JSON.stringify(version)],
    ["['__PRECACHE__']", JSON.stringify(files)],
  ];
  let out = source;
  for (const [slot, value] of slots) {
    if (!out.includes(slot)) throw new Error(`${SW_SOURCE}: expected the placeholder ${slot}`);
    out = out.replace(slot, value);
  }
  return out;
}

/**
 * sw.js is registered as a classic script (module service workers are not everywhere yet): drop the
 * `export {}` that keeps sw.ts a module for TypeScript, and refuse any other import or export.
 */
export function classicScript(code: string): string {
  const out = code.replace(/^export \{\s*\};?[ \t]*$/m, '');
  if (/^\s*(import|export)\b/m.test(out)) throw new Error(`${SW_SOURCE} must not import or export anything`);
  return out;
}

export function offline(): Plugin {
  let root = process.cwd();
  let outDir = 'dist';
  return {
    name: 'activation-lab-offline',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
    },
    async writeBundle() {
      const files = await filesUnder(outDir);
      for (const needed of ['index.html', 'favicon.svg']) {
        if (!files.includes(needed)) throw new Error(`offline: ${needed} is not in ${outDir}; the service worker would miss it`);
      }
      const hash = createHash('sha256');
      for (const f of files) hash.update(f).update('\0').update(await readFile(join(outDir, f)));
      const source = await readFile(resolve(root, SW_SOURCE), 'utf8');
      const filled = fillServiceWorker(source, files, hash.digest('hex').slice(0, 16));
      const { code } = await transformWithOxc(filled, SW_SOURCE, { lang: 'ts' });
      await writeFile(join(outDir, SW_FILE), classicScript(code));
    },
  };
}
