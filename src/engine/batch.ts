/**
 * All members of a run as one model on the device: the forward and backward passes of every
 * member, with every parameter in one flat vector.
 *
 * Members are computed in groups. A member with no activation, one hidden layer and no dropout is
 * one linear model (the lesson this app teaches): logits = (w₂W₁)·x + (w₂b₁ + b₂). Its group is
 * computed in that order, which needs a 1×d product per row instead of H×d — the same parameters
 * and, up to float32 rounding, the same gradients, at a fraction of the cost. Every other member
 * goes through the general batched path of model.ts. Groups hold members in their original order
 * (every seed of A, then every seed of B), so the group order is the member order, or a rotation
 * of it when only B is linear; `order` maps back.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { LayerParams } from './init';
import { backward, createNet, disposeNet, firstLayer, forwardFrom, packParameters, unpackParameters, type ForwardCache, type Member, type Net } from './model';

interface Group {
  /** Member indices, ascending. */
  readonly members: number[];
  /** null for a linear group (computed collapsed). */
  readonly net: Net | null;
  /** Shapes of this group's parameter tensors: per layer W [n, out, in], b [n, out, 1]. */
  readonly shapes: number[][];
}

export interface Pass {
  /** Logits [N, rows], members in group order. */
  readonly logits: tf.Tensor;
  /** Per group: the general path's cache (null for a linear group). */
  readonly caches: (ForwardCache | null)[];
}

const collapsible = (m: Member, hiddenLayers: number) => m.activation === 'none' && hiddenLayers === 1 && m.dropout === 0;
const sizeOf = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

export class BatchModel {
  readonly groups: Group[];
  /** order[k]: the member index of row k in group order. */
  readonly order: number[];
  private readonly sizes: readonly number[];

  constructor(members: readonly Member[], sizes: readonly number[]) {
    this.sizes = sizes;
    const linear = members.map((m) => collapsible(m, sizes.length - 2));
    const shapes = (n: number) => sizes.slice(1).flatMap((out, l) => [[n, out, sizes[l]], [n, out, 1]]);
    const all = members.map((_, i) => i);
    const linearMembers = all.filter((i) => linear[i]);
    const general = all.filter((i) => !linear[i]);
    this.groups = [];
    if (linearMembers.length > 0) this.groups.push({ members: linearMembers, net: null, shapes: shapes(linearMembers.length) });
    if (general.length > 0) this.groups.push({ members: general, net: createNet(general.map((i) => members[i])), shapes: shapes(general.length) });
    this.order = this.groups.flatMap((g) => g.members);
  }

  /** The flat parameter vector from each member's initial parameters (member order). */
  pack(perMember: readonly LayerParams[][]): tf.Tensor {
    return tf.tidy(() => tf.concat(this.groups.flatMap((g) => packParameters(g.members.map((i) => perMember[i])).map((t) => tf.reshape(t, [-1])))));
  }

  /** Each group's parameter tensors, as views of the flat vector. */
  unflatten(theta: tf.Tensor): tf.Tensor[][] {
    const shapes = this.groups.flatMap((g) => g.shapes);
    const parts = tf.split(theta, shapes.map(sizeOf)).map((t, i) => tf.reshape(t, shapes[i]));
    let at = 0;
    return this.groups.map((g) => parts.slice(at, (at += g.shapes.length)));
  }

  /** Forward pass over rows given transposed (`xT` [d, rows]); `masks` per general group. */
  forward(params: tf.Tensor[][], xT: tf.Tensor2D, masks: (tf.Tensor[] | null)[] | null): Pass {
    const logits: tf.Tensor[] = [];
    const caches = this.groups.map((g, k) => {
      if (!g.net) {
        logits.push(linearLogits(params[k], xT));
        return null;
      }
      const out = forwardFrom(firstLayer(xT, params[k]), params[k], g.net, masks?.[k] ?? null);
      logits.push(out.logits);
      return out.cache;
    });
    return { logits: logits.length === 1 ? logits[0] : tf.concat(logits, 0), caches };
  }

  /** The flat gradient of Σ losses, given ∂loss/∂logits `g` [N, rows] (group order) and rows `x` [rows, d]. */
  backward(params: tf.Tensor[][], g: tf.Tensor, x: tf.Tensor2D, pass: Pass, masks: (tf.Tensor[] | null)[] | null): tf.Tensor {
    const gs = this.groups.length === 1 ? [g] : tf.split(g, this.groups.map((gr) => gr.members.length), 0);
    const grads = this.groups.flatMap((gr, k) => {
      const cache = pass.caches[k];
      return gr.net && cache ? backward(gs[k], x, params[k], cache, gr.net, masks?.[k] ?? null) : linearGrads(params[k], gs[k], x);
    });
    return tf.concat(grads.map((t) => tf.reshape(t, [-1])));
  }

  /** Every member's parameters (member order) from the flat vector read back from the device. */
  unpack(flat: Float32Array): LayerParams[][] {
    const out: LayerParams[][] = [];
    let offset = 0;
    for (const g of this.groups) {
      const data = g.shapes.map((s) => flat.subarray(offset, (offset += sizeOf(s))));
      g.members.forEach((member, k) => (out[member] = unpackParameters(data, this.sizes, k)));
    }
    return out;
  }

  dispose(): void {
    for (const g of this.groups) if (g.net) disposeNet(g.net);
  }
}

/** Logits of a linear group [n, rows]: the layers multiplied out first, then one 1×d product per row. */
function linearLogits(p: tf.Tensor[], xT: tf.Tensor2D): tf.Tensor {
  const [w0, b0, w1, b1] = p;
  const [n, , d] = w0.shape as [number, number, number];
  const v = tf.reshape(tf.matMul(w1, w0), [n, d]); // [n, 1, H]·[n, H, d]
  const c = tf.reshape(tf.add(tf.matMul(w1, b0), b1), [n, 1]);
  return tf.add(tf.matMul(v, xT), c);
}

/**
 * Gradients of a linear group from g = ∂loss/∂logits [n, rows]: with gx = g·X and s = Σ g,
 * ∂W₁ = w₂ᵀ gx, ∂b₁ = w₂ᵀ s, ∂w₂ = (W₁ gxᵀ + b₁ s)ᵀ, ∂b₂ = s.
 */
function linearGrads(p: tf.Tensor[], g: tf.Tensor, x: tf.Tensor2D): tf.Tensor[] {
  const [w0, b0, w1] = p;
  const [n, h, d] = w0.shape as [number, number, number];
  const gx = tf.reshape(tf.matMul(g, x), [n, 1, d]);
  const s = tf.reshape(tf.sum(g, -1), [n, 1, 1]);
  const w1T = tf.reshape(w1, [n, h, 1]);
  const dW0 = tf.mul(w1T, gx);
  const db0 = tf.mul(w1T, s);
  const dW1 = tf.reshape(tf.add(tf.matMul(w0, gx, false, true), tf.mul(b0, s)), [n, 1, h]);
  return [dW0, db0, dW1, s];
}
