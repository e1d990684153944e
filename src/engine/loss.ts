/**
 * Binary cross-entropy on a sigmoid output, as PyTorch's `BCELoss` computes it, and its gradient
 * with respect to the logits, as PyTorch's autograd computes it through `sigmoid` and `BCELoss`.
 *
 * Written for speed on every backend: labels come as constants prepared once per run, and every op
 * is unary or same-shape (WASM broadcasts a scalar first operand, or compares, slowly).
 */
import * as tf from '@tensorflow/tfjs-core';

/** PyTorch clamps each log term at −100 so a saturated prediction costs 100, not infinity. */
const LOG_FLOOR = -100;
/** PyTorch's binary_cross_entropy_backward divides by max(p·(1−p), 1e-12). */
const BACKWARD_EPS = 1e-12;

/** Labels y [N, rows] (0/1) and two constants derived from them, on the device. */
export interface Labels {
  readonly y: tf.Tensor;
  /** 2y − 1 */
  readonly sign: tf.Tensor;
  /** 1 − y */
  readonly flip: tf.Tensor;
}

export function labels(y: tf.Tensor): Labels {
  return tf.tidy(() => ({ y: tf.keep(tf.clone(y)), sign: tf.keep(tf.sub(tf.mul(y, 2), 1)), flip: tf.keep(tf.neg(tf.sub(y, 1))) }));
}

/**
 * Mean loss per member, −mean[y·log p + (1−y)·log(1−p)] with each log clamped at −100: [N, rows] → [N].
 * For a 0/1 label only one term survives, the log of q = p (y = 1) or 1 − p (y = 0), and
 * q = p·(2y−1) + (1−y) computes exactly those two values.
 */
export function bceMean(p: tf.Tensor, l: Labels): tf.Tensor {
  const q = tf.add(tf.mul(p, l.sign), l.flip);
  return tf.neg(tf.mean(tf.clipByValue(tf.log(q), LOG_FLOOR, Infinity), -1));
}

/**
 * ∂(mean loss)/∂logits for each member: (p − y)/max(p(1−p), ε) · p(1−p) / rows. Equal to the
 * familiar (p − y)/rows except where the sigmoid has saturated to exactly 0 or 1 in float32,
 * where PyTorch's gradient (and so ours) is 0.
 */
export function bceLogitGrad(p: tf.Tensor, l: Labels, rows: number): tf.Tensor {
  const pq = tf.sub(p, tf.square(p));
  const ratio = tf.div(pq, tf.clipByValue(pq, BACKWARD_EPS, Infinity));
  return tf.mul(tf.mul(tf.sub(p, l.y), ratio), 1 / rows);
}

/**
 * Number of rows where the prediction (p > 0.5, as the notebook thresholds) is wrong, per member:
 * [N, rows] -> [N]. A count, not a fraction, so the caller can compute the accuracy in float64 and
 * report 0.865 rather than 0.86500001.
 */
export function wrongCount(p: tf.Tensor, l: Labels): tf.Tensor {
  // step(p − 0.5) is 1 exactly where p > 0.5; a 0/1 prediction is wrong where |pred − y| = 1.
  return tf.sum(tf.abs(tf.sub(tf.step(tf.sub(p, 0.5), 0), l.y)), -1);
}

export function disposeLabels(l: Labels): void {
  tf.dispose([l.y, l.sign, l.flip]);
}
