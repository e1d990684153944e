/**
 * Optimizers as PyTorch 1.13 defines them (`_single_tensor_adam`, `sgd`), applied to the flat
 * vector of every member's parameters. They are elementwise, so every member is updated exactly as
 * if trained alone, and one flat vector costs a handful of device ops per step instead of a
 * handful per parameter tensor. Weight decay is PyTorch's `weight_decay`: wd·θ added to the
 * gradient (L2, not AdamW).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { OptimizerName } from '../state/schema';

export interface OptimizerConfig {
  readonly name: OptimizerName;
  readonly lr: number;
  readonly weightDecay: number;
}

/** Adam's hyper-parameters: PyTorch's defaults (tfjs's epsilon default, 1e-7, is not used). */
export const ADAM = { beta1: 0.9, beta2: 0.999, eps: 1e-8 } as const;
/** The `momentum` optimizer: SGD with momentum 0.9, dampening 0, no Nesterov. */
export const MOMENTUM = 0.9;

export interface Optimizer {
  /** The parameters after one step from `theta` along `grad` (both flat). Call inside a tidy. */
  step(theta: tf.Tensor, grad: tf.Tensor): tf.Tensor;
  dispose(): void;
}

export function createOptimizer(cfg: OptimizerConfig, size: number): Optimizer {
  switch (cfg.name) {
    case 'adam':
      return adam(cfg, size);
    case 'sgd':
      return sgd(cfg, size, 0);
    case 'momentum':
      return sgd(cfg, size, MOMENTUM);
  }
}

function decayed(g: tf.Tensor, theta: tf.Tensor, wd: number): tf.Tensor {
  return wd === 0 ? g : tf.add(g, tf.mul(theta, wd));
}

/** State that survives the step's tidy: the new value is kept, the old one freed. */
class Held {
  value: tf.Tensor;
  constructor(size: number) {
    this.value = tf.keep(tf.zeros([size]));
  }
  replace(next: tf.Tensor): tf.Tensor {
    this.value.dispose();
    this.value = tf.keep(next);
    return next;
  }
}

function adam(cfg: OptimizerConfig, size: number): Optimizer {
  const m = new Held(size);
  const v = new Held(size);
  let t = 0;
  return {
    step(theta, grad) {
      t += 1;
      // Scalars in float64, as PyTorch computes them in Python.
      const stepSize = cfg.lr / (1 - ADAM.beta1 ** t);
      const bc2Sqrt = Math.sqrt(1 - ADAM.beta2 ** t);
      const g = decayed(grad, theta, cfg.weightDecay);
      const mt = m.replace(tf.add(tf.mul(m.value, ADAM.beta1), tf.mul(g, 1 - ADAM.beta1)));
      const vt = v.replace(tf.add(tf.mul(v.value, ADAM.beta2), tf.mul(tf.square(g), 1 - ADAM.beta2)));
      const denom = tf.add(tf.div(tf.sqrt(vt), bc2Sqrt), ADAM.eps);
      return tf.sub(theta, tf.mul(tf.div(mt, denom), stepSize));
    },
    dispose() {
      m.value.dispose();
      v.value.dispose();
    },
  };
}

function sgd(cfg: OptimizerConfig, size: number, momentum: number): Optimizer {
  const buf = momentum > 0 ? new Held(size) : null;
  return {
    step(theta, grad) {
      const g = decayed(grad, theta, cfg.weightDecay);
      // PyTorch starts the buffer at the first gradient: 0.9·0 + g is the same thing.
      const d = buf ? buf.replace(tf.add(tf.mul(buf.value, momentum), g)) : g;
      return tf.sub(theta, tf.mul(d, cfg.lr));
    },
    dispose() {
      buf?.value.dispose();
    },
  };
}
