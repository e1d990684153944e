/**
 * What the worker does, as a plain class the unit tests drive in Node: it owns at most one run,
 * trains it in chunks of epochs, and posts records. The worker entry only forwards messages here.
 *
 * Messages are handled one at a time in arrival order (preparing a run awaits the backend), while
 * training proceeds in a loop that yields to the event loop between chunks so that a pause, a
 * reset or new settings are seen within one chunk.
 */
import * as tf from '@tensorflow/tfjs-core';
import { dataKey, prepareData } from '../data/fromSettings';
import { trainSpec } from '../engine/experiment';
import { Trainer } from '../engine/trainer';
import { planeView, takeSnapshot, type PlaneView } from '../engine/snapshot';
import type { PreparedData } from '../data/fromSettings';
import type { BackendChoice, Settings } from '../state/schema';
import { assertNever, type BackendName, type BackendPick, type FromWorker, type RunInfo, type StartMode, type ToWorker } from './protocol';
import type { WebGLProbe } from './webglProbe';

export interface SessionHost {
  post(msg: FromWorker): void;
  /** Make `choice` the active tfjs backend; for 'auto' a first pick that `settleAuto` may revise. */
  selectBackend(choice: BackendChoice): Promise<BackendPick>;
  /** Whether WebGL works here, and on what renderer; answered off this thread (asked when idle). */
  probeGpu(): Promise<WebGLProbe>;
  /**
   * 'auto' given the probe's answer, while nothing trains: the backend later runs should use (with
   * `current` left active), or null to keep `current` as it is.
   */
  settleAuto(gl: WebGLProbe, current: BackendName): Promise<BackendPick | null>;
  /** Make a pick of settleAuto the active backend (or the next that works). */
  switchBackend(pick: BackendPick): Promise<BackendPick>;
  /** The active backend `lost` is gone for good: make the next one that works active. `why` starts the reason. */
  fallBack(lost: BackendName, why: string): Promise<BackendPick>;
  /** Let other messages in: resolves on a later macrotask. */
  yieldNow(): Promise<void>;
  sleep(ms: number): Promise<void>;
  now(): number;
}

/** Aim for one read-back (and one chart update) every ~40 ms of training. */
const CHUNK_MS = 40;
const MAX_CHUNK = 25;
/** Teaching-panel snapshots while training: at most this often (they cost a few ms each). */
const SNAPSHOT_MS = 500;

interface Run {
  readonly id: number;
  readonly settings: Settings;
  readonly trainer: Trainer;
  readonly data: PreparedData;
  readonly view: PlaneView;
  lastSnapshot: number;
  playing: boolean;
  /** Epochs left before pausing by itself (a Step sets 1). */
  stepsLeft: number;
  chunk: number;
  trainMs: number;
  /** Whether a training loop runs for this run (set and cleared synchronously). */
  looping: boolean;
  /** That loop's promise, so a retired run's cleanup can be awaited. */
  loop: Promise<void> | null;
  retired: boolean;
  /** Epochs whose records the page has. */
  posted: number;
  /** The page has been told the run ended ('done' or 'diverged'). */
  ended: boolean;
  /** Epochs to retrain without posting them: the page has them from before a lost device. */
  replayTo: number;
}

export class Session {
  private run: Run | null = null;
  private pace = 0;
  private backend: { choice: BackendChoice; name: BackendName } | null = null;
  /**
   * 'auto' starts on WASM and looks at the GPU when nothing trains: the probe's answer, whether
   * the pick is final, whether a settle step is queued, and a faster backend to move to before the
   * next run is built.
   */
  private readonly gpu: { asked: boolean; found: WebGLProbe | null } = { asked: false, found: null };
  private settled = true;
  private settleQueued = false;
  private nextBackend: BackendPick | null = null;
  private queue: Promise<void> = Promise.resolve();
  /** Messages queued and not yet handled. */
  private waiting = 0;
  /** Loops of retired runs that are finishing their chunk (they dispose their run when done). */
  private readonly draining = new Set<Promise<void>>();
  /** The last data set built, reused while only the networks' settings change (~50–100 ms each). */
  private data: { key: string; data: PreparedData; view: PlaneView; dataMs: number; used: boolean } | null = null;
  private readonly host: SessionHost;

