/**
 * The worker's logic, driven in Node as the worker entry drives it: prepare, play, pause, step,
 * reset, settings changes mid-run, and the tensor count afterwards.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { Session, type SessionHost } from '../../src/worker/session';
import type { FromWorker } from '../../src/worker/protocol';
import type { WebGLProbe } from '../../src/worker/webglProbe';
import { parseQuery } from '../../src/state/query';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const SMALL = parseQuery('samples=300&features=10&hidden=8&epochs=30').settings;

function harness(over: Partial<SessionHost> = {}) {
  const messages: FromWorker[] = [];
  const waiters: { pred: (m: FromWorker) => boolean; resolve: (m: FromWorker) => void }[] = [];
  const host: SessionHost = {
    post(m) {
      messages.push(m);
      for (const w of [...waiters]) if (w.pred(m)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(m); }
    },
    selectBackend: async () => ({ name: 'cpu', reason: 'tests run on the CPU backend' }),
    probeGpu: async () => ({ ok: false }),
    settleAuto: async () => null,
    switchBackend: async (pick) => pick,
    fallBack: async (_lost, why) => ({ name: 'cpu', reason: `${why}: continuing on CPU` }),
    yieldNow: () => new Promise((r) => setTimeout(r, 0)),
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    now: () => performance.now(),
    ...over,
  };
  const session = new Session(host);
  const next = (pred: (m: FromWorker) => boolean) => new Promise<FromWorker>((resolve) => {
    const found = messages.find(pred);
    if (found) resolve(found);
    else waiters.push({ pred, resolve });
  });
  const epochsOf = (runId: number) => messages.flatMap((m) => (m.type === 'epochs' && m.runId === runId ? m.records.map((r) => r.epoch) : []));
  return { session, messages, next, epochsOf };
}

describe('Session', () => {
  it('trains a run to its last epoch, one record per epoch, in order', async () => {
    const h = harness();
    void h.session.handle({ type: 'prepare', runId: 1, settings: SMALL, start: 'play' });
    const done = await h.next((m) => m.type === 'done');
    expect(done.type === 'done' && done.final.testAccuracy.length).toBe(2);
    expect(h.epochsOf(1)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(h.messages[0]).toEqual({ type: 'backend', name: 'cpu', reason: 'tests run on the CPU backend' });
  });

  it('pauses, steps exactly one epoch, and resumes to the end', async () => {
    const h = harness();
    void h.session.handle({ type: 'prepare', runId: 1, settings: SMALL, start: 'step' });
    await h.next((m) => m.type === 'paused');
    expect(h.epochsOf(1)).toEqual([0]);
    void h.session.handle({ type: 'step', runId: 1 });
    await h.next((m) => m.type === 'paused' && m.epoch === 2);
    expect(h.epochsOf(1)).toEqual([0, 1]);
    void h.session.handle({ type: 'play', runId: 1 });
    void h.session.handle({ type: 'pause', runId: 1 });
    const paused = await h.next((m) => m.type === 'paused' && m.epoch > 2);
    const at = paused.type === 'paused' ? paused.epoch : -1;
    expect(at).toBeLessThan(30);
    expect(h.epochsOf(1).length).toBe(at);
    void h.session.handle({ type: 'play', runId: 1 });
    await h.next((m) => m.type === 'done');
    expect(h.epochsOf(1)).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });

  it('a new run replaces the old one mid-training; the old id never posts again; tensors are freed', async () => {
    const h = harness();
    const before = tf.memory().numTensors;
    void h.session.handle({ type: 'prepare', runId: 1, settings: { ...SMALL, epochs: 2000 }, start: 'play' });
    await h.next((m) => m.type === 'epochs' && m.runId === 1);
    void h.session.handle({ type: 'prepare', runId: 2, settings: { ...SMALL, actB: 'tanh' }, start: 'play' });
    const cutoff = h.messages.length;
    await h.next((m) => m.type === 'done' && m.runId === 2);
    const late = h.messages.slice(cutoff).filter((m) => 'runId' in m && m.runId === 1 && m.type !== 'paused');
    expect(late).toEqual([]);
    void h.session.handle({ type: 'reset', runId: 2 });
    await h.session.handle({ type: 'memory' });
    const mem = h.messages[h.messages.length - 1];
    expect(mem.type === 'memory' && mem.numTensors).toBe(before);
  });

  it('builds a run on the data of the one before when only the networks change', async () => {
    const h = harness();
    await h.session.handle({ type: 'prepare', runId: 1, settings: SMALL, start: null });
    await h.session.handle({ type: 'prepare', runId: 2, settings: { ...SMALL, actB: 'tanh', hidden: 4, seeds: 2 }, start: null });
    await h.session.handle({ type: 'prepare', runId: 3, settings: { ...SMALL, splitSeed: 1 }, start: null });
    const views = h.messages.flatMap((m) => (m.type === 'ready' ? [m.info.view] : []));
    expect(views).toHaveLength(3);
    // The time it took is reported by the run that generated it.
    const times = h.messages.flatMap((m) => (m.type === 'ready' ? [m.info.dataMs] : []));
    expect(times.map((t) => (t === null ? null : typeof t))).toEqual(['number', null, 'number']);
    // The same object: not generated again.
    expect(views[1]).toBe(views[0]);
    expect(views[2]).not.toBe(views[0]);
    expect(views[2].points).not.toEqual(views[0].points);
  });

  it('takes an epoch-0 snapshot for an idle run, and none for a run told to train at once', async () => {
    const idle = harness();
    await idle.session.handle({ type: 'prepare', runId: 1, settings: SMALL, start: null });
    const first = idle.messages.find((m) => m.type === 'snapshot');
    expect(first?.type === 'snapshot' && first.snapshot.epoch).toBe(0);

    const h = harness();
    void h.session.handle({ type: 'prepare', runId: 2, settings: SMALL, start: 'play' });
    await h.next((m) => m.type === 'done');
    await h.next((m) => m.type === 'snapshot');
    const types = h.messages.map((m) => m.type).filter((t) => t === 'ready' || t === 'epochs' || t === 'snapshot');
    // The first epochs come straight after 'ready'; the panels still get a snapshot, of a later epoch.
    expect(types.slice(0, 2)).toEqual(['ready', 'epochs']);
    const snaps = h.messages.flatMap((m) => (m.type === 'snapshot' ? [m.snapshot.epoch] : []));
    expect(snaps[0]).toBeGreaterThan(0);
  });

  it('after a lost device, carries on from the epoch the page has, on the fallback, with the same records', async () => {
    const clean = harness();
    void clean.session.handle({ type: 'prepare', runId: 1, settings: SMALL, start: 'play' });
    await clean.next((m) => m.type === 'done');
    const recordsOf = (msgs: FromWorker[]) => msgs.flatMap((m) => (m.type === 'epochs' ? m.records : []));

    const h = harness();
    void h.session.handle({ type: 'prepare', runId: 1, settings: SMALL, start: 'play' });
    await h.next((m) => m.type === 'epochs' && m.records[m.records.length - 1].epoch >= 4);
    h.session.backendLost('webgl');
    const done = await h.next((m) => m.type === 'done');
    // Every epoch once, in order: none lost, none repeated.
    expect(h.epochsOf(1)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    const notice = h.messages.find((m) => m.type === 'backend' && m.reason.includes('lost'));
    expect(notice?.type === 'backend' && notice.reason).toMatch(/^the WebGL context was lost at epoch \d+: continuing on CPU$/);
    // The retrained epochs reproduce the lost ones, so the curve carries on exactly.
    expect(recordsOf(h.messages)).toEqual(recordsOf(clean.messages));
    const cleanDone = clean.messages.find((m) => m.type === 'done');
    expect(done.type === 'done' && done.final).toEqual(cleanDone?.type === 'done' && cleanDone.final);
  });

  it('after a lost device while paused, waits, then resumes from the paused epoch', async () => {
    const h = harness();
    void h.session.handle({ type: 'prepare', runId: 3, settings: SMALL, start: 'step' });
    await h.next((m) => m.type === 'paused');
    h.session.backendLost('webgl');
    await h.next((m) => m.type === 'backend' && m.reason.includes('lost at epoch 1'));
    expect(h.epochsOf(3)).toEqual([0]);
    void h.session.handle({ type: 'step', runId: 3 });
    await h.next((m) => m.type === 'paused' && m.epoch === 2);
    expect(h.epochsOf(3)).toEqual([0, 1]);
    await h.session.handle({ type: 'reset', runId: 3 });
  });

  it('reports a diverging run at the epoch its loss stopped being finite', async () => {
    const h = harness();
    void h.session.handle({ type: 'prepare', runId: 5, settings: { ...SMALL, lr: 10, epochs: 200 }, start: 'play' });
    const m = await h.next((x) => x.type === 'diverged' || x.type === 'done');
    expect(m.type).toBe('diverged');
    if (m.type !== 'diverged') return;
    expect(m.divergence.reason).toBe('exploded');
    expect(m.divergence.epoch).toBeGreaterThan(0);
    // The curve so far is kept: every epoch before the explosion, none after.
    expect(h.epochsOf(5)).toEqual(Array.from({ length: m.divergence.epoch }, (_, i) => i));
  });
});

describe("Session: the auto backend", () => {
  it('starts at once, looks at the GPU only when nothing trains, and moves before the next run is built', async () => {
    const calls: string[] = [];
    const h = harness({
      probeGpu: async (): Promise<WebGLProbe> => {
        calls.push('probe');
        return { ok: true, renderer: 'Test', software: null };
      },
      settleAuto: async (gl, current) => {
        calls.push(`settle on ${current}, ${gl.ok ? 'GPU' : 'none'}`);
        return { name: 'wasm', reason: 'GPU: Test; WebGL 1.0 ms vs WASM 3.0 ms per epoch' };
      },
      switchBackend: async (pick) => {
        calls.push(`switch to ${pick.name}`);
        return pick;
      },
    });
    void h.session.handle({ type: 'prepare', runId: 1, settings: { ...SMALL, epochs: 2000 }, start: 'play' });
    // Nothing is probed or timed while the run trains (a probe can block the thread for 400 ms).
    await h.next((m) => m.type === 'epochs' && m.records[0].epoch > 20);
    expect(calls).toEqual([]);
    void h.session.handle({ type: 'pause', runId: 1 });
    await h.next((m) => m.type === 'paused');
    // Settled while paused, but a paused run may resume: its tensors stay where they are.
    await vi.waitFor(() => expect(calls).toEqual(['probe', 'settle on cpu, GPU']));
    await h.session.handle({ type: 'memory' });
    expect(h.messages.filter((m) => m.type === 'backend').map((m) => m.type === 'backend' && m.name)).toEqual(['cpu']);
    await h.session.handle({ type: 'prepare', runId: 2, settings: SMALL, start: null });
    expect(calls).toEqual(['probe', 'settle on cpu, GPU', 'switch to wasm']);
    const order = h.messages.flatMap((m) => (m.type === 'backend' ? [`backend ${m.name}`] : m.type === 'ready' ? [`ready ${m.runId}`] : []));
    expect(order).toEqual(['backend cpu', 'ready 1', 'backend wasm', 'ready 2']);
    // Settled once: later runs do not look again.
    await h.session.handle({ type: 'prepare', runId: 3, settings: SMALL, start: 'play' });
    await h.next((m) => m.type === 'done' && m.runId === 3);
    expect(calls).toHaveLength(3);
  });

  it('with nothing to measure (no GPU, a software renderer), keeps WASM and says why', async () => {
    const h = harness({
      selectBackend: async () => ({ name: 'wasm', reason: 'WASM while the GPU is checked (SIMD, 1 thread)' }),
      probeGpu: async () => ({ ok: true, renderer: 'SwiftShader', software: 'SwiftShader' }),
      settleAuto: async () => ({ name: 'wasm', reason: 'software renderer (SwiftShader): WASM is faster here (SIMD, 1 thread)' }),
      switchBackend: async () => { throw new Error('nothing to switch to'); },
    });
    await h.session.handle({ type: 'init', backend: 'auto' });
    await h.next((m) => m.type === 'backend' && m.reason.startsWith('software'));
    expect(h.messages.map((m) => m.type === 'backend' && m.reason)).toEqual([
      'WASM while the GPU is checked (SIMD, 1 thread)', 'software renderer (SwiftShader): WASM is faster here (SIMD, 1 thread)',
    ]);
  });
});

