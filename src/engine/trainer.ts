/**
 * The training loop: N members trained as one computation, epoch by epoch, with their metrics kept
 * on the device and read back a chunk of epochs at a time.
 */
import * as tf from '@tensorflow/tfjs-core';
import { RandomState } from '../data/randomState';
import { bceLogitGrad, bceMean, disposeLabels, labels, wrongCount, type Labels } from './loss';
import { drawParameters, type LayerParams } from './init';
import type { Member } from './model';
import { BatchModel } from './batch';
import { createOptimizer, type Optimizer, type OptimizerConfig } from './optimizers';
import { dropoutMasks } from './dropout';

/** A train/test split ready for training: float32 features row-major, labels 0/1. */
export interface TrainingData {
  readonly nFeatures: number;
  readonly xTrain: Float32Array;
  readonly yTrain: Float32Array;
  readonly xTest: Float32Array;
  readonly yTest: Float32Array;
}

export interface TrainSpec {
  /** [inputs, hidden..., 1] */
  readonly sizes: readonly number[];
  readonly members: readonly Member[];
  readonly optimizer: OptimizerConfig;
  readonly epochs: number;
  /** Mini-batch size; 0 (or ≥ the training set) is full batch. */
  readonly batchSize: number;
  /** Seed of the generator that orders mini-batches (shared by all members). */
  readonly shuffleSeed: number;
}

/**
 * One epoch's metrics, indexed by member. `trainLoss` is the loss whose gradient the epoch's update
 * used (with dropout active; for mini-batches the size-weighted mean of the batch losses).
 * `testLoss`, `trainAccuracy` and `testAccuracy` are measured in evaluation mode (no dropout) with
 * the parameters at the start of the epoch, i.e. before its update, as the notebook prints them.
 */
export interface EpochRecord {
  readonly epoch: number;
  readonly trainLoss: number[];
  readonly testLoss: number[];
  readonly trainAccuracy: number[];
  readonly testAccuracy: number[];
}

/** Metrics after the last update, in evaluation mode: what the notebook reports. */
export interface FinalMetrics {
  readonly trainLoss: number[];
  readonly testLoss: number[];
  readonly trainAccuracy: number[];
  readonly testAccuracy: number[];
}

/**
 * The first epoch at which a run blew up, and the members it happened to. `nonFinite`: the loss
 * became NaN or infinite. `exploded`: the training loss rose above EXPLOSION × its starting value
 * (at least ln 2, a coin flip's loss). With PyTorch's BCELoss, whose logs are clamped at −100, a
 * too-large step usually saturates the sigmoid instead of reaching infinity: the loss jumps to
 * tens and the gradient vanishes, so the run is as dead as a NaN one.
 */
export interface Divergence {
  readonly epoch: number;
  readonly members: number[];
  readonly reason: 'nonFinite' | 'exploded';
  /** The offending training loss of the first member named (NaN for nonFinite). */
  readonly loss: number;
}

/** How many times its starting loss a training loss may reach before the run counts as exploded. */
export const EXPLOSION = 10;

export interface ChunkResult {
  readonly records: EpochRecord[];
  readonly diverged: Divergence | null;
}

/**
 * The data on the device. Inputs are shared by all members: transposed [d, rows] for the forward
 * product, and (training rows only) as given [rows, d] for the weight gradient. Labels are tiled
 * to [N, rows] so every loss op is same-shape.
 */
interface DeviceData {
  readonly xTrain: tf.Tensor2D;
  readonly xTrainT: tf.Tensor2D;
  readonly xTestT: tf.Tensor2D;
  readonly yTrain: Labels;
  readonly yTest: Labels;
}

export class Trainer {
  readonly spec: TrainSpec;
  private readonly data: DeviceData;
  private readonly model: BatchModel;
  private readonly rngs: RandomState[];
  private readonly shuffler: RandomState;
  private readonly nTrain: number;
  private readonly nTest: number;
  /** Every parameter of every member as one flat vector (one optimizer step updates them all). */
  private theta: tf.Tensor;
  private readonly opt: Optimizer;
  private epoch = 0;
  private divergence: Divergence | null = null;
  /** Each member's epoch-0 training loss, at least ln 2: the yardstick for an explosion. */
  private startLoss: number[] = [];
  private disposed = false;

  constructor(data: TrainingData, spec: TrainSpec) {
    this.spec = spec;
    const d = data.nFeatures;
    const n = spec.members.length;
    this.nTrain = data.yTrain.length;
    this.nTest = data.yTest.length;
    const xTrain = tf.tensor2d(data.xTrain, [this.nTrain, d]);
    const tiledLabels = (y: Float32Array): Labels => {
      const tiled = tf.tidy(() => tf.tile(tf.tensor2d(y, [1, y.length]), [n, 1]));
      const out = labels(tiled);
      tiled.dispose();
      return out;
    };
    this.data = {
      xTrain,
      xTrainT: tf.transpose(xTrain),
      xTestT: tf.tidy(() => tf.transpose(tf.tensor2d(data.xTest, [this.nTest, d]))),
      yTrain: tiledLabels(data.yTrain),
      yTest: tiledLabels(data.yTest),
    };
    this.model = new BatchModel(spec.members, spec.sizes);
    this.rngs = spec.members.map((m) => new RandomState(m.initSeed));
    this.theta = this.model.pack(this.rngs.map((rs) => drawParameters(rs, spec.sizes)));
    this.opt = createOptimizer(spec.optimizer, this.theta.size);
    this.shuffler = new RandomState(spec.shuffleSeed);
  }