  constructor(host: SessionHost) {
    this.host = host;
  }

  /** Queue a message; handled after every earlier one. */
  handle(msg: ToWorker): Promise<void> {
    // The data needs no backend: generated now, it overlaps the WASM binary's download and
    // compilation when the page opens (the backend's start awaits them, leaving this thread idle).
    // The run is still built in order; an error here is reported when it is.
    if (msg.type === 'prepare') {
      try {
        this.dataFor(msg.settings);
      } catch {
        // Reported by prepare.
      }
    }
    this.waiting += 1;
    this.queue = this.queue.then(() => this.dispatch(msg)).catch((e: unknown) => this.fail(runIdOf(msg), e)).finally(() => {
      this.waiting -= 1;
      // Idle now (nothing queued, nothing training): a good moment to look at the GPU.
      if (this.waiting === 0) this.settleWhenIdle();
    });
    return this.queue;
  }

  private async dispatch(msg: ToWorker): Promise<void> {
    switch (msg.type) {
      case 'init':
        return this.ensureBackend(msg.backend);
      case 'prepare':
        return this.prepare(msg.runId, msg.settings, msg.start);
      case 'play':
        return this.play(msg.runId, Infinity);
      case 'step':
        return this.play(msg.runId, 1);
      case 'pause':
        if (this.run?.id === msg.runId) this.run.playing = false;
        return;
      case 'reset':
        this.retire();
        return;
      case 'pace':
        this.pace = Math.max(0, msg.epochsPerSecond);
        return;
      case 'memory':
        // Count after retired runs have finished their last chunk and freed their tensors.
        await Promise.all(this.draining);
        this.draining.clear();
        this.host.post({ type: 'memory', numTensors: tf.memory().numTensors });
        return;
      default:
        assertNever(msg);
    }
  }

  private async prepare(runId: number, settings: Settings, start: StartMode): Promise<void> {
    this.retire();
    if (this.nextBackend && settings.backend === 'auto') await this.switchToNext();
    await this.ensureBackend(settings.backend);
    const { run, info } = this.build(runId, settings);
    this.run = run;
    this.host.post({ type: 'ready', runId, info });
    if (start === null) return this.snapshot(run);
    // A run that trains at once gets its first snapshot SNAPSHOT_MS into training, or when it
    // stops: one at epoch 0 would hold its first epochs back by its cost (docs/performance.md).
    run.lastSnapshot = this.host.now();
    return this.play(runId, start === 'play' ? Infinity : 1);
  }

  /** The run's data: generated, or the last data set if these settings generate the same one. */
  private dataFor(settings: Settings): { data: PreparedData; view: PlaneView; dataMs: number; used: boolean } {
    const key = dataKey(settings);
    if (this.data?.key !== key) {
      const t0 = this.host.now();
      const data = prepareData(settings);
      const dataMs = this.host.now() - t0;
      this.data = { key, data, view: planeView(data), dataMs, used: false };
    }
    return this.data;
  }

  /** The data and the networks of a run, on the active backend, at epoch 0. */
  private build(runId: number, settings: Settings): { run: Run; info: RunInfo } {
    const cached = this.dataFor(settings);
    const { data, view } = cached;
    // Generated for this run (maybe as its prepare arrived), or reused from an earlier one (null).
    const dataMs = cached.used ? null : cached.dataMs;
    cached.used = true;
    const spec = trainSpec(settings, data.nFeatures);
    const trainer = new Trainer(data, spec);
    const run: Run = {
      id: runId, settings, trainer, data, view, lastSnapshot: 0, playing: false, stepsLeft: 0, chunk: 1, trainMs: 0,
      looping: false, loop: null, retired: false, posted: 0, ended: false, replayTo: 0,
    };
    const info: RunInfo = {
      nTrain: data.yTrain.length, nTest: data.yTest.length, nFeatures: data.nFeatures, epochs: spec.epochs,
      sizes: [...spec.sizes], members: [...spec.members], dataMs, view,
    };
    return { run, info };
  }

