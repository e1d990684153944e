/**
 * Port of scikit-learn 1.2's `StandardScaler().fit(Xtrain)` followed by
 * `transform` on the train and test rows.
 */

export interface Standardized {
  /** Standardised copy of the train rows (row-major, nFeatures columns). */
  xTrain: Float64Array;
  /** Test rows standardised with the train statistics. */
  xTest: Float64Array;
  /** Per-feature train mean (sklearn's `mean_`). */
  mean: Float64Array;
  /** Per-feature divisor (sklearn's `scale_`): population std, 1 for a constant feature. */
  scale: Float64Array;
}

function checkMatrix(name: string, X: Float64Array, nFeatures: number, minRows: number): void {
  if (X.length % nFeatures !== 0 || X.length / nFeatures < minRows) {
    throw new RangeError(
      `${name} must hold a whole number (>= ${minRows}) of rows of ${nFeatures} features, got length ${X.length}`,
    );
  }
}

/**
 * Per-feature mean and population variance as sklearn's
 * `_incremental_mean_and_var` computes them for a first batch: the corrected
 * two-pass formula var = (Σ(x - m)² - (Σ(x - m))² / n) / n.
 */
function meanAndVariance(X: Float64Array, nFeatures: number): { mean: Float64Array; variance: Float64Array } {
  const n = X.length / nFeatures;
  const mean = new Float64Array(nFeatures);
  const variance = new Float64Array(nFeatures);
  for (let i = 0; i < X.length; i += nFeatures) {
    for (let j = 0; j < nFeatures; j++) mean[j] += X[i + j];
  }
  for (let j = 0; j < nFeatures; j++) mean[j] /= n;
  const correction = new Float64Array(nFeatures);
  for (let i = 0; i < X.length; i += nFeatures) {
    for (let j = 0; j < nFeatures; j++) {
      const d = X[i + j] - mean[j];
      correction[j] += d;
      variance[j] += d * d;
    }
  }
  for (let j = 0; j < nFeatures; j++) {
    variance[j] = (variance[j] - (correction[j] * correction[j]) / n) / n;
  }
  return { mean, variance };
}

/** (X - mean) / scale, row by row, into a new array. */
function applyScaling(X: Float64Array, mean: Float64Array, scale: Float64Array): Float64Array {
  const nFeatures = mean.length;
  const out = new Float64Array(X.length);
  for (let i = 0; i < X.length; i += nFeatures) {
    for (let j = 0; j < nFeatures; j++) out[i + j] = (X[i + j] - mean[j]) / scale[j];
  }
  return out;
}

/**
 * Mirrors `StandardScaler().fit(Xtrain)` then `.transform(Xtrain)` and
 * `.transform(Xtest)`: statistics from the train rows only, population std
 * (ddof 0). As sklearn's `_is_constant_feature`, a feature whose variance is
 * at most n·eps·var + (n·mean·eps)² is treated as constant and gets scale 1
 * (so it is only centred). Inputs are row-major and left untouched.
 */
export function standardize(Xtrain: Float64Array, Xtest: Float64Array, nFeatures: number): Standardized {
  if (!Number.isInteger(nFeatures) || nFeatures < 1) {
    throw new RangeError(`nFeatures must be an integer >= 1, got ${String(nFeatures)}`);
  }
  checkMatrix('Xtrain', Xtrain, nFeatures, 1);
  checkMatrix('Xtest', Xtest, nFeatures, 0);
  const n = Xtrain.length / nFeatures;
  const { mean, variance } = meanAndVariance(Xtrain, nFeatures);
  const scale = new Float64Array(nFeatures);
  for (let j = 0; j < nFeatures; j++) {
    const upperBound = n * Number.EPSILON * variance[j] + (n * mean[j] * Number.EPSILON) ** 2;
    scale[j] = variance[j] <= upperBound ? 1 : Math.sqrt(variance[j]);
  }
  return { xTrain: applyScaling(Xtrain, mean, scale), xTest: applyScaling(Xtest, mean, scale), mean, scale };
}
