/**
 * What the page knows about the current training run, and how each worker message changes it.
 * Pure: the UI's hook folds messages through `applyMessage` once per animation frame, and the unit
 * tests drive it directly.
 */
import type { Divergence, EpochRecord, FinalMetrics } from '../engine/trainer';
import type { Snapshot } from '../engine/snapshot';
import type { FromWorker, RunInfo } from '../worker/protocol';

export type RunStatus = 'idle' | 'training' | 'paused' | 'done' | 'error';

export interface RunView {
  readonly status: RunStatus;
  /** One record per completed epoch, in order. */
  readonly records: readonly EpochRecord[];
  readonly info: RunInfo | null;
  /** Metrics after the last update (set when the run is done). */
  readonly final: FinalMetrics | null;
  /** Milliseconds the worker spent training (set when the run is done). */
  readonly trainMs: number | null;
  readonly error: string | null;
  readonly diverged: Divergence | null;
  /** The latest look inside the networks (first seed of each). */
  readonly snapshot: Snapshot | null;
}

export const IDLE_RUN: RunView = {
  status: 'idle',
  records: [],
  info: null,
  final: null,
  trainMs: null,
  error: null,
  diverged: null,
  snapshot: null,
};

/** A run that has been asked to train (or step) and has no epochs yet. */
export const STARTED_RUN: RunView = { ...IDLE_RUN, status: 'training' };

/** Messages that belong to a run (the rest describe the worker). */
export type RunMessage = Extract<FromWorker, { runId: number | null }>;

export function isRunMessage(msg: FromWorker): msg is RunMessage {
  return 'runId' in msg;
}

/**
 * Whether a message belongs to the run `runId`. Errors with no run id come from outside any run
 * (an uncaught error in the worker) and concern whatever is running now.
 */
export function belongsTo(msg: RunMessage, runId: number): boolean {
  return msg.runId === runId || (msg.type === 'error' && msg.runId === null);
}

/** The run after one of its messages. */
export function applyMessage(view: RunView, msg: RunMessage): RunView {
  switch (msg.type) {
    case 'ready':
      return { ...view, info: msg.info };
    case 'epochs':
      // Epochs after a pause mean the run was resumed before the pause was acknowledged.
      return {
        ...view,
        records: view.records.concat(msg.records),
        status: view.status === 'paused' ? 'training' : view.status,
      };
    case 'paused':
      return view.status === 'training' ? { ...view, status: 'paused' } : view;
    case 'done':
      return { ...view, status: 'done', final: msg.final, trainMs: msg.trainMs };
    case 'diverged':
      return { ...view, status: 'error', diverged: msg.divergence };
    case 'snapshot':
      return { ...view, snapshot: msg.snapshot };
    case 'error':
      return { ...view, status: 'error', error: msg.message };
  }
}

/** Completed epochs. */
export function epochsDone(view: RunView): number {
  return view.records.length;
}