  /**
   * The active backend's device is gone (a lost WebGL context). Its tensors went with it and a
   * read from it never finishes, so the run is rebuilt on the next backend that works and first
   * retrains, unseen, the epochs the page already has; then it carries on (or waits, if paused).
   * Handled at once, not queued: an earlier message may be waiting on one of those reads.
   */
  backendLost(lost: BackendName): void {
    this.queue = this.recover(lost).catch((e: unknown) => this.fail(this.run?.id ?? null, e));
  }

  private async recover(lost: BackendName): Promise<void> {
    const old = this.run;
    // Retiring stops the run: remember whether it was training, and for how many more epochs.
    const resume = old?.playing ? old.stepsLeft : 0;
    if (old) {
      this.retire();
      // Now, while the backend still exists: the run's loop may never come back to do it.
      old.trainer.dispose();
    }
    // Loops waiting on the lost device never finish: a memory count must not wait for them.
    this.draining.clear();
    const at = old ? ` at epoch ${old.posted}` : '';
    const picked = await this.host.fallBack(lost, `the ${lost === 'webgl' ? 'WebGL' : lost} context was lost${at}`);
    this.backend = { choice: this.backend?.choice ?? 'auto', name: picked.name };
    // The device that was lost is not tried again: nothing is left to settle.
    this.settled = true;
    this.nextBackend = null;
    this.host.post({ type: 'backend', ...picked });
    if (!old || old.ended || this.run !== null) return;
    const { run } = this.build(old.id, old.settings);
    Object.assign(run, { replayTo: old.posted, posted: old.posted, trainMs: old.trainMs, chunk: old.chunk });
    this.run = run;
    if (resume > 0) await this.play(run.id, resume);
  }

  private async ensureBackend(choice: BackendChoice): Promise<void> {
    if (this.backend?.choice === choice) return;
    const picked = await this.host.selectBackend(choice);
    this.backend = { choice, name: picked.name };
    this.host.post({ type: 'backend', ...picked });
    this.nextBackend = null;
    this.settled = choice !== 'auto';
  }

  /**
   * Settle 'auto' (see SessionHost.settleAuto) unless a run trains: ask the GPU probe (once), and
   * when it has answered, queue the settling.
   */
  private settleWhenIdle(): void {
    if (this.settled || this.settleQueued || this.waiting > 0 || this.run?.looping) return;
    if (!this.gpu.asked) {
      this.gpu.asked = true;
      void this.host.probeGpu().catch((): WebGLProbe => ({ ok: false })).then((found) => {
        this.gpu.found = found;
        this.settleWhenIdle();
      });
      return;
    }
    if (this.gpu.found === null) return;
    this.settleQueued = true;
    // A GPU check that fails is no run's error: the backend in use stays, as the page was told.
    this.queue = this.queue.then(() => this.settle()).catch(() => {
      this.settled = true;
    });
  }

  private async settle(): Promise<void> {
    this.settleQueued = false;
    const backend = this.backend;
    // A run that started since: its loop calls settleWhenIdle again when it stops.
    const gl = this.gpu.found;
    if (this.settled || !gl || backend?.choice !== 'auto' || this.run?.looping) return;
    const pick = await this.host.settleAuto(gl, backend.name);
    this.settled = true;
    if (!pick) return;
    if (pick.name === backend.name) {
      this.host.post({ type: 'backend', ...pick });
      return;
    }
    this.nextBackend = pick;
    // A run that may resume keeps its tensors where they are: the move waits for the next run.
    if (!this.run || this.run.ended) await this.switchToNext();
  }

  private async switchToNext(): Promise<void> {
    const pick = this.nextBackend;
    if (!pick) return;
    this.nextBackend = null;
    const picked = await this.host.switchBackend(pick);
    this.backend = { choice: 'auto', name: picked.name };
    this.host.post({ type: 'backend', ...picked });
  }