  get epochsDone(): number {
    return this.epoch;
  }

  get finished(): boolean {
    return this.epoch >= this.spec.epochs || this.divergence !== null;
  }

  get diverged(): Divergence | null {
    return this.divergence;
  }

  /**
   * Train up to `count` more epochs (never past `spec.epochs`) and return their records. The
   * epochs run back to back on the device; their metrics are read back once, at the end. A run
   * whose loss stops being finite ends at that epoch: its record and later ones are dropped.
   */
  async train(count: number): Promise<ChunkResult> {
    this.assertLive();
    const n = Math.min(count, this.spec.epochs - this.epoch);
    if (n <= 0 || this.divergence) return { records: [], diverged: this.divergence };
    const pending: tf.Tensor[] = [];
    for (let i = 0; i < n; i++) pending.push(this.step());
    const first = this.epoch - n;
    const flat = tf.stack(pending);
    tf.dispose(pending);
    const values = (await flat.data()) as Float32Array;
    flat.dispose();
    const records = this.toRecords(values, first, n);
    if (first === 0) this.startLoss = records[0].trainLoss.map((l) => Math.max(l, Math.LN2));
    const bad = records.findIndex((r) => this.blownUp(r).length > 0);
    if (bad >= 0) {
      const r = records[bad];
      const members = this.blownUp(r);
      const nonFinite = members.some((m) => !Number.isFinite(r.trainLoss[m]) || !Number.isFinite(r.testLoss[m]));
      this.divergence = { epoch: r.epoch, members, reason: nonFinite ? 'nonFinite' : 'exploded', loss: r.trainLoss[members[0]] };
      return { records: records.slice(0, bad), diverged: this.divergence };
    }
    return { records, diverged: null };
  }

  /** Members whose loss in this record is not finite or has exploded. */
  private blownUp(r: EpochRecord): number[] {
    return r.trainLoss.map((_, m) => m).filter((m) => !Number.isFinite(r.trainLoss[m]) || !Number.isFinite(r.testLoss[m]) ||
      r.trainLoss[m] > EXPLOSION * this.startLoss[m]);
  }

  /** One epoch; returns its metrics [4, N] (kept on the device) and updates the parameters. */
  private step(): tf.Tensor {
    const full = this.spec.batchSize <= 0 || this.spec.batchSize >= this.nTrain;
    const result = tf.tidy(() => (full ? this.fullBatchEpoch() : this.miniBatchEpoch()));
    this.theta.dispose();
    this.theta = result.theta;
    this.epoch += 1;
    return result.metrics;
  }

  /** Dropout masks for `rows` rows, per group of the model (null where no member drops out). */
  private masks(rows: number): (tf.Tensor[] | null)[] | null {
    const masks = this.model.groups.map((g) =>
      g.net ? dropoutMasks(g.members.map((i) => this.spec.members[i]), g.members.map((i) => this.rngs[i]), rows, this.spec.sizes) : null);
    return masks.some((m) => m !== null) ? masks : null;
  }

  /** Forward, loss and one optimizer step on the rows `x` ([rows, d]; `xT` its transpose). */
  private update(theta: tf.Tensor, x: tf.Tensor2D, xT: tf.Tensor2D, y: Labels) {
    const params = this.model.unflatten(theta);
    const rows = x.shape[0];
    const masks = this.masks(rows);
    const pass = this.model.forward(params, xT, masks);
    const p = tf.sigmoid(pass.logits);
    const grad = this.model.backward(params, bceLogitGrad(p, y, rows), x, pass, masks);
    return { next: this.opt.step(theta, grad), loss: bceMean(p, y), p, dropout: masks !== null, params };
  }

  private fullBatchEpoch(): { theta: tf.Tensor; metrics: tf.Tensor } {
    const { xTrain, xTrainT, xTestT, yTrain, yTest } = this.data;
    const u = this.update(this.theta, xTrain, xTrainT, yTrain);
    // Without dropout the training pass already is the evaluation pass: reuse it.
    const pEval = u.dropout ? this.probabilities(u.params, xTrainT) : u.p;
    const [testLoss, testWrong] = this.evaluateOn(u.params, xTestT, yTest);
    const metrics = tf.stack([u.loss, testLoss, wrongCount(pEval, yTrain), testWrong]);
    return { theta: tf.keep(u.next), metrics: tf.keep(metrics) };
  }

