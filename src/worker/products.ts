/**
 * The matrix products of training epochs, on their own: the least work any engine must do per
 * epoch. `auto` times them on WebGL and on WASM to pick the faster backend, and the bench divides
 * the training time by them (a ratio that does not depend on the machine).
 *
 * The shapes and the layout are the engine's (src/engine/model.ts, full batch, no dropout): per
 * epoch the first layer's forward product on the training and the test rows, the hidden layers'
 * batched products both ways, and the two weight-gradient products. Elementwise work (activations,
 * the loss, Adam) is left out on purpose: it is what the ratio measures the engine against.
 */
import * as tf from '@tensorflow/tfjs-core';

export interface ProductShapes {
  /** Networks trained together: 2 × seeds. */
  readonly members: number;
  /** [inputs, hidden..., 1], as a TrainSpec's sizes. */
  readonly sizes: readonly number[];
  readonly nTrain: number;
  readonly nTest: number;
}

/** The notebook's pair: 5000 samples (4000 train, 1000 test), 100 features, 16 hidden units. */
export const NOTEBOOK_SHAPES: ProductShapes = { members: 2, sizes: [100, 16, 1], nTrain: 4000, nTest: 1000 };

/** Operands of one epoch's products, created once (random values: only the time matters). */
function operands({ members: n, sizes, nTrain, nTest }: ProductShapes) {
  const [d, h] = sizes;
  const layers = sizes.slice(1).map((out, l) => tf.randomNormal([n, out, sizes[l]]) as tf.Tensor3D);
  const hidden = (rows: number) => sizes.slice(1, -1).map((units) => tf.randomNormal([n, units, rows]) as tf.Tensor3D);
  return {
    w0: tf.randomNormal([n * h, d]) as tf.Tensor2D,
    layers,
    xTrain: tf.randomNormal([nTrain, d]) as tf.Tensor2D,
    xTrainT: tf.randomNormal([d, nTrain]) as tf.Tensor2D,
    xTestT: tf.randomNormal([d, nTest]) as tf.Tensor2D,
    hTrain: hidden(nTrain),
    hTest: hidden(nTest),
    dz0: tf.randomNormal([n * h, nTrain]) as tf.Tensor2D,
    dz: sizes.slice(2).map((out) => tf.randomNormal([n, out, nTrain]) as tf.Tensor3D),
  };
}

type Operands = ReturnType<typeof operands>;

/** One epoch's products; returns a scalar-sized slice of the last one so a read can wait for all. */
function epoch(o: Operands): tf.Tensor {
  return tf.tidy(() => {
    tf.matMul(o.w0, o.xTrainT);
    tf.matMul(o.w0, o.xTestT);
    for (let l = 1; l < o.layers.length; l++) {
      tf.matMul(o.layers[l], o.hTrain[l - 1]);
      tf.matMul(o.layers[l], o.hTest[l - 1]);
      // Weight gradient dz·hᵀ, and (for hidden-to-hidden layers) the backward product Wᵀ·dz.
      tf.matMul(o.dz[l - 1], o.hTrain[l - 1], false, true);
      if (o.layers[l].shape[1] > 1) tf.matMul(o.layers[l], o.dz[l - 1], true, false);
    }
    return tf.slice(tf.matMul(o.dz0, o.xTrain), [0, 0], [1, 1]);
  });
}

/**
 * Milliseconds per epoch of the products on the active backend: `warmup` epochs first (WebGL
 * compiles its shaders then), then `epochs` timed back to back with one read at the end, as the
 * engine reads a chunk of epochs.
 */
export async function timeProducts(shapes: ProductShapes, epochs: number, warmup = 1,
  now: () => number = () => performance.now()): Promise<number> {
  const o = operands(shapes);
  try {
    if (warmup > 0) {
      const outs = Array.from({ length: warmup }, () => epoch(o));
      await outs[outs.length - 1].data();
      tf.dispose(outs);
    }
    const t0 = now();
    const outs = Array.from({ length: epochs }, () => epoch(o));
    await outs[outs.length - 1].data();
    const ms = (now() - t0) / epochs;
    tf.dispose(outs);
    return ms;
  } finally {
    tf.dispose([o.w0, ...o.layers, o.xTrain, o.xTrainT, o.xTestT, ...o.hTrain, ...o.hTest, o.dz0, ...o.dz]);
  }
}
