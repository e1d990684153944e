/**
 * A snapshot of what the teaching panels show, for the first seed of each network: the 2-D view's
 * predictions, decision regions on a grid (two-feature data), hidden-unit statistics and, for a
 * network without activations, the single linear model it collapses to. Plain data, ready to post.
 */
import type { PreparedData } from '../data/fromSettings';
import { pca2 } from '../data/pca';
import type { Member, NetworkId } from './model';
import type { Trainer } from './trainer';
import { collapseError, collapseLinear, forwardJs, hiddenStats, type HiddenStats } from './inspect';

/** Cells per side of the decision-region grid. */
export const GRID = 64;

/** The test set in two dimensions, fixed for a run. */
export interface PlaneView {
  /** 'features': the two features themselves; 'pca': the first two principal components. */
  readonly axes: 'features' | 'pca';
  /** Row-major [nTest, 2]. */
  readonly points: Float32Array;
  readonly labels: Uint8Array;
  /** Share of variance on each axis (PCA only). */
  readonly explained: readonly [number, number] | null;
  /** The region drawn for decision regions (two-feature data only). */
  readonly extent: { readonly x0: number; readonly x1: number; readonly y0: number; readonly y1: number } | null;
}

export interface NetworkSnapshot {
  readonly network: NetworkId;
  /** P(class 1) for every test row. */
  readonly testProbabilities: Float32Array;
  /** P(class 1) on the GRID × GRID grid over `extent`, row-major from (x0, y0); two-feature data only. */
  readonly grid: Float32Array | null;
  readonly hidden: HiddenStats;
  /** Only for a network without activations. */
  readonly collapse: { readonly weight: number[]; readonly bias: number; readonly maxAbsDiff: number } | null;
}

export interface Snapshot {
  /** Epochs completed when it was taken. */
  readonly epoch: number;
  readonly networks: NetworkSnapshot[];
}

export function planeView(data: PreparedData): PlaneView {
  const n = data.yTest.length;
  const labels = Uint8Array.from(data.yTest);
  if (data.nFeatures === 2) {
    const points = Float32Array.from(data.xTest);
    let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
    for (let i = 0; i < n; i++) {
      x0 = Math.min(x0, points[2 * i]);
      x1 = Math.max(x1, points[2 * i]);
      y0 = Math.min(y0, points[2 * i + 1]);
      y1 = Math.max(y1, points[2 * i + 1]);
    }
    const px = 0.1 * (x1 - x0);
    const py = 0.1 * (y1 - y0);
    return { axes: 'features', points, labels, explained: null, extent: { x0: x0 - px, x1: x1 + px, y0: y0 - py, y1: y1 + py } };
  }
  const p = pca2(Float64Array.from(data.xTest), n, data.nFeatures);
  return { axes: 'pca', points: Float32Array.from(p.projection), labels, explained: p.explainedVarianceRatio, extent: null };
}

function gridRows(e: NonNullable<PlaneView['extent']>): Float32Array {
  const out = new Float32Array(GRID * GRID * 2);
  for (let j = 0; j < GRID; j++) {
    for (let i = 0; i < GRID; i++) {
      out[2 * (j * GRID + i)] = e.x0 + ((i + 0.5) / GRID) * (e.x1 - e.x0);
      out[2 * (j * GRID + i) + 1] = e.y0 + ((j + 0.5) / GRID) * (e.y1 - e.y0);
    }
  }
  return out;
}

/** Take a snapshot of the first seed of each network. */
export async function takeSnapshot(trainer: Trainer, data: PreparedData, view: PlaneView): Promise<Snapshot> {
  const members = trainer.spec.members;
  const nTest = data.yTest.length;
  const params = await trainer.parameters();
  const test = await trainer.predict(data.xTest, nTest);
  const grid = view.extent ? await trainer.predict(gridRows(view.extent), GRID * GRID) : null;
  const firsts = (['a', 'b'] as const).map((id) => members.findIndex((m) => m.network === id));
  const networks = firsts.map((m) => {
    const member: Member = members[m];
    const layers = params[m];
    const { hidden } = forwardJs(layers, member.activation, data.xTrain, data.yTrain.length);
    const testProbabilities = test.slice(m * nTest, (m + 1) * nTest);
    let collapse: NetworkSnapshot['collapse'] = null;
    if (member.activation === 'none') {
      const c = collapseLinear(layers);
      collapse = { weight: Array.from(c.weight), bias: c.bias, maxAbsDiff: collapseError(c, testProbabilities, data.xTest, nTest) };
    }
    return {
      network: member.network,
      testProbabilities,
      grid: grid ? grid.slice(m * GRID * GRID, (m + 1) * GRID * GRID) : null,
      hidden: hiddenStats(hidden[0], trainer.spec.sizes[1], member.activation),
      collapse,
    };
  });
  return { epoch: trainer.epochsDone, networks };
}
