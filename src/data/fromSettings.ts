/**
 * Settings -> the train/test split the networks see. Pure: the same settings give the same bytes in
 * Node, in the worker and (through the documented recipes) in numpy and scikit-learn.
 */
import type { Key, Settings } from '../state/schema';
import { makeClassification } from './makeClassification';
import { makeCircles, makeMoons, makeXor } from './shapes';
import { trainTestSplit } from './trainTestSplit';
import { standardize } from './standardize';
import type { Dataset } from './validate';

/** The split, with features as float32 (what the networks train on, as `torch.FloatTensor`). */
export interface PreparedData {
  readonly nFeatures: number;
  readonly xTrain: Float32Array;
  readonly yTrain: Float32Array;
  readonly xTest: Float32Array;
  readonly yTest: Float32Array;
  /** Row indices into the generated set, as train_test_split returns them. */
  readonly trainIndex: Int32Array;
  readonly testIndex: Int32Array;
}

/** The settings `prepareData` reads: two settings with the same values here give the same data. */
export const DATA_KEYS = [
  'dataset', 'samples', 'features', 'informative', 'redundant', 'repeated', 'clusters', 'sep', 'flip', 'weight', 'noise',
  'factor', 'dataSeed', 'standardize', 'testSize', 'splitSeed',
] as const satisfies readonly Key[];

/** Equal exactly when `prepareData` returns the same split for both settings. */
export function dataKey(s: Settings): string {
  return DATA_KEYS.map((k) => `${k}=${String(s[k])}`).join('&');
}

/** The whole generated data set for these settings, before the split. */
export function generate(s: Settings): Dataset {
  switch (s.dataset) {
    case 'classification':
      return makeClassification({
        nSamples: s.samples, nFeatures: s.features, nInformative: s.informative ?? s.features,
        nRedundant: s.redundant, nRepeated: s.repeated, nClustersPerClass: s.clusters,
        weights: s.weight, flipY: s.flip, classSep: s.sep, randomState: s.dataSeed,
      });
    case 'moons':
      return makeMoons({ nSamples: s.samples, noise: s.noise, randomState: s.dataSeed });
    case 'circles':
      return makeCircles({ nSamples: s.samples, noise: s.noise, factor: s.factor, randomState: s.dataSeed });
    case 'xor':
      return makeXor({ nSamples: s.samples, noise: s.noise, randomState: s.dataSeed });
  }
}

/** Generate, split with train_test_split, optionally standardise (fit on train), cast to float32. */
export function prepareData(s: Settings): PreparedData {
  const data = generate(s);
  const { train, test } = trainTestSplit(data.nSamples, { testSize: s.testSize, randomState: s.splitSeed });
  const d = data.nFeatures;
  let xTrain = gatherRows(data.X, d, train);
  let xTest = gatherRows(data.X, d, test);
  if (s.standardize) ({ xTrain, xTest } = standardize(xTrain, xTest, d));
  return {
    nFeatures: d,
    xTrain: Float32Array.from(xTrain),
    yTrain: Float32Array.from(train, (i) => data.y[i]),
    xTest: Float32Array.from(xTest),
    yTest: Float32Array.from(test, (i) => data.y[i]),
    trainIndex: train,
    testIndex: test,
  };
}

function gatherRows(X: Float64Array, d: number, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length * d);
  rows.forEach((r, i) => out.set(X.subarray(r * d, (r + 1) * d), i * d));
  return out;
}
