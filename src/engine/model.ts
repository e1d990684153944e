/**
 * N networks ("members") of the same shape, trained as one computation.
 *
 * Layout, chosen for speed on every tfjs backend: activations are feature-major, [N, H, rows], and
 * every layer's parameters are one weight tensor W [N, out, in] (PyTorch's own [out, in] layout,
 * members stacked) and one bias b [N, out, 1]. Then
 * - the big product, the first layer, is one plain 2-D product for all members at once,
 *   W₀ reshaped to [N·H, d] times Xᵀ [d, rows]: with a shared input it costs about what one
 *   network's does, and it is the fast path of every backend (no transposes, no broadcasting);
 * - members are contiguous along axis 0, so per-network slices are cheap copies;
 * - sums over rows run along the last axis, the fast reduction.
 * Members never mix: every op is elementwise, a per-member reduction, or a product whose blocks
 * belong to one member, so the gradients (and Adam, which is elementwise) are exactly those of N
 * separately trained networks.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Activation } from '../state/schema';
import { ACTIVATION_FNS } from './activations';
import type { LayerParams } from './init';

/** Which of the two compared networks a member belongs to. */
export type NetworkId = 'a' | 'b';

export interface Member {
  readonly network: NetworkId;
  readonly initSeed: number;
  readonly activation: Activation;
  readonly dropout: number;
}

/** A run of consecutive members with the same activation. */
export interface ActivationGroup {
  readonly start: number;
  readonly size: number;
  readonly activation: Activation;
}

export function activationGroups(members: readonly Member[]): ActivationGroup[] {
  const groups: ActivationGroup[] = [];
  members.forEach((m, i) => {
    const last = groups[groups.length - 1];
    if (last && last.activation === m.activation) groups[groups.length - 1] = { ...last, size: last.size + 1 };
    else groups.push({ start: i, size: 1, activation: m.activation });
  });
  return groups;
}

/**
 * The members' activations, prepared for the device. With two activations (network A's and B's),
 * each is applied to every member and the right one kept by multiplying with a 0/1 selector
 * [N, 1, 1]: a few elementwise ops are much cheaper than slicing and re-joining tensors, and
 * multiplying by exactly 0 or 1 keeps each member's values bit for bit.
 */
export interface Net {
  readonly groups: readonly ActivationGroup[];
  /** One selector per group, or none when every member has the same activation. */
  readonly selectors: readonly tf.Tensor[];
}

export function createNet(members: readonly Member[]): Net {
  const groups = activationGroups(members);
  const selectors = groups.length === 1 ? [] : groups.map((g) =>
    tf.tensor3d(members.map((_, i) => (i >= g.start && i < g.start + g.size ? 1 : 0)), [members.length, 1, 1]));
  return { groups, selectors };
}

export function disposeNet(net: Net): void {
  tf.dispose([...net.selectors]);
}

/** Σ over groups of term × selector; full-shape operands first (WASM broadcasts those fast). */
function select(net: Net, term: (g: ActivationGroup) => tf.Tensor | null): tf.Tensor | null {
  if (net.selectors.length === 0) return term(net.groups[0]);
  const parts = net.groups.map((g, i) => {
    const t = term(g);
    return t ? tf.mul(t, net.selectors[i]) : net.selectors[i];
  });
  parts.sort((a, b) => b.size - a.size);
  return parts.reduce((acc, t) => tf.add(acc, t));
}

function activate(net: Net, z: tf.Tensor): tf.Tensor {
  return select(net, (g) => ACTIVATION_FNS[g.activation].forward(z)) ?? z;
}

/** df/dz for each member, or null where it is 1 everywhere (every member linear). */
function activationSlope(net: Net, z: tf.Tensor, a: tf.Tensor): tf.Tensor | null {
  return select(net, (g) => {
    const fn = ACTIVATION_FNS[g.activation];
    if (g.activation === 'none') return null;
    // With one group `a` is this group's output; with several it is a blend, so recompute.
    const own = fn.usesOutput && net.selectors.length > 0 ? fn.forward(z) : a;
    return fn.derivative(z, own);
  });
}

/** Pack per-member parameters (PyTorch layout) into the batched tensors described above. */
export function packParameters(perMember: readonly LayerParams[][]): tf.Tensor[] {
  const n = perMember.length;
  return perMember[0].flatMap(({ fanIn, fanOut }, l) => {
    const w = new Float32Array(n * fanOut * fanIn);
    const b = new Float32Array(n * fanOut);
    perMember.forEach((layers, m) => {
      w.set(layers[l].weight, m * fanOut * fanIn);
      b.set(layers[l].bias, m * fanOut);
    });
    return [tf.tensor3d(w, [n, fanOut, fanIn]), tf.tensor3d(b, [n, fanOut, 1])];
  });
}

