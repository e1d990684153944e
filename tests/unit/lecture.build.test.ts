/**
 * The build steps of issue 5: the Content-Security-Policy (own origin only, plus what WASM and its
 * threads need) and the service worker's file, filled in and turned into a classic script.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEV_HEADER_POLICY, HEADER_POLICY, META_POLICY } from '../../scripts/vite/csp';
import { classicScript, fillServiceWorker } from '../../scripts/vite/offline';

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
}

describe('Content-Security-Policy', () => {
  it('allows scripts only from the page’s origin, its blob: threads and WASM compilation', () => {
    for (const policy of [META_POLICY, HEADER_POLICY]) {
      const d = directives(policy);
      expect(d.get('default-src')).toEqual(["'self'"]);
      expect(d.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", 'blob:']);
      expect(d.get('worker-src')).toEqual(["'self'", 'blob:']);
      expect(d.get('object-src')).toEqual(["'none'"]);
      // No other origin, no inline code, no eval anywhere in the production policy.
      expect(policy).not.toMatch(/https?:|\*|'unsafe-inline'|'unsafe-eval'/);
    }
  });

  it('keeps header-only directives out of the <meta>, where browsers ignore them with a console error', () => {
    expect(directives(HEADER_POLICY).get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives(META_POLICY).has('frame-ancestors')).toBe(false);
  });

  it('relaxes only what the dev server needs', () => {
    const d = directives(DEV_HEADER_POLICY);
    expect(d.get('script-src')).toContain("'unsafe-inline'");
    expect(d.get('connect-src')).toEqual(["'self'", 'ws:', 'wss:']);
  });
});

describe('service worker build', () => {
  const source = readFileSync('src/offline/sw.ts', 'utf8');

  it('fills in the file list and the version, and fails loudly if a placeholder moves', () => {
    const filled = fillServiceWorker(source, ['index.html', 'assets/a.wasm'], 'abc123');
    expect(filled).toContain('const VERSION: string = "abc123";');
    expect(filled).toContain('const PRECACHE: readonly string[] = ["index.html","assets/a.wasm"];');
    expect(() => fillServiceWorker(source.replace("'__VERSION__'", "'v'"), [], 'x')).toThrow(/__VERSION__/);
  });

  it('becomes a classic script: the module marker goes, a real import is refused', () => {
    expect(classicScript('const a = 1;\nexport {};\n')).toBe('const a = 1;\n\n');
    expect(() => classicScript('import x from "y";\nexport {};\n')).toThrow(/must not import/);
  });
});
