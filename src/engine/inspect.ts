/**
 * Looking inside one trained network, in plain JavaScript over its parameters (PyTorch layout):
 * the single linear model a network without activations collapses to, its hidden units'
 * activations and dead ReLU units, and its predictions on any rows (a test set, a grid).
 *
 * Pure and small-scale on purpose: it runs in the worker a few times a second on parameters read
 * back from the device, and in the unit tests.
 */
import type { Activation } from '../state/schema';
import type { LayerParams } from './init';

/** erf with |error| < 1.2e-7 (Numerical Recipes' erfc, Chebyshev fit). */
export function erf(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? 1 - r : r - 1;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** The activations as scalar functions, with the same definitions as ACTIVATION_FNS. */
export const ACTIVATION_JS: Record<Activation, (x: number) => number> = {
  none: (x) => x,
  relu: (x) => (x > 0 ? x : 0),
  leaky_relu: (x) => (x > 0 ? x : 0.01 * x),
  tanh: Math.tanh,
  sigmoid,
  elu: (x) => (x > 0 ? x : Math.expm1(x)),
  gelu: (x) => 0.5 * x * (1 + erf(x * Math.SQRT1_2)),
  silu: (x) => x * sigmoid(x),
};

/**
 * Forward pass over `rows` rows of `x` (row-major, d features). Returns each hidden layer's
 * activations (row-major [rows, H]) and the output probabilities.
 */
export function forwardJs(layers: readonly LayerParams[], activation: Activation, x: ArrayLike<number>, rows: number):
  { hidden: Float64Array[]; probabilities: Float64Array } {
  const f = ACTIVATION_JS[activation];
  const hidden: Float64Array[] = [];
  let input: ArrayLike<number> = x;
  for (let l = 0; l < layers.length; l++) {
    const { fanIn, fanOut, weight, bias } = layers[l];
    const out = new Float64Array(rows * fanOut);
    const last = l === layers.length - 1;
    for (let r = 0; r < rows; r++) {
      for (let o = 0; o < fanOut; o++) {
        let s = bias[o];
        for (let i = 0; i < fanIn; i++) s += weight[o * fanIn + i] * input[r * fanIn + i];
        out[r * fanOut + o] = last ? sigmoid(s) : f(s);
      }
    }
    if (last) return { hidden, probabilities: out };
    hidden.push(out);
    input = out;
  }
  throw new Error('a network needs at least one layer');
}

/** The one-layer model a network without activations is: p = σ(w·x + b). */
export interface Collapsed {
  readonly weight: Float64Array;
  readonly bias: number;
}

/**
 * Multiply the layers out: with no activation, W_L(…(W₁x + b₁)…) + b_L = (W_L⋯W₁)x + b, where b
 * is the first bias carried through the later layers plus their own biases.
 */
export function collapseLinear(layers: readonly LayerParams[]): Collapsed {
  let m = Float64Array.from(layers[0].weight); // [out, d]
  let c = Float64Array.from(layers[0].bias);
  const d = layers[0].fanIn;
  for (let l = 1; l < layers.length; l++) {
    const { fanIn, fanOut, weight, bias } = layers[l];
    const nm = new Float64Array(fanOut * d);
    const nc = new Float64Array(fanOut);
    for (let o = 0; o < fanOut; o++) {
      nc[o] = bias[o];
      for (let k = 0; k < fanIn; k++) {
        const w = weight[o * fanIn + k];
        nc[o] += w * c[k];
        for (let j = 0; j < d; j++) nm[o * d + j] += w * m[k * d + j];
      }
    }
    m = nm;
    c = nc;
  }
  return { weight: m, bias: c[0] };
}

/** max |p_network − p_collapsed| over the rows: how exactly the collapse reproduces the network. */
export function collapseError(c: Collapsed, network: ArrayLike<number>, x: ArrayLike<number>, rows: number): number {
  const d = c.weight.length;
  let worst = 0;
  for (let r = 0; r < rows; r++) {
    let s = c.bias;
    for (let j = 0; j < d; j++) s += c.weight[j] * x[r * d + j];
    worst = Math.max(worst, Math.abs(sigmoid(s) - network[r]));
  }
  return worst;
}

export interface HiddenStats {
  /** Bin edges (bins + 1) and counts of every hidden activation of the first hidden layer. */
  readonly edges: number[];
  readonly counts: number[];
  /** Units of the first hidden layer that are 0 on every training row (ReLU only; else null). */
  readonly dead: number | null;
  readonly units: number;
}

/** Histogram of the first hidden layer's activations over the rows, and its dead ReLU units. */
export function hiddenStats(hidden: Float64Array, units: number, activation: Activation, bins = 24): HiddenStats {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of hidden) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(hi > lo)) hi = lo + 1;
  const width = (hi - lo) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const v of hidden) counts[Math.min(bins - 1, Math.floor((v - lo) / width))] += 1;
  const edges = Array.from({ length: bins + 1 }, (_, i) => lo + i * width);
  let dead: number | null = null;
  if (activation === 'relu') {
    dead = 0;
    const rows = hidden.length / units;
    for (let u = 0; u < units; u++) {
      let active = false;
      for (let r = 0; r < rows && !active; r++) active = hidden[r * units + u] > 0;
      if (!active) dead += 1;
    }
  }
  return { edges, counts, dead, units };
}