/** Unpack member `m`'s parameters from the batched arrays (as read back from the tensors). */
export function unpackParameters(data: readonly Float32Array[], sizes: readonly number[], m: number): LayerParams[] {
  const layers: LayerParams[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const fanIn = sizes[l];
    const fanOut = sizes[l + 1];
    const weight = data[2 * l].slice(m * fanOut * fanIn, (m + 1) * fanOut * fanIn);
    const bias = data[2 * l + 1].slice(m * fanOut, (m + 1) * fanOut);
    layers.push({ fanIn, fanOut, weight, bias });
  }
  return layers;
}

/** What the backward pass needs from the forward pass, per hidden layer. */
export interface ForwardCache {
  readonly z: tf.Tensor[]; // pre-activations [N, H, rows]
  readonly a: tf.Tensor[]; // activations before dropout [N, H, rows]
  readonly h: tf.Tensor[]; // layer outputs after dropout [N, H, rows]
}

/** The first layer's pre-activation for the input rows, given transposed (`xT` [d, rows]): [N, H, rows]. */
export function firstLayer(xT: tf.Tensor2D, params: readonly tf.Tensor[]): tf.Tensor {
  const [n, h, d] = params[0].shape;
  const z = tf.matMul(tf.reshape(params[0], [n * h, d]), xT);
  return tf.add(tf.reshape(z, [n, h, xT.shape[1]]), params[1]);
}

/**
 * Forward pass from the first layer's pre-activation `z0` ([N, H, rows]) to the logits [N, rows].
 * `masks[l]` ([N, H, rows], already scaled by 1/(1−p)) applies dropout after hidden layer l; pass
 * null for evaluation.
 */
export function forwardFrom(z0: tf.Tensor, params: readonly tf.Tensor[], net: Net,
  masks: readonly tf.Tensor[] | null): { logits: tf.Tensor; cache: ForwardCache } {
  const nLayers = params.length / 2;
  const cache: ForwardCache = { z: [], a: [], h: [] };
  let z = z0;
  for (let l = 1; l < nLayers; l++) {
    const a = activate(net, z);
    const h = masks ? tf.mul(a, masks[l - 1]) : a;
    cache.z.push(z);
    cache.a.push(a);
    cache.h.push(h);
    z = tf.add(tf.matMul(params[2 * l], h), params[2 * l + 1]);
  }
  const [n, , rows] = z.shape;
  return { logits: tf.reshape(z, [n, rows]), cache };
}

/**
 * Backward pass: gradients of Σₙ lossₙ with respect to every parameter tensor, given
 * g = ∂loss/∂logits [N, rows], the input rows `x` [rows, d] and the cache of the training
 * forward pass.
 */
export function backward(g: tf.Tensor, x: tf.Tensor2D, params: readonly tf.Tensor[], cache: ForwardCache,
  net: Net, masks: readonly tf.Tensor[] | null): tf.Tensor[] {
  const nLayers = params.length / 2;
  const grads: tf.Tensor[] = new Array<tf.Tensor>(params.length);
  const [n, rows] = g.shape;
  let dz = tf.reshape(g, [n, 1, rows]);
  for (let l = nLayers - 1; l >= 0; l--) {
    grads[2 * l + 1] = tf.sum(dz, -1, true);
    if (l === 0) {
      const [, h, d] = params[0].shape;
      grads[0] = tf.reshape(tf.matMul(tf.reshape(dz, [n * h, rows]), x), [n, h, d]);
      break;
    }
    grads[2 * l] = tf.matMul(dz, cache.h[l - 1], false, true);
    const w = params[2 * l];
    const [, out, fanIn] = w.shape as [number, number, number];
    // The output layer (out = 1): Wᵀ·dz is an outer product, cheaper as a broadcast multiply.
    const dh = out === 1 ? tf.mul(tf.reshape(w, [n, fanIn, 1]), dz) : tf.matMul(w, dz, true, false);
    const da = masks ? tf.mul(dh, masks[l - 1]) : dh;
    const slope = activationSlope(net, cache.z[l - 1], cache.a[l - 1]);
    dz = slope ? tf.mul(da, slope) : da;
  }
  return grads;
}
