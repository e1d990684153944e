/**
 * The worker entry: a thin dispatcher. The logic lives in Session (driven by unit tests in Node) and
 * selectBackend; this file only connects them to the worker's globals.
 */
import { fallBack, onBackendLost, selectBackend, settleAuto, switchBackend } from './backends';
import type { FromWorker, ToWorker } from './protocol';
import { Session, type SessionHost } from './session';
import { probeWebGL, type WebGLProbe } from './webglProbe';

const post = (msg: FromWorker): void => self.postMessage(msg);

// A zero-delay macrotask: setTimeout(0) is clamped to 4 ms after a few nestings, a message is not.
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();

/** The GPU probe in a worker of its own (probe.ts); here, where a worker cannot start one. */
const probeGpu = (): Promise<WebGLProbe> =>
  new Promise((resolve) => {
    try {
      const probe = new Worker(new URL('./probe.ts', import.meta.url), { type: 'module' });
      probe.onmessage = (e: MessageEvent<WebGLProbe>) => {
        probe.terminate();
        resolve(e.data);
      };
      probe.onerror = (e: ErrorEvent) => {
        e.preventDefault();
        probe.terminate();
        resolve(probeWebGL());
      };
    } catch {
      resolve(probeWebGL());
    }
  });

const host: SessionHost = {
  post,
  selectBackend,
  probeGpu,
  settleAuto,
  switchBackend,
  fallBack,
  yieldNow: () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    }),
  sleep: (ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  now: () => performance.now(),
};

const session = new Session(host);
onBackendLost((name) => session.backendLost(name));

self.onmessage = (e: MessageEvent<ToWorker>) => void session.handle(e.data);

// Anything that escapes the session still reaches the UI as a message it can show; preventDefault
// keeps it from also surfacing as the Worker's `error` event, which the UI treats as a crash.
self.addEventListener('error', (e: ErrorEvent) => {
  e.preventDefault();
  post({ type: 'error', runId: null, message: e.message || 'uncaught error in the training worker' });
});
self.addEventListener('unhandledrejection', (e: PromiseRejectionEvent) => {
  e.preventDefault();
  const reason: unknown = e.reason;
  post({ type: 'error', runId: null, message: reason instanceof Error ? reason.message : String(reason) });
});
