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
import type { BackendName, BackendPick } from './protocol';
import { NOTEBOOK_SHAPES, timeProducts } from './products';
import { probeWebGL, type WebGLProbe } from './webglProbe';

const once = <T>(f: () => Promise<T>): (() => Promise<T>) => {
  let p: Promise<T> | null = null;
  return () => (p ??= f());
};

/** tfjs-backend-wasm uses hardwareConcurrency / 2 threads: threads start paying at 4 cores. */
const MIN_CORES_FOR_THREADS = 4;

/** Importing a backend package registers it with tfjs-core; each is imported at most once. */
const LOADERS: Record<BackendName, () => Promise<void>> = {
  webgl: once(async () => {
    await import('@tensorflow/tfjs-backend-webgl');
  }),
  wasm: once(async () => {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    // Threads need SharedArrayBuffer, which exists only on a cross-origin isolated page (COOP/COEP).
    // tfjs runs hardwareConcurrency / 2 threads: below 4 cores that is one, and the threaded
    // binary would only add its 8 idle thread workers to the start (~150 ms here; see
    // docs/performance.md), so the plain SIMD binary runs instead.
    if (!crossOriginIsolated || navigator.hardwareConcurrency < MIN_CORES_FOR_THREADS) {
      tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    }
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

/** Backends whose device was lost in this worker: they are not tried again. */
const lostBackends = new Set<BackendName>();

/** Make `name` the active backend, or throw saying why it could not be. */
async function activate(name: BackendName): Promise<void> {
  if (lostBackends.has(name)) throw new Error('its device was lost earlier in this session');
  await LOADERS[name]();
  // setBackend resolves false (it does not throw) when the backend's initialisation fails.
  if (!(await tf.setBackend(name))) throw new Error(`the ${name} backend did not start`);
  await tf.ready();
  // Half-float textures would change the results in the third decimal: not acceptable here.
  if (name === 'webgl' && !tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED')) {
    throw new Error('this GPU cannot render float32 textures');
  }
  if (name === 'webgl') watchContext();
}

/** Who hears that the active backend's device was lost (the session, which then falls back). */
let lostListener: ((name: BackendName) => void) | null = null;
const watched = new WeakSet<object>();

/**
 * Be told when the GPU behind the WebGL backend goes away (a driver reset, the browser reclaiming
 * contexts, WEBGL_lose_context). tfjs does not notice by itself: its reads then wait forever.
 */
export function onBackendLost(listener: (name: BackendName) => void): void {
  lostListener = listener;
}

function watchContext(): void {
  const backend = tf.backend() as unknown as { gpgpu?: { gl?: { canvas?: EventTarget } } };
  const canvas = backend.gpgpu?.gl?.canvas;
  if (!canvas || watched.has(canvas)) return;
  watched.add(canvas);
  canvas.addEventListener('webglcontextlost', () => {
    if (tf.getBackend() === 'webgl') lostListener?.('webgl');
  });
}

/**
 * After the active backend was lost: drop it for good (its tensors and pending reads are gone
 * with the device) and start the next backend that works. `why` begins the reason.
 */
export async function fallBack(lost: BackendName, why: string): Promise<BackendPick> {
  lostBackends.add(lost);
  try {
    tf.removeBackend(lost);
  } catch {
    // Already gone: nothing to drop.
  }
  const order = (['wasm', 'cpu'] as const).filter((n) => n !== lost);
  return firstWorking(order.map((name) => ({ name, why: `${why}: continuing on ${name.toUpperCase()}` })));
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

/** Epochs of the notebook's products timed per backend (after one warm-up epoch): a few ms each. */
const TIMED_EPOCHS = 3;

/**
 * How much faster WebGL must be to win. On a near tie WASM is the better choice: no GPU driver in
 * the way, no context to lose, no shaders to compile on the first run.
 */
export const WEBGL_MARGIN = 0.9;

/** What `auto` does after probing WebGL: go straight to WASM, or time WebGL against WASM. */
export type AutoPlan = { readonly measure: false; readonly why: string } | { readonly measure: true; readonly renderer: string };

/**
 * Without WebGL, or with a software renderer (SwiftShader, llvmpipe: always slower than WASM
 * here), there is nothing to measure. A real GPU may still lose to WASM (an integrated GPU on a
 * small problem), so that case is decided by timing both.
 */
export function autoPlan(gl: WebGLProbe): AutoPlan {
  if (!gl.ok) return { measure: false, why: 'WebGL unavailable: using WASM' };
  if (gl.software) return { measure: false, why: `software renderer (${gl.software}): WASM is faster here` };
  return { measure: true, renderer: gl.renderer };
}

/**
 * The faster backend by the measured milliseconds per epoch of the notebook's products (null:
 * that backend failed to start or to run them), with the figures in the reason.
 */
export function pickFaster(renderer: string, ms: { readonly webgl: number | null; readonly wasm: number | null }):
  { name: BackendName; why: string } {
  const fmt = (x: number) => `${x < 10 ? x.toFixed(1) : x.toFixed(0)} ms`;
  const { webgl, wasm } = ms;
  if (webgl === null) return { name: 'wasm', why: `GPU: ${renderer}, but WebGL could not run the products: using WASM` };
  if (wasm === null) return { name: 'webgl', why: `GPU: ${renderer}; WASM could not run the products` };
  const figures = `WebGL ${fmt(webgl)} vs WASM ${fmt(wasm)} per epoch`;
  return webgl < WEBGL_MARGIN * wasm
    ? { name: 'webgl', why: `GPU: ${renderer}; ${figures}` }
    : { name: 'wasm', why: `GPU: ${renderer}, but WASM is as fast here: ${figures}` };
}

/** Milliseconds per epoch of the notebook's products on `name`, or null if it fails. */
async function timeOn(name: BackendName): Promise<number | null> {
  try {
    await activate(name);
    return await timeProducts(NOTEBOOK_SHAPES, TIMED_EPOCHS);
  } catch {
    return null;
  }
}

/** The last resort of every choice. */
const CPU = { name: 'cpu' as const, why: 'using the CPU backend (plain JavaScript)' };

/**
 * Make the chosen backend active. A forced choice that cannot start falls back to the others, and
 * the reason says so. `auto` takes WASM at once (the CPU backend if WASM cannot start): whether a
 * GPU would be faster is settled later by `settleAuto`, once the GPU probe has answered and
 * nothing trains, so that the first run never waits for the GPU process (docs/performance.md).
 */
export async function selectBackend(choice: BackendChoice): Promise<BackendPick> {
  if (choice === 'auto') return firstWorking([{ name: 'wasm', why: 'WASM while the GPU is checked' }, CPU]);
  const rest = (['webgl', 'wasm', 'cpu'] as const).filter((n) => n !== choice);
  const gl = choice === 'webgl' ? probeWebGL() : null;
  const renderer = gl?.ok ? ` (${gl.software ? `software renderer: ${gl.software}` : `GPU: ${gl.renderer}`})` : '';
  return firstWorking([
    { name: choice, why: `backend=${choice} chosen in the link${renderer}` },
    ...rest.map((name) => ({ name, why: `using ${name.toUpperCase()} instead of backend=${choice}` })),
  ]);
}

/**
 * `auto`, second step, given what the GPU probe found and the backend `current` runs on. Without
 * WebGL, or on a software renderer, WASM stays and the reason says why (null: nothing to add,
 * when WASM could not start). On a real GPU a few epochs of the real products are timed on WebGL
 * and on WASM (see `pickFaster`), `current` is made active again (a run may hold tensors on it),
 * and the faster one is returned: the session moves to it before its next run (`switchBackend`).
 */
export async function settleAuto(gl: WebGLProbe, current: BackendName): Promise<BackendPick | null> {
  const plan = autoPlan(gl);
  if (!plan.measure) return current === 'wasm' ? { name: 'wasm', reason: `${plan.why} (${await wasmDetail()})` } : null;
  const webgl = await timeOn('webgl');
  const wasm = await timeOn('wasm');
  await activate(current);
  const pick = pickFaster(plan.renderer, { webgl, wasm });
  // A backend to move to gets its details when it starts (switchBackend).
  const stays = pick.name === current && current === 'wasm';
  return { name: pick.name, reason: stays ? `${pick.why} (${await wasmDetail()})` : pick.why };
}

/** Make `pick` (from settleAuto) the active backend, or the next one that works. */
export function switchBackend(pick: BackendPick): Promise<BackendPick> {
  const others = (['wasm', 'cpu'] as const).filter((n) => n !== pick.name);
  return firstWorking([{ name: pick.name, why: pick.reason }, ...others.map((name) => ({ name, why: `${pick.name} did not start: using ${name.toUpperCase()}` }))]);
}
