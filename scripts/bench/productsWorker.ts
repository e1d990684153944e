/**
 * Bench worker: the app's own backend set-up (selectBackend, same WASM files), then the bare
 * matrix products of the notebook's epochs (src/worker/products.ts) for each member count.
 */
import * as tf from '@tensorflow/tfjs-core';
import { setThreadsCount, getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { selectBackend } from '../../src/worker/backends';
import { NOTEBOOK_SHAPES, timeProducts } from '../../src/worker/products';
import type { BackendName } from '../../src/worker/protocol';

export interface ProductsRequest {
  readonly backend: BackendName;
  /**
   * 'default': as the app decides (src/worker/backends.ts); 'off': the plain SIMD binary; a number
   * n: the threaded binary with n threads.
   */
  readonly threads: string;
  readonly members: number[];
  readonly epochs: number;
}

export interface ProductsResult {
  readonly backend: string;
  readonly reason: string;
  readonly threads: number | null;
  /** Milliseconds to start the backend (selectBackend: download, compile, thread pool). */
  readonly initMs: number;
  /** ms per epoch of the products, per member count. */
  readonly msPerEpoch: Record<number, number>;
  readonly error?: string;
}

self.onmessage = async (e: MessageEvent<ProductsRequest>) => {
  const r = e.data;
  try {
    tf.env().set('PROD', true);
    if (r.threads === 'off') tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    else if (r.threads !== 'default') {
      // tfjs caps its thread pool at hardwareConcurrency / 2 (it assumes two hyper-threads per
      // core), and the app takes the threaded binary only from 4 cores. To measure n threads on a
      // small machine, this bench page alone reports at least 4 and 2n cores.
      const n = Number(r.threads);
      Object.defineProperty(Object.getPrototypeOf(navigator), 'hardwareConcurrency', { get: () => Math.max(4, 2 * n) });
      setThreadsCount(n);
    }
    const t0 = performance.now();
    const pick = await selectBackend(r.backend);
    const initMs = performance.now() - t0;
    const msPerEpoch: Record<number, number> = {};
    for (const members of r.members) {
      msPerEpoch[members] = await timeProducts({ ...NOTEBOOK_SHAPES, members }, r.epochs, 2);
    }
    const threads = pick.name === 'wasm' ? getThreadsCount() : null;
    self.postMessage({ backend: tf.getBackend(), reason: pick.reason, threads, initMs, msPerEpoch } satisfies ProductsResult);
  } catch (err) {
    self.postMessage({ backend: tf.getBackend(), reason: '', threads: null, initMs: NaN, msPerEpoch: {}, error: String(err) } satisfies ProductsResult);
  }
};
