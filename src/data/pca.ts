/**
 * A two-component PCA for plotting high-dimensional data in 2-D. Same
 * subspace and variance ratios as `sklearn.decomposition.PCA(n_components=2)`;
 * the method (power iteration with deflation on the covariance matrix) and the
 * sign convention are ours, documented on `pca2`.
 */

export interface Pca2Result {
  /** Row-major nRows × 2: each centred row projected on the two components. */
  projection: Float64Array;
  /** Row-major 2 × nFeatures: the unit principal axes (sklearn's `components_`). */
  components: Float64Array;
  /** Each component's variance over the total variance (sklearn's `explained_variance_ratio_`). */
  explainedVarianceRatio: [number, number];
}

const MAX_ITERATIONS = 3000;
const TOLERANCE = 1e-13;

/** Column means, and the covariance matrix (d × d) with divisor n - 1 (1 for a single row). */
function covariance(X: Float64Array, n: number, d: number): { mean: Float64Array; cov: Float64Array } {
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += X[i * d + j];
  for (let j = 0; j < d; j++) mean[j] /= n;
  const cov = new Float64Array(d * d);
  const row = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) row[j] = X[i * d + j] - mean[j];
    for (let a = 0; a < d; a++) {
      const ra = row[a];
      for (let b = a; b < d; b++) cov[a * d + b] += ra * row[b];
    }
  }
  const div = Math.max(n - 1, 1);
  for (let a = 0; a < d; a++) {
    for (let b = a; b < d; b++) cov[b * d + a] = cov[a * d + b] /= div;
  }
  return { mean, cov };
}

function multiply(C: Float64Array, v: Float64Array, d: number, out: Float64Array): void {
  for (let a = 0; a < d; a++) {
    let s = 0;
    for (let b = 0; b < d; b++) s += C[a * d + b] * v[b];
    out[a] = s;
  }
}

/** Scales v to unit length; returns false for a zero vector. */
function normalise(v: Float64Array): boolean {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  if (s === 0) return false;
  const inv = 1 / Math.sqrt(s);
  for (let i = 0; i < v.length; i++) v[i] *= inv;
  return true;
}

/**
 * Dominant eigenvector of the symmetric PSD matrix C by power iteration from a
 * fixed start (1, 2, ..., d): deterministic, and orthogonal to the wanted
 * vector only by coincidence. Returns a zero vector when C is zero.
 */
function dominantEigenvector(C: Float64Array, d: number): Float64Array {
  let v = new Float64Array(d).map((_, i) => i + 1);
  normalise(v);
  let next = new Float64Array(d);
  for (let it = 0; it < MAX_ITERATIONS; it++) {
    multiply(C, v, d, next);
    if (!normalise(next)) return next;
    let change = 0;
    for (let i = 0; i < d; i++) change = Math.max(change, Math.abs(next[i] - v[i]));
    [v, next] = [next, v];
    if (change < TOLERANCE) break;
  }
  return v;
}

/** Flips v so that its largest-magnitude entry (the first, on ties) is positive. */
function fixSign(v: Float64Array): void {
  let k = 0;
  for (let i = 1; i < v.length; i++) if (Math.abs(v[i]) > Math.abs(v[k])) k = i;
  if (v[k] < 0) for (let i = 0; i < v.length; i++) v[i] = -v[i];
}

function rayleigh(C: Float64Array, v: Float64Array, d: number): number {
  const tmp = new Float64Array(d);
  multiply(C, v, d, tmp);
  let s = 0;
  for (let i = 0; i < d; i++) s += v[i] * tmp[i];
  return s;
}

/** Removes v's component along the unit vector u (the rounding left by deflation), then renormalises. */
function orthogonalise(v: Float64Array, u: Float64Array): void {
  let dotUV = 0;
  for (let i = 0; i < v.length; i++) dotUV += u[i] * v[i];
  for (let i = 0; i < v.length; i++) v[i] -= dotUV * u[i];
  normalise(v);
}

/** Row-major nRows × 2 coordinates of the centred rows along v1 and v2. */
function project(
  X: Float64Array,
  nRows: number,
  d: number,
  mean: Float64Array,
  v1: Float64Array,
  v2: Float64Array,
): Float64Array {
  const out = new Float64Array(nRows * 2);
  for (let i = 0; i < nRows; i++) {
    let p1 = 0;
    let p2 = 0;
    for (let j = 0; j < d; j++) {
      const c = X[i * d + j] - mean[j];
      p1 += c * v1[j];
      p2 += c * v2[j];
    }
    out[2 * i] = p1;
    out[2 * i + 1] = p2;
  }
  return out;
}

/**
 * Projects the rows of X (row-major nRows × nFeatures) onto its top two
 * principal components, like `PCA(n_components=2).fit_transform(X)` up to the
 * sign of each axis. Rows are centred by the column means; the covariance
 * matrix (divisor n - 1) is diagonalised by power iteration for the first
 * axis, then again on the deflated matrix C - λ1·v1·v1ᵀ for the second. Each
 * axis is signed so its largest-|loading| entry is positive. Ratios are λk /
 * trace(C); for nearly tied eigenvalues the axes converge slowly (capped at
 * 3000 iterations) but the plotted plane stays meaningful. A single feature
 * gives a zero second axis; constant data gives zeros and ratios [0, 0].
 */
export function pca2(X: Float64Array, nRows: number, nFeatures: number): Pca2Result {
  if (!Number.isInteger(nRows) || nRows < 1 || !Number.isInteger(nFeatures) || nFeatures < 1) {
    throw new RangeError(`nRows and nFeatures must be integers >= 1, got nRows=${nRows}, nFeatures=${nFeatures}`);
  }
  if (X.length !== nRows * nFeatures) {
    throw new RangeError(`X must have length nRows * nFeatures = ${nRows * nFeatures}, got ${X.length}`);
  }
  const d = nFeatures;
  const { mean, cov } = covariance(X, nRows, d);
  let total = 0;
  for (let j = 0; j < d; j++) total += cov[j * d + j];
  const v1 = dominantEigenvector(cov, d);
  fixSign(v1);
  const l1 = rayleigh(cov, v1, d);
  const deflated = cov.map((c, idx) => c - l1 * v1[Math.floor(idx / d)] * v1[idx % d]);
  const v2 = d > 1 ? dominantEigenvector(deflated, d) : new Float64Array(d);
  orthogonalise(v2, v1);
  fixSign(v2);
  const l2 = Math.max(0, rayleigh(cov, v2, d));
  const projection = project(X, nRows, d, mean, v1, v2);
  const components = new Float64Array(2 * d);
  components.set(v1, 0);
  components.set(v2, d);
  const ratio: [number, number] = total > 0 ? [l1 / total, l2 / total] : [0, 0];
  return { projection, components, explainedVarianceRatio: ratio };
}
