/**
 * Port of scikit-learn 1.2's `sklearn.datasets.make_classification` for two
 * classes. Every random draw happens in sklearn's order on a legacy
 * RandomState, so labels are identical to sklearn's and features agree to
 * rounding (numpy's BLAS sums products in another order than these loops).
 */
import {
  type ClassificationParams,
  type MakeClassificationOptions,
  resolveClassificationOptions,
  samplesPerCluster,
} from './classificationOptions';
import { generateHypercube } from './hypercube';
import { affineRowsInPlace } from './matmul';
import { type RandomState, checkRandomState } from './randomState';
import type { Dataset } from './validate';

export type { MakeClassificationOptions } from './classificationOptions';

/** `2 * generator.uniform(size=(rows, cols)) - 1`, row-major. */
function uniformMinusOneOne(rs: RandomState, length: number): Float64Array {
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) out[i] = 2 * rs.uniform() - 1;
  return out;
}

/** Cluster centroids: hypercube vertices scaled to ±class_sep, optionally jittered. */
function buildCentroids(p: ClassificationParams, rs: RandomState, nClusters: number): Float64Array {
  const ni = p.nInformative;
  const c = generateHypercube(nClusters, ni, rs);
  for (let i = 0; i < c.length; i++) c[i] = c[i] * (2 * p.classSep) - p.classSep;
  if (!p.hypercube) {
    // centroids *= uniform(size=(n_clusters, 1)); centroids *= uniform(size=(1, n_informative))
    for (let k = 0; k < nClusters; k++) {
      const u = rs.uniform();
      for (let j = 0; j < ni; j++) c[k * ni + j] *= u;
    }
    for (let j = 0; j < ni; j++) {
      const u = rs.uniform();
      for (let k = 0; k < nClusters; k++) c[k * ni + j] *= u;
    }
  }
  return c;
}

/** Fills `X[:, first:first+count]` with `standard_normal(size=(n, count))` (row-major draws). */
function fillNormalColumns(X: Float64Array, p: ClassificationParams, rs: RandomState, first: number, count: number): void {
  const nf = p.nFeatures;
  for (let i = 0; i < p.nSamples; i++) {
    const row = i * nf + first;
    for (let j = 0; j < count; j++) X[row + j] = rs.standardNormal();
  }
}

/**
 * For each cluster k: label rows k % 2, draw A = 2*uniform((ni, ni)) - 1
 * (even for an empty cluster), then X_k = X_k @ A + centroid_k.
 */
function shapeClusters(
  X: Float64Array,
  y: Uint8Array,
  p: ClassificationParams,
  rs: RandomState,
  centroids: Float64Array,
): void {
  const counts = samplesPerCluster(p);
  let stop = 0;
  for (let k = 0; k < counts.length; k++) {
    const start = stop;
    stop += counts[k];
    const A = uniformMinusOneOne(rs, p.nInformative * p.nInformative);
    y.fill(k % p.nClasses, start, stop);
    affineRowsInPlace(X, p.nFeatures, start, stop, A, p.nInformative, centroids, k * p.nInformative);
  }
}

/** Redundant columns `X[:, :ni] @ B` with B = 2*uniform((ni, nr)) - 1. */
function addRedundant(X: Float64Array, p: ClassificationParams, rs: RandomState): void {
  const { nInformative: ni, nRedundant: nr, nFeatures: nf } = p;
  if (nr === 0) return;
  const B = uniformMinusOneOne(rs, ni * nr);
  for (let i = 0; i < p.nSamples; i++) {
    const row = i * nf;
    for (let c = 0; c < nr; c++) {
      let s = 0;
      for (let r = 0; r < ni; r++) s += X[row + r] * B[r * nr + c];
      X[row + ni + c] = s;
    }
  }
}

