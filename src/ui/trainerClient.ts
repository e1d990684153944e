/**
 * The page's side of the training protocol, without React: run ids, commands, and the run's state
 * folded from the worker's messages. `useTrainer` creates one per mount (with the worker) and
 * disposes it on unmount; components never see this class or the worker.
 *
 * Messages are applied as they arrive (cheap: a chunk of epochs is one message) but published to
 * React at most once per animation frame, so rendering never happens per epoch.
 */
import type { Settings } from '../state/schema';
import { experimentKey as runKey } from '../state/query';
import { IDLE_RUN, STARTED_RUN, applyMessage, belongsTo, isRunMessage, type RunView } from '../state/run';
import type { BackendPick, FromWorker, ToWorker } from '../worker/protocol';

export interface TrainerState extends RunView {
  /** The backend the worker trains on, once it has said. */
  readonly backend: BackendPick | null;
}

export const INITIAL_STATE: TrainerState = { ...IDLE_RUN, backend: null };

/** Crashes within this window count towards giving up on restarting the worker. */
const CRASH_WINDOW_MS = 10_000;
const MAX_CRASHES = 3;


export class TrainerClient {
  private readonly spawn: () => Worker;
  private readonly publish: (state: TrainerState) => void;
  private worker: Worker | null = null;
  private runId = 0;
  private run: RunView = IDLE_RUN;
  private backend: BackendPick | null = null;
  private settings: Settings;
  private key: string;
  /** Epochs per second the worker trains at (0 = full speed); sent again to a restarted worker. */
  private pace: number;
  private frame: number | null = null;
  private crashes: number[] = [];

  constructor(spawn: () => Worker, publish: (state: TrainerState) => void, settings: Settings) {
    this.spawn = spawn;
    this.publish = publish;
    this.settings = settings;
    this.key = runKey(settings);
    this.pace = settings.pace;
    this.worker = this.start();
  }

  /** Train from idle, a pause, or a finished run (which starts over). */
  train(): void {
    if (this.run.status === 'training') return;
    if (this.run.status === 'paused') this.resume('play');
    else this.begin('play');
  }

  /** Train exactly one epoch, then pause. */
  step(): void {
    if (this.run.status === 'training') return;
    if (this.run.status === 'paused') this.resume('step');
    else this.begin('step');
  }

  /** Ask the worker to stop after the epochs under way; the state changes when it confirms. */
  pause(): void {
    if (this.run.status === 'training') this.post({ type: 'pause', runId: this.runId });
  }

  /** Drop the run: epoch 0, empty charts. */
  reset(): void {
    this.runId += 1;
    this.post({ type: 'reset', runId: this.runId });
    this.setRun(IDLE_RUN);
  }

  /**
   * Slow motion for narrating the curves: epochs per second, 0 = full speed. Only the worker's
   * clock changes, so the run under way carries on from the epoch it has reached.
   */
  setPace(epochsPerSecond: number): void {
    if (epochsPerSecond === this.pace) return;
    this.pace = epochsPerSecond;
    this.post({ type: 'pace', epochsPerSecond });
  }

  /** New settings: a run under way (or finished) starts over with them; an idle page stays idle. */
  configure(settings: Settings): void {
    if (settings.backend !== this.settings.backend) this.post({ type: 'init', backend: settings.backend });
    this.settings = settings;
    const key = runKey(settings);
    if (key === this.key) return;
    this.key = key;
    if (this.run.status !== 'idle') this.begin('play');
  }

  dispose(): void {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
    this.worker?.terminate();
    this.worker = null;
    // Any message still in flight belongs to no run now.
    this.runId += 1;
  }

  private begin(mode: 'play' | 'step'): void {
    this.runId += 1;
    this.post({ type: 'prepare', runId: this.runId, settings: this.settings, start: mode });
    this.setRun(STARTED_RUN);
  }

  private resume(mode: 'play' | 'step'): void {
    this.post({ type: mode, runId: this.runId });
    this.setRun({ ...this.run, status: 'training' });
  }

  private post(msg: ToWorker): void {
    this.worker?.postMessage(msg);
  }

  private start(): Worker {
    const worker = this.spawn();
    worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
    worker.onerror = (e: ErrorEvent) => {
      // Handled here: without preventDefault the browser also reports it as an uncaught error.
      e.preventDefault();
      this.crashed(e.message || 'the worker script failed');
    };
    worker.onmessageerror = () => this.crashed('a message from the worker could not be read');
    // Pick the backend at once, so the page says which one runs before the first Train.
    worker.postMessage({ type: 'init', backend: this.settings.backend } satisfies ToWorker);
    if (this.pace > 0) worker.postMessage({ type: 'pace', epochsPerSecond: this.pace } satisfies ToWorker);
    return worker;
  }

  private receive(msg: FromWorker): void {
    if (!isRunMessage(msg)) {
      if (msg.type === 'backend') {
        this.backend = { name: msg.name, reason: msg.reason };
        this.schedule();
      }
      return;
    }
    if (!belongsTo(msg, this.runId)) return;
    if (msg.type === 'error') console.error(`Training failed: ${msg.message}`);
    this.run = applyMessage(this.run, msg);
    this.schedule();
  }

  /** Replace a crashed worker (unless it keeps crashing) and tell the user what happened. */
  private crashed(message: string): void {
    console.error(`The training worker stopped: ${message}`);
    this.worker?.terminate();
    this.worker = null;
    this.runId += 1;
    this.backend = null;
    const now = performance.now();
    this.crashes = this.crashes.filter((t) => now - t < CRASH_WINDOW_MS).concat(now);
    const givingUp = this.crashes.length >= MAX_CRASHES;
    if (!givingUp) this.worker = this.start();
    this.setRun({
      ...this.run,
      status: 'error',
      error: givingUp
        ? `The training worker keeps stopping (${message}). Reload the page to try again.`
        : `The training worker stopped (${message}) and has been restarted. Press Train to run again.`,
    });
  }

  private setRun(run: RunView): void {
    this.run = run;
    this.schedule();
  }

  private schedule(): void {
    if (this.frame !== null) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = null;
      this.publish({ ...this.run, backend: this.backend });
    });
  }
}
