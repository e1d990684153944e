/**
 * The page's run state: what each worker message does to it, and which messages are dropped.
 */
import { describe, expect, it } from 'vitest';
import type { EpochRecord } from '../../src/engine/trainer';
import { IDLE_RUN, STARTED_RUN, applyMessage, belongsTo, isRunMessage, type RunMessage } from '../../src/state/run';
import type { FromWorker } from '../../src/worker/protocol';

const record = (epoch: number): EpochRecord => ({
  epoch, trainLoss: [0.6, 0.5], testLoss: [0.7, 0.6], trainAccuracy: [0.8, 0.9], testAccuracy: [0.75, 0.85],
});
const epochs = (runId: number, from: number, n: number): RunMessage => ({
  type: 'epochs', runId, records: Array.from({ length: n }, (_, i) => record(from + i)),
});

describe('run state', () => {
  it('accumulates epoch records in order across messages', () => {
    let v = applyMessage(STARTED_RUN, epochs(1, 0, 3));
    v = applyMessage(v, epochs(1, 3, 2));
    expect(v.records.map((r) => r.epoch)).toEqual([0, 1, 2, 3, 4]);
    expect(v.status).toBe('training');
  });

  it('is done with the final metrics when the worker says so', () => {
    const final = { trainLoss: [0.3, 0.2], testLoss: [0.4, 0.3], trainAccuracy: [0.87, 0.95], testAccuracy: [0.86, 0.9] };
    const v = applyMessage(STARTED_RUN, { type: 'done', runId: 1, final, trainMs: 1234 });
    expect(v).toMatchObject({ status: 'done', final, trainMs: 1234 });
  });

  it('pauses only a run that is training, and epochs after a pause mean it was resumed', () => {
    const paused = applyMessage(STARTED_RUN, { type: 'paused', runId: 1, epoch: 0 });
    expect(paused.status).toBe('paused');
    expect(applyMessage(IDLE_RUN, { type: 'paused', runId: 1, epoch: 0 }).status).toBe('idle');
    expect(applyMessage(paused, epochs(1, 0, 1)).status).toBe('training');
  });

  it('keeps the curve so far when the loss diverges, and reports the epoch', () => {
    const divergence = { epoch: 12, members: [1], reason: 'exploded' as const, loss: 78.3 };
    const v = applyMessage(applyMessage(STARTED_RUN, epochs(1, 0, 12)), { type: 'diverged', runId: 1, divergence });
    expect(v.status).toBe('error');
    expect(v.records).toHaveLength(12);
    expect(v.diverged).toEqual(divergence);
  });

  it('drops messages of other runs, but not errors from outside any run', () => {
    const stale = epochs(1, 0, 1);
    expect(belongsTo(stale, 2)).toBe(false);
    expect(belongsTo(epochs(2, 0, 1), 2)).toBe(true);
    expect(belongsTo({ type: 'error', runId: null, message: 'boom' }, 2)).toBe(true);
    expect(belongsTo({ type: 'error', runId: 1, message: 'boom' }, 2)).toBe(false);
  });

  it('tells run messages from messages about the worker', () => {
    const backend: FromWorker = { type: 'backend', name: 'wasm', reason: 'WebGL unavailable: using WASM' };
    expect(isRunMessage(backend)).toBe(false);
    expect(isRunMessage({ type: 'memory', numTensors: 3 })).toBe(false);
    expect(isRunMessage(epochs(1, 0, 1))).toBe(true);
  });
});
