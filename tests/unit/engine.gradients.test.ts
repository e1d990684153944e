/**
 * The manual backward pass against tfjs's autograd, for every activation, several depths and
 * dropout: if they disagree, training silently follows the wrong direction.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { RandomState } from '../../src/data/randomState';
import { ACTIVATIONS, type Activation } from '../../src/state/schema';
import { drawParameters } from '../../src/engine/init';
import { backward, createNet, firstLayer, forwardFrom, packParameters, type Member } from '../../src/engine/model';
import { bceLogitGrad, bceMean, labels } from '../../src/engine/loss';
import { BatchModel } from '../../src/engine/batch';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function setup(acts: Activation[], layers: number, dropout: number) {
  const rows = 12;
  const d = 5;
  const h = 4;
  const sizes = [d, ...Array.from({ length: layers }, () => h), 1];
  const members: Member[] = acts.map((activation, i) => ({ network: i % 2 ? 'b' : 'a', initSeed: i, activation, dropout }));
  const rs = new RandomState(123);
  const x = tf.tensor2d(Array.from({ length: rows * d }, () => rs.standardNormal()), [rows, d]);
  const y = tf.tile(tf.tensor2d(Array.from({ length: rows }, (_, i) => i % 2), [1, rows]), [acts.length, 1]);
  const params = packParameters(members.map((m) => drawParameters(new RandomState(m.initSeed), sizes)));
  const masks = dropout > 0
    ? sizes.slice(1, -1).map((hh) => tf.tensor3d(Array.from({ length: rows * acts.length * hh }, () => (rs.randomSample() < dropout ? 0 : 1 / (1 - dropout))), [acts.length, hh, rows]))
    : null;
  return { x, y, params, members, masks, rows };
}

function lossOf(x: tf.Tensor2D, y: tf.Tensor, ps: tf.Tensor[], members: Member[], masks: tf.Tensor[] | null): tf.Scalar {
  const { logits } = forwardFrom(firstLayer(tf.transpose(x), ps), ps, createNet(members), masks);
  // Σ over members of each member's mean loss: the objective whose gradient the trainer follows.
  return tf.sum(bceMean(tf.sigmoid(logits), labels(y)));
}

describe('manual backward pass', () => {
  const cases: [Activation[], number, number][] = [
    [['none', 'relu'], 1, 0],
    [['none', 'relu'], 3, 0],
    [[...ACTIVATIONS], 2, 0],
    [['tanh', 'tanh', 'gelu'], 1, 0.5],
    [['silu', 'elu'], 2, 0.3],
  ];
  it.each(cases)('matches autograd for %j with %i hidden layers, dropout %f', (acts, layers, dropout) => {
    const { x, y, params, members, masks, rows } = setup(acts, layers, dropout);
    const auto = tf.grads((...ps: tf.Tensor[]) => lossOf(x, y, ps, members, masks))(params);
    const manual = tf.tidy(() => {
      const net = createNet(members);
      const { logits, cache } = forwardFrom(firstLayer(tf.transpose(x), params), params, net, masks);
      const g = bceLogitGrad(tf.sigmoid(logits), labels(y), rows);
      return backward(g, x, params, cache, net, masks);
    });
    expect(manual.length).toBe(auto.length);
    manual.forEach((g, i) => {
      expect(g.shape).toEqual(auto[i].shape);
      const diff = tf.max(tf.abs(tf.sub(g, auto[i]))).dataSync()[0];
      const scale = Math.max(1e-3, tf.max(tf.abs(auto[i])).dataSync()[0]);
      expect(diff / scale).toBeLessThan(2e-4);
    });
  });
});

describe('the collapsed path for linear networks', () => {
  it('gives the gradients autograd gives, for linear and non-linear members side by side, in any order', () => {
    for (const acts of [['none', 'relu'], ['relu', 'none', 'none', 'tanh']] as Activation[][]) {
      const { x, y, members, rows } = setup(acts, 1, 0);
      const model = new BatchModel(members, [5, 4, 1]);
      const theta = model.pack(members.map((m) => drawParameters(new RandomState(m.initSeed), [5, 4, 1])));
      // y is the same for every member, so group order does not matter for the labels.
      const lossOf = (t: tf.Tensor) => tf.sum(bceMean(tf.sigmoid(model.forward(model.unflatten(t), tf.transpose(x), null).logits), labels(y)));
      const auto = tf.grad(lossOf)(theta);
      const manual = tf.tidy(() => {
        const params = model.unflatten(theta);
        const pass = model.forward(params, tf.transpose(x), null);
        return model.backward(params, bceLogitGrad(tf.sigmoid(pass.logits), labels(y), rows), x, pass, null);
      });
      const diff = tf.max(tf.abs(tf.sub(manual, auto))).dataSync()[0];
      expect(diff / tf.max(tf.abs(auto)).dataSync()[0]).toBeLessThan(2e-4);
      expect(model.groups[0].net).toBeNull();
    }
  });
});
