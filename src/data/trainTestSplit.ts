/**
 * Port of scikit-learn 1.2's `train_test_split` (shuffled, unstratified) for a
 * range of row indices: `_validate_shuffle_split` sizes plus `ShuffleSplit`'s
 * single permutation.
 */
import { type RandomStateLike, checkRandomState } from './randomState';
import { checkInt } from './validate';

export interface TrainTestSplitOptions {
  /**
   * A fraction in (0, 1) of the rows for the test set (n_test = ceil(testSize * n)),
   * or a count >= 1 (an integer; note that 1 therefore means one row, where
   * Python's float 1.0 would be rejected).
   */
  testSize?: number;
  randomState?: RandomStateLike;
}

export interface TrainTestIndices {
  train: Int32Array;
  test: Int32Array;
}

/** sklearn's `_validate_shuffle_split(n, test_size, train_size=None)`: returns n_test. */
function testCount(n: number, testSize: number): number {
  if (typeof testSize !== 'number' || !Number.isFinite(testSize) || testSize <= 0) {
    throw new RangeError(`testSize must be a fraction in (0, 1) or an integer count >= 1, got ${String(testSize)}`);
  }
  let nTest: number;
  if (Number.isInteger(testSize)) {
    if (testSize >= n) {
      throw new RangeError(`testSize=${testSize} must be smaller than the number of samples n=${n}`);
    }
    nTest = testSize;
  } else if (testSize < 1) {
    nTest = Math.ceil(testSize * n);
  } else {
    throw new RangeError(`testSize must be a fraction in (0, 1) or an integer count >= 1, got ${String(testSize)}`);
  }
  if (n - nTest === 0) {
    throw new RangeError(
      `With n=${n} and testSize=${testSize}, the resulting train set would be empty; adjust n or testSize`,
    );
  }
  return nTest;
}

/**
 * Mirrors `sklearn.model_selection.train_test_split(np.arange(n),
 * test_size=testSize, random_state=randomState)` for the indices alone:
 * `perm = rng.permutation(n); test = perm[:n_test]; train = perm[n_test:]`.
 * A number seeds a fresh RandomState; a RandomState instance is advanced.
 */
export function trainTestSplit(n: number, options: TrainTestSplitOptions = {}): TrainTestIndices {
  checkInt('n', n, 1);
  const nTest = testCount(n, options.testSize ?? 0.25);
  const perm = checkRandomState(options.randomState).permutation(n);
  return { test: perm.slice(0, nTest), train: perm.slice(nTest) };
}