  /** Post what the teaching panels show for the run as it is now. */
  private async snapshot(run: Run): Promise<void> {
    run.lastSnapshot = this.host.now();
    const snapshot = await takeSnapshot(run.trainer, run.data, run.view);
    if (this.run === run && !run.retired) this.host.post({ type: 'snapshot', runId: run.id, snapshot });
  }

  private async play(runId: number, steps: number): Promise<void> {
    const run = this.run;
    if (!run || run.id !== runId || run.trainer.finished) return;
    run.playing = true;
    run.stepsLeft = steps;
    // Not awaited: the loop runs alongside later messages (that is how a pause gets in).
    if (run.looping) return;
    run.looping = true;
    run.loop = this.loop(run).catch((e: unknown) => (run.retired ? undefined : this.fail(run.id, e)));
  }

  private async loop(run: Run): Promise<void> {
    try {
      await this.train(run);
    } finally {
      run.looping = false;
      if (run.retired) run.trainer.dispose();
      this.settleWhenIdle();
    }
  }

  private async train(run: Run): Promise<void> {
    while (this.run === run && run.playing && !run.trainer.finished) {
      // Epochs the page already has (see backendLost) are retrained first, neither posted nor counted.
      const behind = run.replayTo - run.trainer.epochsDone;
      const n = behind > 0 ? Math.min(run.chunk, behind) : this.pace > 0 ? 1 : Math.min(run.chunk, run.stepsLeft);
      const t0 = this.host.now();
      const { records, diverged } = await run.trainer.train(n);
      const ms = this.host.now() - t0;
      if (run.retired) return;
      run.trainMs += ms;
      // The first chunk is one epoch so the first point appears at once; then aim for CHUNK_MS.
      run.chunk = Math.max(1, Math.min(MAX_CHUNK, Math.round((CHUNK_MS * n) / Math.max(ms, 1e-3))));
      if (behind > 0 && !diverged && !run.trainer.finished) {
        await this.host.yieldNow();
        continue;
      }
      if (behind <= 0 && records.length > 0) {
        this.host.post({ type: 'epochs', runId: run.id, records });
        run.posted += records.length;
      }
      if (diverged) {
        run.ended = true;
        this.host.post({ type: 'diverged', runId: run.id, divergence: diverged });
        run.playing = false;
        await this.snapshot(run);
        return;
      }
      if (behind <= 0) run.stepsLeft -= n;
      if (run.trainer.finished) {
        const final = await run.trainer.evaluate();
        if (run.retired) return;
        run.ended = true;
        // Results first: the last snapshot (a few ms of work) must not delay them.
        this.host.post({ type: 'done', runId: run.id, final, trainMs: run.trainMs });
        await this.snapshot(run);
        return;
      }
      if (run.stepsLeft <= 0) run.playing = false;
      if (!run.playing || this.host.now() - run.lastSnapshot >= SNAPSHOT_MS) await this.snapshot(run);
      if (run.retired) return;
      if (this.pace > 0) await this.host.sleep(Math.max(0, 1000 / this.pace - ms));
      else await this.host.yieldNow();
    }
    if (this.run === run && !run.playing) this.host.post({ type: 'paused', runId: run.id, epoch: run.trainer.epochsDone });
  }

  /** Drop the current run; its tensors are freed now, or by its loop once the chunk under way ends. */
  private retire(): void {
    const run = this.run;
    if (!run) return;
    this.run = null;
    run.retired = true;
    run.playing = false;
    if (run.looping && run.loop) this.draining.add(run.loop);
    else run.trainer.dispose();
  }

  private fail(runId: number | null, e: unknown): void {
    if (runId !== null && this.run?.id === runId) this.retire();
    this.host.post({ type: 'error', runId, message: e instanceof Error ? e.message : String(e) });
  }
}

function runIdOf(msg: ToWorker): number | null {
  return 'runId' in msg ? msg.runId : null;
}
