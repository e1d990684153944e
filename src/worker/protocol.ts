/**
 * The one message protocol between the UI and the training worker. Both sides import these types;
 * the worker's dispatcher ends with an exhaustiveness check, so a new message does not compile until
 * it is handled. Only plain data crosses: settings, small epoch records, typed arrays.
 *
 * Every run has an id chosen by the UI. Reset and every settings change start a new id; the UI
 * drops any message whose id is not the current one, so a late epoch of an old run never reaches
 * a chart.
 */
import type { BackendChoice, Settings } from '../state/schema';
import type { PlaneView, Snapshot } from '../engine/snapshot';
import type { Divergence, EpochRecord, FinalMetrics } from '../engine/trainer';
import type { Member } from '../engine/model';

export type BackendName = 'webgl' | 'wasm' | 'cpu';

/** A backend and why it runs (the UI shows the reason); what a 'backend' message carries. */
export interface BackendPick {
  readonly name: BackendName;
  readonly reason: string;
}

/** How a prepared run starts: trains to the end, trains one epoch, or waits at epoch 0 (null). */
export type StartMode = 'play' | 'step' | null;

/** What the UI asks of the worker. */
export type ToWorker =
  /** Pick the backend now (the worker posts 'backend'), so the page can say which before a run. */
  | { readonly type: 'init'; readonly backend: BackendChoice }
  /**
   * Build the data and the networks for these settings, replacing any run; then train as `start`
   * says: to the end ('play'), one epoch ('step'), or not yet (null: wait at epoch 0).
   */
  | { readonly type: 'prepare'; readonly runId: number; readonly settings: Settings; readonly start: StartMode }
  /** Train until the last epoch, a pause, or a reset. */
  | { readonly type: 'play'; readonly runId: number }
  /** Stop after the epochs already under way. */
  | { readonly type: 'pause'; readonly runId: number }
  /** Train exactly one epoch, then pause. */
  | { readonly type: 'step'; readonly runId: number }
  /** Drop the run and free its tensors. */
  | { readonly type: 'reset'; readonly runId: number }
  /** Epochs per second; 0 = as fast as the device allows. Applies to the current and later runs. */
  | { readonly type: 'pace'; readonly epochsPerSecond: number }
  /** Report the worker's live tensor count (tests and the debug line use it). */
  | { readonly type: 'memory' };

/** Facts about a prepared run that the UI shows before any epoch is trained. */
export interface RunInfo {
  readonly nTrain: number;
  readonly nTest: number;
  readonly nFeatures: number;
  readonly epochs: number;
  /** Layer sizes [inputs, hidden..., 1]. */
  readonly sizes: number[];
  /** Members in order: every seed of network A, then every seed of network B. */
  readonly members: Member[];
  /** Milliseconds it took to generate the data set; null when the run reuses an earlier run's. */
  readonly dataMs: number | null;
  /** The test set in two dimensions, for the 2-D view and the decision regions. */
  readonly view: PlaneView;
}

/** What the worker tells the UI. */
export type FromWorker =
  | ({ readonly type: 'backend' } & BackendPick)
  | { readonly type: 'ready'; readonly runId: number; readonly info: RunInfo }
  | { readonly type: 'epochs'; readonly runId: number; readonly records: EpochRecord[] }
  | { readonly type: 'paused'; readonly runId: number; readonly epoch: number }
  /** What the teaching panels show, a few times a second while training and whenever it stops. */
  | { readonly type: 'snapshot'; readonly runId: number; readonly snapshot: Snapshot }
  | { readonly type: 'done'; readonly runId: number; readonly final: FinalMetrics; readonly trainMs: number }
  /** The loss blew up (NaN, infinite, or exploded) at `divergence.epoch`; the run ended there. */
  | { readonly type: 'diverged'; readonly runId: number; readonly divergence: Divergence }
  | { readonly type: 'error'; readonly runId: number | null; readonly message: string }
  | { readonly type: 'memory'; readonly numTensors: number };

/** Compile-time exhaustiveness check for switches over message types. */
export function assertNever(x: never): never {
  throw new Error(`unhandled message: ${JSON.stringify(x)}`);
}