/** Repeated columns copied from `((n - 1) * uniform(size=n_repeated) + 0.5).astype(intp)`. */
function addRepeated(X: Float64Array, p: ClassificationParams, rs: RandomState): void {
  const n = p.nInformative + p.nRedundant;
  if (p.nRepeated === 0) return;
  const src: number[] = [];
  for (let j = 0; j < p.nRepeated; j++) src.push(Math.trunc((n - 1) * rs.uniform() + 0.5));
  for (let i = 0; i < p.nSamples; i++) {
    const row = i * p.nFeatures;
    for (let j = 0; j < p.nRepeated; j++) X[row + n + j] = X[row + src[j]];
  }
}

/** `flip_mask = uniform(size=n) < flip_y; y[flip_mask] = randint(2, size=flip_mask.sum())`. */
function flipLabels(y: Uint8Array, p: ClassificationParams, rs: RandomState): void {
  const mask = rs.randomSampleArray(p.nSamples);
  for (let i = 0; i < p.nSamples; i++) {
    if (mask[i] < p.flipY) y[i] = rs.randint(p.nClasses);
  }
}

/** sklearn's shift and scale vectors: the given constant, or random per feature when null (shift drawn first). */
function drawShiftAndScale(p: ClassificationParams, rs: RandomState): { shift: Float64Array; scale: Float64Array } {
  const nf = p.nFeatures;
  const shift = new Float64Array(nf);
  const scale = new Float64Array(nf);
  for (let j = 0; j < nf; j++) shift[j] = p.shift === null ? (2 * rs.uniform() - 1) * p.classSep : p.shift;
  for (let j = 0; j < nf; j++) scale[j] = p.scale === null ? 1 + 100 * rs.uniform() : p.scale;
  return { shift, scale };
}

/** The identity permutation, for shuffle=false. */
function identity(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i);
}

/**
 * The tail of make_classification in one pass over X: `X += shift; X *= scale`,
 * then (if shuffle) rows via `util_shuffle(X, y, random_state=generator)`
 * (arange + shuffle) and columns via `indices = arange(n_features);
 * generator.shuffle(indices); X[:, :] = X[:, indices]`. All four vectors are
 * drawn first, in sklearn's order; the arithmetic per element is unchanged.
 */
function finish(X: Float64Array, y: Uint8Array, p: ClassificationParams, rs: RandomState): Dataset {
  const { nSamples: n, nFeatures: nf } = p;
  const { shift, scale } = drawShiftAndScale(p, rs);
  const rows = p.shuffle ? rs.permutation(n) : identity(n);
  const cols = p.shuffle ? rs.permutation(nf) : identity(nf);
  const outX = new Float64Array(X.length);
  const outY = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const src = rows[i] * nf;
    const dst = i * nf;
    outY[i] = y[rows[i]];
    for (let j = 0; j < nf; j++) {
      const c = cols[j];
      outX[dst + j] = (X[src + c] + shift[c]) * scale[c];
    }
  }
  return { X: outX, y: outY, nSamples: n, nFeatures: nf };
}

/**
 * Mirrors `sklearn.datasets.make_classification(n_classes=2, ...)` of
 * scikit-learn 1.2 with camelCase options (defaults as sklearn's). `weights`
 * is the class-0 fraction (sklearn's `weights=[w]`). Returns X row-major
 * nSamples × nFeatures and y in {0, 1}. Invalid options throw a RangeError
 * naming the option and value.
 */
export function makeClassification(options: MakeClassificationOptions = {}): Dataset {
  const p = resolveClassificationOptions(options);
  const rs = checkRandomState(options.randomState);
  const nClusters = p.nClasses * p.nClustersPerClass;
  const X = new Float64Array(p.nSamples * p.nFeatures);
  const y = new Uint8Array(p.nSamples);

  const centroids = buildCentroids(p, rs, nClusters);
  fillNormalColumns(X, p, rs, 0, p.nInformative);
  shapeClusters(X, y, p, rs, centroids);
  addRedundant(X, p, rs);
  addRepeated(X, p, rs);
  const nUseless = p.nFeatures - p.nInformative - p.nRedundant - p.nRepeated;
  if (nUseless > 0) fillNormalColumns(X, p, rs, p.nFeatures - nUseless, nUseless);
  flipLabels(y, p, rs);
  return finish(X, y, p, rs);
}
