/**
 * Small 2-D datasets: ports of scikit-learn 1.2's `make_moons` and
 * `make_circles`, plus our own documented XOR set built from the same
 * RandomState primitives so Python can reproduce it bit for bit.
 */
import { type RandomState, type RandomStateLike, checkRandomState } from './randomState';
import { type Dataset, checkInt, checkRange, shuffleRows } from './validate';

export interface MoonsOptions {
  nSamples?: number;
  /** Standard deviation of Gaussian noise; null/undefined = no noise and no draws. */
  noise?: number | null;
  shuffle?: boolean;
  randomState?: RandomStateLike;
}

export interface CirclesOptions extends MoonsOptions {
  /** Inner-circle radius relative to the outer one, in [0, 1). */
  factor?: number;
}

export interface XorOptions {
  nSamples?: number;
  /** Standard deviation of each blob around its corner (>= 0). */
  noise?: number;
  shuffle?: boolean;
  randomState?: RandomStateLike;
}

/**
 * Mirrors `np.linspace(start, stop, num, endpoint)` for floats: `start + i * step`
 * with step = (stop - start) / div, and the last value set to `stop` exactly
 * when endpoint is true (div = num - 1, or num without endpoint).
 */
export function linspace(start: number, stop: number, num: number, endpoint = true): Float64Array {
  const out = new Float64Array(num);
  const div = endpoint ? num - 1 : num;
  const delta = stop - start;
  const step = delta / div;
  for (let i = 0; i < num; i++) {
    // numpy: y = arange(num) * step, then y += start; (i / div) * delta when
    // step underflows to 0 (gh-5437), and i * delta when div <= 0.
    let v: number;
    if (div <= 0) v = i * delta;
    else if (step === 0) v = (i / div) * delta;
    else v = i * step;
    out[i] = v + start;
  }
  if (endpoint && num > 1) out[num - 1] = stop;
  return out;
}

/** Stacks an outer (label 0) and inner (label 1) point list into a Dataset. */
function twoClassDataset(
  outerX: ArrayLike<number>,
  outerY: ArrayLike<number>,
  innerX: ArrayLike<number>,
  innerY: ArrayLike<number>,
): Dataset {
  const nOut = outerX.length;
  const n = nOut + innerX.length;
  const X = new Float64Array(2 * n);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const inner = i >= nOut;
    X[2 * i] = inner ? innerX[i - nOut] : outerX[i];
    X[2 * i + 1] = inner ? innerY[i - nOut] : outerY[i];
    y[i] = inner ? 1 : 0;
  }
  return { X, y, nSamples: n, nFeatures: 2 };
}

/** sklearn's tail: `if shuffle: util_shuffle(X, y)`, then `if noise is not None: X += normal(scale=noise, size=X.shape)`. */
function shuffleThenNoise(data: Dataset, rs: RandomState, shuffle: boolean, noise: number | null): Dataset {
  const out = shuffle ? shuffleRows(data, rs) : data;
  if (noise !== null) {
    for (let i = 0; i < out.X.length; i++) out.X[i] += rs.normal(0, noise);
  }
  return out;
}

function checkNoise(noise: number | null): void {
  if (noise !== null) checkRange('noise', noise, 0, Infinity, { maxOpen: true });
}

/**
 * Mirrors `sklearn.datasets.make_moons(n_samples, shuffle=, noise=, random_state=)`
 * (scikit-learn 1.2): n//2 points on the upper unit half circle (label 0), the
 * rest on the lower half circle shifted by (1, -0.5) (label 1).
 */
export function makeMoons(options: MoonsOptions = {}): Dataset {
  const n = options.nSamples ?? 100;
  const noise = options.noise ?? null;
  checkInt('nSamples', n, 0);
  checkNoise(noise);
  const rs = checkRandomState(options.randomState);
  const nOut = Math.floor(n / 2);
  const tOut = linspace(0, Math.PI, nOut);
  const tIn = linspace(0, Math.PI, n - nOut);
  const data = twoClassDataset(
    tOut.map(Math.cos),
    tOut.map(Math.sin),
    tIn.map((t) => 1 - Math.cos(t)),
    tIn.map((t) => 1 - Math.sin(t) - 0.5),
  );
  return shuffleThenNoise(data, rs, options.shuffle ?? true, noise);
}

/**
 * Mirrors `sklearn.datasets.make_circles(n_samples, shuffle=, noise=,
 * random_state=, factor=)` (scikit-learn 1.2): n//2 points on the unit circle
 * (label 0) and the rest on a circle of radius `factor` (label 1), both from
 * `linspace(0, 2*pi, m, endpoint=False)`.
 */
export function makeCircles(options: CirclesOptions = {}): Dataset {
  const n = options.nSamples ?? 100;
  const noise = options.noise ?? null;
  const factor = options.factor ?? 0.8;
  checkInt('nSamples', n, 0);
  checkNoise(noise);
  checkRange('factor', factor, 0, 1, { maxOpen: true });
  const rs = checkRandomState(options.randomState);
  const nOut = Math.floor(n / 2);
  const tOut = linspace(0, 2 * Math.PI, nOut, false);
  const tIn = linspace(0, 2 * Math.PI, n - nOut, false);
  const data = twoClassDataset(
    tOut.map(Math.cos),
    tOut.map(Math.sin),
    tIn.map((t) => Math.cos(t) * factor),
    tIn.map((t) => Math.sin(t) * factor),
  );
  return shuffleThenNoise(data, rs, options.shuffle ?? true, noise);
}

const XOR_CORNERS = [1, 1, -1, -1, 1, -1, -1, 1];

/**
 * Our XOR dataset (not in sklearn): four Gaussian blobs at the corners of the
 * square, labelled by the sign of x1 * x2 of the final point. Reproducible in
 * numpy (defaults nSamples=200, noise=0.5, shuffle=True):
 *
 * ```python
 * rs = np.random.RandomState(seed)
 * corners = np.array([(1, 1), (-1, -1), (1, -1), (-1, 1)], dtype=float)
 * X = rs.standard_normal(size=(n, 2)) * noise + corners[np.arange(n) % 4]
 * y = (X[:, 0] * X[:, 1] > 0).astype(int)
 * if shuffle:
 *     X, y = sklearn.utils.shuffle(X, y, random_state=rs)  # arange + rs.shuffle
 * ```
 *
 * Points i ≡ 0, 1 (mod 4) sit at (1, 1), (-1, -1) and are mostly label 1;
 * i ≡ 2, 3 at (1, -1), (-1, 1) are mostly label 0. The label is taken after
 * the noise, so noise that carries a point across an axis flips its label,
 * and a point exactly on an axis (product 0) is label 0. The normals are
 * drawn even when noise is 0.
 */
export function makeXor(options: XorOptions = {}): Dataset {
  const n = options.nSamples ?? 200;
  const noise = options.noise ?? 0.5;
  checkInt('nSamples', n, 0);
  checkRange('noise', noise, 0, Infinity, { maxOpen: true });
  const rs = checkRandomState(options.randomState);
  const X = new Float64Array(2 * n);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = 2 * (i % 4);
    X[2 * i] = rs.standardNormal() * noise + XOR_CORNERS[c];
    X[2 * i + 1] = rs.standardNormal() * noise + XOR_CORNERS[c + 1];
    y[i] = X[2 * i] * X[2 * i + 1] > 0 ? 1 : 0;
  }
  const data: Dataset = { X, y, nSamples: n, nFeatures: 2 };
  return options.shuffle ?? true ? shuffleRows(data, rs) : data;
}
