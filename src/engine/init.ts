/**
 * Deterministic initialisation that numpy and PyTorch can reproduce.
 *
 * For a network with layer sizes [d0, d1, ..., dL], a fresh `RandomState(initSeed)` draws, layer by
 * layer from input to output, the weight in PyTorch's layout [out, in] (row-major) and then the
 * bias, each from `uniform(-1/sqrt(fan_in), 1/sqrt(fan_in))`: the distribution of PyTorch's default
 * `nn.Linear` initialisation. In numpy:
 *
 *     r = numpy.random.RandomState(init_seed)
 *     for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
 *         b = 1 / sqrt(fan_in)
 *         weight = r.uniform(-b, b, size=(fan_out, fan_in)).astype(float32)
 *         bias = r.uniform(-b, b, size=fan_out).astype(float32)
 */
import { RandomState } from '../data/randomState';

/** One Linear layer's parameters in PyTorch's layout: weight [out, in] row-major, bias [out]. */
export interface LayerParams {
  readonly fanIn: number;
  readonly fanOut: number;
  readonly weight: Float32Array;
  readonly bias: Float32Array;
}

/**
 * Draw every layer's parameters from `rs`, input to output, weight then bias. The generator is
 * left advanced past the draws: the same generator then draws the network's dropout masks.
 */
export function drawParameters(rs: RandomState, sizes: readonly number[]): LayerParams[] {
  const layers: LayerParams[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const fanIn = sizes[l];
    const fanOut = sizes[l + 1];
    const bound = 1 / Math.sqrt(fanIn);
    const weight = new Float32Array(fanOut * fanIn);
    for (let i = 0; i < weight.length; i++) weight[i] = rs.uniform(-bound, bound);
    const bias = new Float32Array(fanOut);
    for (let i = 0; i < bias.length; i++) bias[i] = rs.uniform(-bound, bound);
    layers.push({ fanIn, fanOut, weight, bias });
  }
  return layers;
}

/** Layer sizes of the MLP: input, `layers` hidden layers of `hidden` units, one output. */
export function layerSizes(nFeatures: number, hidden: number, layers: number): number[] {
  return [nFeatures, ...Array.from({ length: layers }, () => hidden), 1];
}

/** Parameter count of an MLP with these sizes (weights and biases). */
export function parameterCount(sizes: readonly number[]): number {
  let n = 0;
  for (let l = 0; l + 1 < sizes.length; l++) n += sizes[l] * sizes[l + 1] + sizes[l + 1];
  return n;
}