  private miniBatchEpoch(): { theta: tf.Tensor; metrics: tf.Tensor } {
    const params = this.model.unflatten(this.theta);
    const [, trainWrong] = this.evaluateOn(params, this.data.xTrainT, this.data.yTrain);
    const [testLoss, testWrong] = this.evaluateOn(params, this.data.xTestT, this.data.yTest);
    const order = this.shuffler.permutation(this.nTrain);
    let theta = this.theta;
    let lossSum: tf.Tensor = tf.zeros([this.spec.members.length]);
    for (let start = 0; start < this.nTrain; start += this.spec.batchSize) {
      const idx = tf.tensor1d(order.slice(start, start + this.spec.batchSize), 'int32');
      const xb = tf.gather(this.data.xTrain, idx);
      const yb = labels(tf.gather(this.data.yTrain.y, idx, 1));
      const u = this.update(theta, xb, tf.transpose(xb), yb);
      disposeLabels(yb);
      lossSum = tf.add(lossSum, tf.mul(u.loss, idx.shape[0]));
      theta = u.next;
    }
    const metrics = tf.stack([tf.div(lossSum, this.nTrain), testLoss, trainWrong, testWrong]);
    return { theta: tf.keep(theta), metrics: tf.keep(metrics) };
  }

  /** P(class 1) [N, rows] (group order) in evaluation mode. */
  private probabilities(params: tf.Tensor[][], xT: tf.Tensor2D): tf.Tensor {
    return tf.sigmoid(this.model.forward(params, xT, null).logits);
  }

  /** [mean loss, wrong count] per member (group order) on (xT, y), in evaluation mode. */
  private evaluateOn(params: tf.Tensor[][], xT: tf.Tensor2D, y: Labels): [tf.Tensor, tf.Tensor] {
    const p = this.probabilities(params, xT);
    return [bceMean(p, y), wrongCount(p, y)];
  }

  /** Loss and accuracy on both splits with the current parameters (after the last update). */
  async evaluate(): Promise<FinalMetrics> {
    this.assertLive();
    const flat = tf.tidy(() => {
      const params = this.model.unflatten(this.theta);
      const [trainLoss, trainWrong] = this.evaluateOn(params, this.data.xTrainT, this.data.yTrain);
      const [testLoss, testWrong] = this.evaluateOn(params, this.data.xTestT, this.data.yTest);
      return tf.stack([trainLoss, testLoss, trainWrong, testWrong]);
    });
    const v = (await flat.data()) as Float32Array;
    flat.dispose();
    const r = this.toRecords(v, 0, 1)[0];
    return { trainLoss: r.trainLoss, testLoss: r.testLoss, trainAccuracy: r.trainAccuracy, testAccuracy: r.testAccuracy };
  }

  /** Every member's current parameters in PyTorch's layout (copies). */
  async parameters(): Promise<LayerParams[][]> {
    this.assertLive();
    return this.model.unpack(Float32Array.from((await this.theta.data()) as Float32Array));
  }

  /** Probabilities of every member for arbitrary rows (e.g. a grid for decision regions): [N, rows]. */
  async predict(x: Float32Array, rows: number): Promise<Float32Array> {
    this.assertLive();
    const out = tf.tidy(() => this.probabilities(this.model.unflatten(this.theta), tf.transpose(tf.tensor2d(x, [rows, this.spec.sizes[0]]))));
    const v = (await out.data()) as Float32Array;
    out.dispose();
    // Group order -> member order.
    const result = new Float32Array(v.length);
    this.model.order.forEach((member, k) => result.set(v.subarray(k * rows, (k + 1) * rows), member * rows));
    return result;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.theta.dispose();
    const { xTrain, xTrainT, xTestT, yTrain, yTest } = this.data;
    tf.dispose([xTrain, xTrainT, xTestT]);
    disposeLabels(yTrain);
    disposeLabels(yTest);
    this.model.dispose();
    this.opt.dispose();
  }

  private assertLive(): void {
    if (this.disposed) throw new Error('this training run has been disposed');
  }

  /** Metrics laid out [epoch][loss, loss, wrong, wrong][member] -> records with accuracies. */
  private toRecords(v: Float32Array, firstEpoch: number, epochs: number): EpochRecord[] {
    const n = this.spec.members.length;
    // The device computes members in the model's group order; records are in member order.
    const row = (e: number, k: number) => {
      const out = new Array<number>(n);
      this.model.order.forEach((member, j) => (out[member] = v[(e * 4 + k) * n + j]));
      return out;
    };
    const accuracy = (wrong: number[], rows: number) => wrong.map((w) => (rows - w) / rows);
    return Array.from({ length: epochs }, (_, e) => ({
      epoch: firstEpoch + e,
      trainLoss: row(e, 0),
      testLoss: row(e, 1),
      trainAccuracy: accuracy(row(e, 2), this.nTrain),
      testAccuracy: accuracy(row(e, 3), this.nTest),
    }));
  }
}
