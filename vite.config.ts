import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy, DEV_HEADER_POLICY, HEADER_POLICY } from './scripts/vite/csp.ts';
import { offline } from './scripts/vite/offline.ts';

/**
 * Cross-origin isolation (COOP + COEP) makes SharedArrayBuffer available, which the WASM backend
 * needs for threads. Every asset is same-origin, so `require-corp` blocks nothing we load.
 * A deployment must send the same two headers (see the README).
 */
const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * tfjs-backend-wasm starts its thread workers from `factory.toString()`, so that function must not
 * refer to anything outside itself. It refers to `_scriptDir` of its enclosing closure behind a
 * `typeof` guard, which the minifier turns into a plain reference: every thread then dies with
 * "ReferenceError: e is not defined". tfjs passes the script itself (mainScriptUrlOrBlob) and the
 * file locations (locateFile), so the two references can go. Fails the build if tfjs changes.
 */
function tfjsWasmThreadsSurviveMinify(): Plugin {
  const PATCHES: [string, string][] = [
    ['if(typeof _scriptDir !== "undefined" && _scriptDir){scriptDirectory=_scriptDir}', ''],
    ['Module["mainScriptUrlOrBlob"]||_scriptDir', 'Module["mainScriptUrlOrBlob"]'],
  ];
  return {
    name: 'tfjs-wasm-threads-survive-minify',
    transform(code, id) {
      if (!id.includes('tfjs-backend-wasm-threaded-simd.js')) return null;
      let out = code;
      for (const [from, to] of PATCHES) {
        if (!out.includes(from)) throw new Error(`${id}: expected to find ${from}; check the patch against this tfjs version`);
        out = out.replace(from, to);
      }
      return { code: out, map: null };
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), offline()],
  worker: { format: 'es', plugins: () => [tfjsWasmThreadsSurviveMinify()] },
  build: { target: 'es2022' },
  // The worker imports the backends lazily; listing them spares the dev server a reload on first use.
  optimizeDeps: {
    include: ['@tensorflow/tfjs-core', '@tensorflow/tfjs-backend-cpu', '@tensorflow/tfjs-backend-wasm', '@tensorflow/tfjs-backend-webgl'],
  },
  server: { headers: { ...ISOLATION_HEADERS, 'Content-Security-Policy': DEV_HEADER_POLICY } },
  preview: { headers: { ...ISOLATION_HEADERS, 'Content-Security-Policy': HEADER_POLICY } },
});
