/**
 * The Content-Security-Policy: the app's own origin only, plus what WebAssembly needs.
 *
 *   script-src 'wasm-unsafe-eval'  compiling the tfjs WASM binaries (no JavaScript eval);
 *   worker-src blob:, script-src blob:
 *                                  tfjs's threaded WASM starts each thread as a blob: worker, which
 *                                  then loads the backend's code from another blob: with
 *                                  importScripts (a script load). A blob: URL can only be made by
 *                                  code already running in this origin;
 *   img-src blob:                  a chart saved as PNG is drawn from its SVG through a blob: URL.
 *
 * The production build gets it twice: as a <meta> in index.html (for any static host) and as a
 * header from `vite preview` (a header also covers the workers, which a <meta> cannot). Some
 * directives work only as a header (frame-ancestors), so the two differ by those.
 */
import type { Plugin } from 'vite';

const BASE: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'", 'blob:'],
  'worker-src': ["'self'", 'blob:'],
  'connect-src': ["'self'"],
  'img-src': ["'self'", 'blob:'],
  'style-src': ["'self'"],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/** Directives a browser ignores (and warns about) in a <meta>. */
const HEADER_ONLY: Record<string, string[]> = {
  'frame-ancestors': ["'none'"],
};

/**
 * The dev server's additions: @vitejs/plugin-react's inline Fast Refresh preamble, the <style>
 * elements Vite injects for CSS, and the HMR websocket.
 */
const DEV: Record<string, string[]> = {
  'script-src': ["'unsafe-inline'"],
  'style-src': ["'unsafe-inline'"],
  'connect-src': ['ws:', 'wss:'],
};

function serialise(...parts: Record<string, string[]>[]): string {
  const merged = new Map<string, string[]>();
  for (const part of parts) {
    for (const [k, v] of Object.entries(part)) merged.set(k, [...(merged.get(k) ?? []), ...v]);
  }
  return [...merged].map(([k, v]) => `${k} ${v.join(' ')}`).join('; ');
}

/** The policy for a <meta> in the built index.html. */
export const META_POLICY = serialise(BASE);
/** The policy `vite preview` sends with every response. */
export const HEADER_POLICY = serialise(BASE, HEADER_ONLY);
/** The policy the dev server sends. */
export const DEV_HEADER_POLICY = serialise(BASE, HEADER_ONLY, DEV);

const CHARSET = /<meta charset="utf-8"\s*\/?>/i;

/**
 * Puts the policy into the built index.html right after the charset (which must come first), so
 * that it governs every link and script after it.
 */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'activation-lab-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => {
        if (!CHARSET.test(html)) throw new Error('index.html: expected <meta charset="utf-8"> to put the CSP after');
        const content = META_POLICY.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
        return html.replace(CHARSET, (m) => `${m}\n    <meta http-equiv="Content-Security-Policy" content="${content}" />`);
      },
    },
  };
}
