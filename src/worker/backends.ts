/**
 * Choosing the TensorFlow.js backend the worker trains on, and saying why in words the UI shows.
 *
 * Each backend's package is imported only when it is tried, so a device that trains on WASM never
 * downloads the WebGL backend. The WASM binaries are this app's own files (Vite `?url` assets):
 * nothing is fetched from a CDN.
 */
import * as tf from '@tensorflow/tfjs-core';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { BackendChoice } from '../state/schema';
import type { BackendName } from './protocol';

export interface BackendPick {
  readonly name: BackendName;
  /** One line for the UI: why this backend runs here. */
  readonly reason: string;
}

/** Renderers that draw on the CPU: WebGL through them is slower than WASM for this workload. */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render/i;

type WebGLProbe = { ok: true; renderer: string; software: string | null } | { ok: false };

/**
 * Whether WebGL2 works in this worker, and on what renderer. Probed on a 1×1 OffscreenCanvas so the
 * decision costs no tfjs download.
 */
export function probeWebGL(): WebGLProbe {
  try {
    if (typeof OffscreenCanvas === 'undefined') return { ok: false };
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
    if (!gl) return { ok: false };
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? 'unknown GPU');
    return { ok: true, renderer, software: softwareRenderer(renderer) };
  } catch {
    return { ok: false };
  }
}

/** The name of the software renderer behind a WebGL renderer string, or null for a real GPU. */
export function softwareRenderer(renderer: string): string | null {
  const match = SOFTWARE_RENDERER.exec(renderer);
  if (!match) return null;
  const lower = match[0].toLowerCase();
  if (lower === 'swiftshader') return 'SwiftShader';
  if (lower === 'llvmpipe' || lower === 'softpipe') return lower;
  return 'software';
}

const once = <T>(f: () => Promise<T>): (() => Promise<T>) => {
  let p: Promise<T> | null = null;
  return () => (p ??= f());
};

/** Importing a backend package registers it with tfjs-core; each is imported at most once. */
const LOADERS: Record<BackendName, () => Promise<void>> = {
  webgl: once(async () => {
    await import('@tensorflow/tfjs-backend-webgl');
  }),
  wasm: once(async () => {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    // Threads need SharedArrayBuffer, which exists only on a cross-origin isolated page (COOP/COEP).
    if (!crossOriginIsolated) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    wasm.setWasmPaths({
      'tfjs-backend-wasm.wasm': wasmPlainUrl,
      'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
      'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
    });
  }),
  cpu: once(async () => {
    await import('@tensorflow/tfjs-backend-cpu');
  }),
};

/** Make `name` the active backend, or throw saying why it could not be. */
async function activate(name: BackendName): Promise<void> {
  await LOADERS[name]();
  // setBackend resolves false (it does not throw) when the backend's initialisation fails.
  if (!(await tf.setBackend(name))) throw new Error(`the ${name} backend did not start`);
  await tf.ready();
  // Half-float textures would change the results in the third decimal: not acceptable here.
  if (name === 'webgl' && !tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED')) {
    throw new Error('this GPU cannot render float32 textures');
  }
}

/** "SIMD, 2 threads" — what the WASM backend actually runs with. */
async function wasmDetail(): Promise<string> {
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const { getThreadsCount } = await import('@tensorflow/tfjs-backend-wasm');
  const threads = getThreadsCount();
  return `${simd ? 'SIMD' : 'no SIMD'}, ${threads === 1 ? '1 thread' : `${threads} threads`}`;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Try backends in order; the first that starts wins. `why` says why we got to each one; the
 * failure of an earlier one is added to the reason of the next.
 */
async function firstWorking(order: readonly { name: BackendName; why: string }[]): Promise<BackendPick> {
  let failures = '';
  for (const { name, why } of order) {
    try {
      await activate(name);
      const detail = name === 'wasm' ? ` (${await wasmDetail()})` : '';
      return { name, reason: `${failures}${why}${detail}` };
    } catch (e) {
      failures += `${name} failed (${messageOf(e)}); `;
    }
  }
  throw new Error(`no TensorFlow.js backend could start: ${failures.replace(/; $/, '')}`);
}

/**
 * Make the chosen backend active. `auto` uses WebGL only on a real GPU (a software renderer is
 * slower than WASM here), then WASM, then the plain-JavaScript CPU backend. A forced choice that
 * cannot start falls back the same way, and the reason says so.
 */
export async function selectBackend(choice: BackendChoice): Promise<BackendPick> {
  if (choice !== 'auto') {
    const rest = (['webgl', 'wasm', 'cpu'] as const).filter((n) => n !== choice);
    const gl = choice === 'webgl' ? probeWebGL() : null;
    const renderer = gl?.ok ? ` (${gl.software ? `software renderer: ${gl.software}` : `GPU: ${gl.renderer}`})` : '';
    return firstWorking([
      { name: choice, why: `backend=${choice} chosen in the link${renderer}` },
      ...rest.map((name) => ({ name, why: `using ${name.toUpperCase()} instead of backend=${choice}` })),
    ]);
  }
  const gl = probeWebGL();
  const order: { name: BackendName; why: string }[] = [];
  if (gl.ok && !gl.software) order.push({ name: 'webgl', why: `GPU: ${gl.renderer}` });
  const noGpu = !gl.ok
    ? 'WebGL unavailable: using WASM'
    : gl.software
      ? `software renderer (${gl.software}): WASM is faster here`
      : 'using WASM';
  order.push({ name: 'wasm', why: noGpu }, { name: 'cpu', why: 'using the CPU backend (plain JavaScript)' });
  return firstWorking(order);
}
