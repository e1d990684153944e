/**
 * The pure data layer: numpy-compatible random numbers and scikit-learn
 * compatible dataset generators, splits and preprocessing. No tfjs, no DOM —
 * safe to import from Node, the main thread or a Web Worker.
 */
export { RandomState, checkRandomState } from './randomState';
export type { MutableArrayLike, RandomStateLike } from './randomState';
export { sampleWithoutReplacement } from './sampleWithoutReplacement';
export type { SampleMethod } from './sampleWithoutReplacement';
export { generateHypercube } from './hypercube';
export { makeClassification } from './makeClassification';
export type { MakeClassificationOptions } from './makeClassification';
export { trainTestSplit } from './trainTestSplit';
export type { TrainTestIndices, TrainTestSplitOptions } from './trainTestSplit';
export { linspace, makeCircles, makeMoons, makeXor } from './shapes';
export type { CirclesOptions, MoonsOptions, XorOptions } from './shapes';
export { standardize } from './standardize';
export type { Standardized } from './standardize';
export { pca2 } from './pca';
export type { Pca2Result } from './pca';
export { shuffleRows } from './validate';
export type { Dataset } from './validate';
