/**
 * Hidden-layer activations with PyTorch's definitions, each with the derivative the manual
 * backward pass uses. A `Record<Activation, ...>` so a new activation does not compile until it
 * has both halves.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Activation } from '../state/schema';

export interface ActivationFn {
  /** a = f(z), elementwise. */
  readonly forward: (z: tf.Tensor) => tf.Tensor;
  /** df/dz at z, given z and a = f(z) (whichever is cheaper to use). */
  readonly derivative: (z: tf.Tensor, a: tf.Tensor) => tf.Tensor;
  /** Whether `derivative` reads `a` (else it may be given anything). */
  readonly usesOutput: boolean;
  /** PyTorch's name, for the exported script and the UI. */
  readonly torch: string;
}

/** torch.nn.LeakyReLU's default negative slope. */
const LEAKY_SLOPE = 0.01;
const INV_SQRT2 = Math.SQRT1_2;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

export const ACTIVATION_FNS: Record<Activation, ActivationFn> = {
  none: {
    usesOutput: false,
    forward: (z) => z,
    derivative: (z) => tf.onesLike(z),
    torch: 'Identity()',
  },
  relu: {
    usesOutput: false,
    forward: (z) => tf.relu(z),
    // PyTorch's threshold_backward: the gradient passes where z > 0 (not at 0). step(z) is
    // exactly that, and a unary op (comparisons against a scalar are slow on WASM).
    derivative: (z) => tf.step(z, 0),
    torch: 'ReLU()',
  },
  leaky_relu: {
    usesOutput: false,
    forward: (z) => tf.leakyRelu(z, LEAKY_SLOPE),
    derivative: (z) => tf.step(z, LEAKY_SLOPE),
    torch: `LeakyReLU(${LEAKY_SLOPE})`,
  },
  tanh: {
    usesOutput: true,
    forward: (z) => tf.tanh(z),
    derivative: (_z, a) => tf.sub(1, tf.square(a)),
    torch: 'Tanh()',
  },
  sigmoid: {
    usesOutput: true,
    forward: (z) => tf.sigmoid(z),
    derivative: (_z, a) => tf.mul(a, tf.sub(1, a)),
    torch: 'Sigmoid()',
  },
  elu: {
    usesOutput: true,
    // alpha = 1: for z <= 0, f(z) = exp(z) - 1 and f'(z) = f(z) + 1.
    forward: (z) => tf.elu(z),
    // For z > 0, a + 1 > 1; for z <= 0, a + 1 = exp(z) <= 1: so the derivative is min(a + 1, 1).
    derivative: (_z, a) => tf.clipByValue(tf.add(a, 1), 0, 1),
    torch: 'ELU()',
  },
  gelu: {
    usesOutput: false,
    // The exact (erf) form, PyTorch's default: f(z) = z·Φ(z), f'(z) = Φ(z) + z·φ(z).
    forward: (z) => tf.mul(z, normalCdf(z)),
    derivative: (z) => tf.add(normalCdf(z), tf.mul(z, tf.mul(tf.exp(tf.mul(tf.square(z), -0.5)), INV_SQRT_2PI))),
    torch: 'GELU()',
  },
  silu: {
    usesOutput: false,
    // f(z) = z·σ(z), f'(z) = σ(z)·(1 + z·(1 − σ(z))).
    forward: (z) => tf.mul(z, tf.sigmoid(z)),
    derivative: (z) => {
      const s = tf.sigmoid(z);
      return tf.mul(s, tf.add(1, tf.mul(z, tf.sub(1, s))));
    },
    torch: 'SiLU()',
  },
};

function normalCdf(z: tf.Tensor): tf.Tensor {
  return tf.mul(tf.add(1, tf.erf(tf.mul(z, INV_SQRT2))), 0.5);
}
