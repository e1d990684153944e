/**
 * Options of makeClassification: defaults and the checks scikit-learn 1.2's
 * `make_classification` performs (its `validate_params` intervals plus the
 * explicit ValueErrors in the body), restricted to two classes.
 */
import type { RandomStateLike } from './randomState';
import { checkFinite, checkInt, checkRange } from './validate';

/** camelCase versions of `make_classification`'s keyword arguments (n_classes is fixed at 2). */
export interface MakeClassificationOptions {
  nSamples?: number;
  nFeatures?: number;
  nInformative?: number;
  nRedundant?: number;
  nRepeated?: number;
  nClustersPerClass?: number;
  /** Fraction of samples in class 0 (sklearn's `weights=[w]`); null/undefined = balanced. */
  weights?: number | null;
  flipY?: number;
  classSep?: number;
  hypercube?: boolean;
  /** A constant added to every feature, or null for a random shift per feature. */
  shift?: number | null;
  /** A constant multiplying every feature, or null for a random scale per feature. */
  scale?: number | null;
  shuffle?: boolean;
  randomState?: RandomStateLike;
}

/** Options after defaults are applied and checked. */
export interface ClassificationParams {
  nSamples: number;
  nFeatures: number;
  nInformative: number;
  nRedundant: number;
  nRepeated: number;
  nClasses: number;
  nClustersPerClass: number;
  weights: [number, number];
  flipY: number;
  classSep: number;
  hypercube: boolean;
  shift: number | null;
  scale: number | null;
  shuffle: boolean;
}

function checkCounts(p: ClassificationParams): void {
  checkInt('nSamples', p.nSamples, 1);
  checkInt('nFeatures', p.nFeatures, 1);
  checkInt('nInformative', p.nInformative, 1);
  checkInt('nRedundant', p.nRedundant, 0);
  checkInt('nRepeated', p.nRepeated, 0);
  checkInt('nClustersPerClass', p.nClustersPerClass, 1);
  const used = p.nInformative + p.nRedundant + p.nRepeated;
  if (used > p.nFeatures) {
    throw new RangeError(
      `nInformative + nRedundant + nRepeated (${p.nInformative} + ${p.nRedundant} + ${p.nRepeated} = ${used}) ` +
        `must be <= nFeatures (${p.nFeatures})`,
    );
  }
  // sklearn compares n_informative with log2(n_classes * n_clusters_per_class);
  // comparing with the power of two is exact (2 ** n is Infinity past 1023, never smaller).
  const nClusters = p.nClasses * p.nClustersPerClass;
  if (nClusters > 2 ** p.nInformative) {
    throw new RangeError(
      `nClasses(${p.nClasses}) * nClustersPerClass(${p.nClustersPerClass}) = ${nClusters} must be <= ` +
        `2 ** nInformative(${p.nInformative}) = ${2 ** p.nInformative}`,
    );
  }
}

function checkReals(p: ClassificationParams): void {
  checkRange('flipY', p.flipY, 0, 1);
  checkRange('classSep', p.classSep, 0, Infinity, { minOpen: true, maxOpen: true });
  if (p.shift !== null) checkFinite('shift', p.shift);
  if (p.scale !== null) checkRange('scale', p.scale, 0, Infinity, { minOpen: true, maxOpen: true });
}

/** Applies sklearn's defaults and rejects what sklearn rejects. */
export function resolveClassificationOptions(options: MakeClassificationOptions): ClassificationParams {
  const w = options.weights ?? null;
  if (w !== null) checkRange('weights', w, 0, 1);
  const p: ClassificationParams = {
    nSamples: options.nSamples ?? 100,
    nFeatures: options.nFeatures ?? 20,
    nInformative: options.nInformative ?? 2,
    nRedundant: options.nRedundant ?? 2,
    nRepeated: options.nRepeated ?? 0,
    nClasses: 2,
    nClustersPerClass: options.nClustersPerClass ?? 2,
    // sklearn: weights=None → [1/n_classes]*n_classes; weights=[w] → [w, 1.0 - sum([w])].
    weights: w === null ? [1 / 2, 1 / 2] : [w, 1 - w],
    flipY: options.flipY ?? 0.01,
    classSep: options.classSep ?? 1,
    hypercube: options.hypercube ?? true,
    shift: options.shift === undefined ? 0 : options.shift,
    scale: options.scale === undefined ? 1 : options.scale,
    shuffle: options.shuffle ?? true,
  };
  checkCounts(p);
  checkReals(p);
  return p;
}

/**
 * sklearn's split of n_samples among clusters: `int(n_samples * w[k % n_classes]
 * / n_clusters_per_class)` each, then the remainder handed out one by one
 * from cluster 0.
 */
export function samplesPerCluster(p: ClassificationParams): number[] {
  const nClusters = p.nClasses * p.nClustersPerClass;
  const counts: number[] = [];
  for (let k = 0; k < nClusters; k++) {
    counts.push(Math.trunc((p.nSamples * p.weights[k % p.nClasses]) / p.nClustersPerClass));
  }
  const missing = p.nSamples - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; i < missing; i++) counts[i % nClusters] += 1;
  return counts;
}
