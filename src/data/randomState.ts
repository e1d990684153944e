/**
 * A bit-exact port of numpy's legacy `numpy.random.RandomState` (numpy 1.24):
 * the MT19937 generator, its integer seeding, and the legacy algorithms that
 * RandomState keeps frozen for backward compatibility (53-bit doubles, the polar
 * Box–Muller normal with a cached second value, masked-rejection integers).
 *
 * Pure TypeScript: no DOM, no tfjs, runs in Node and in a Web Worker.
 */

/** A writable indexable sequence: plain arrays and typed arrays both qualify. */
export interface MutableArrayLike<T> {
  readonly length: number;
  [index: number]: T;
}

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;
const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;
const MAX_SEED = 0xffffffff;

function checkSeed(seed: number): void {
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new RangeError(`seed must be an integer in 0..${MAX_SEED}, got ${String(seed)}`);
  }
}

/** randint bounds: integers with |v| <= 2^53, so every value in [low, high) is exact. */
function checkBound(name: string, value: number): void {
  if (!Number.isInteger(value) || Math.abs(value) > TWO_POW_53) {
    throw new RangeError(`${name} must be an integer in -2^53..2^53, got ${String(value)}`);
  }
}

/**
 * Mirrors `numpy.random.RandomState(seed)` for an integer seed.
 *
 * numpy's `MT19937._legacy_seeding` calls `mt19937_seed(state, seed)` for an
 * integer (Knuth's `init_genrand` recurrence), not `init_by_array`; the array
 * path is only taken for sequence seeds. Every method below consumes the
 * underlying 32-bit stream exactly as numpy does, so interleaved calls
 * reproduce numpy's values.
 */
export class RandomState {
  private readonly key = new Uint32Array(N);
  private pos = N;
  private hasGauss = false;
  private gauss = 0;

  /** @param seed integer in 0..2^32-1, as `RandomState(seed)` accepts. */
  constructor(seed: number) {
    checkSeed(seed);
    const key = this.key;
    let s = seed >>> 0;
    for (let i = 0; i < N; i++) {
      key[i] = s;
      // 32-bit wrap-around multiply: exactly what the C code does with uint32_t.
      s = (Math.imul(1812433253, (s ^ (s >>> 30)) >>> 0) + i + 1) >>> 0;
    }
    this.pos = N;
  }

  /** Regenerates the 624-word state block (`mt19937_gen`). */
  private twist(): void {
    const k = this.key;
    let i = 0;
    let y: number;
    for (; i < N - M; i++) {
      y = (k[i] & UPPER_MASK) | (k[i + 1] & LOWER_MASK);
      k[i] = k[i + M] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    for (; i < N - 1; i++) {
      y = (k[i] & UPPER_MASK) | (k[i + 1] & LOWER_MASK);
      k[i] = k[i + M - N] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    y = (k[N - 1] & UPPER_MASK) | (k[0] & LOWER_MASK);
    k[N - 1] = k[M - 1] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    this.pos = 0;
  }

  /** One raw tempered MT19937 output, as `randint(0, 2**32, dtype=np.uint32)`. */
  nextUint32(): number {
    if (this.pos === N) this.twist();
    let y = this.key[this.pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** Mirrors `random_sample()`: a 53-bit double in [0, 1) built from two words. */
  randomSample(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** Mirrors `random_sample(n)`. */
  randomSampleArray(n: number): Float64Array {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = this.randomSample();
    return out;
  }

  /**
   * Mirrors `standard_normal()` (`legacy_gauss`): Marsaglia's polar method.
   * Each accepted pair yields two normals; the second is cached and returned by
   * the next call, even if other methods are called in between (as in numpy).
   */
  standardNormal(): number {
    if (this.hasGauss) {
      this.hasGauss = false;
      const cached = this.gauss;
      this.gauss = 0;
      return cached;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2 * this.randomSample() - 1;
      x2 = 2 * this.randomSample() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * Math.log(r2)) / r2);
    this.gauss = f * x1;
    this.hasGauss = true;
    return f * x2;
  }

  /** Mirrors `normal(loc, scale)` (`legacy_normal`: loc + scale * gauss). */
  normal(loc = 0, scale = 1): number {
    return loc + scale * this.standardNormal();
  }

  /** Mirrors `uniform(low, high)`: low + (high - low) * random_sample(). */
  uniform(low = 0, high = 1): number {
    const range = high - low;
    if (!Number.isFinite(range)) {
      throw new RangeError(`uniform range must be finite, got low=${low}, high=${high}`);
    }
    return low + range * this.randomSample();
  }

  /**
   * Mirrors `randint(high)` / `randint(low, high)` with the default int64 dtype:
   * a uniform integer in [low, high). Uses numpy's legacy masked rejection
   * (`random_bounded_uint64_fill` with `use_masked=True`): 32-bit draws when
   * high-1-low fits in 32 bits, 64-bit draws otherwise. Bounds are integers
   * with |v| <= 2^53 and high - low <= 2^53 (numpy allows int64; doubles
   * stop being exact beyond 2^53).
   */
  randint(lowOrHigh: number, high?: number): number {
    const low = high === undefined ? 0 : lowOrHigh;
    const hi = high === undefined ? lowOrHigh : high;
    checkBound('low', low);
    checkBound('high', hi);
    if (low >= hi) {
      throw new RangeError(`randint requires low < high, got low=${low}, high=${hi}`);
    }
    // hi - 1 is exact (hi > low >= -2^53); a true rng >= 2^53 cannot round below 2^53.
    const rng = hi - 1 - low;
    if (rng >= TWO_POW_53) {
      throw new RangeError(`randint range high - low must be <= 2^53, got low=${low}, high=${hi}`);
    }
    return low + this.boundedMasked(rng);
  }

  /**
   * A uniform integer in [0, max] by masked rejection. This one routine covers
   * both numpy's `random_bounded_uint64` (masked) and `random_interval` (used by
   * shuffle): they draw identically — nothing for max = 0, 32-bit words while
   * max <= 0xFFFFFFFF, otherwise a 64-bit word (high word first).
   */
  private boundedMasked(max: number): number {
    if (max === 0) return 0;
    if (max <= MAX_SEED) {
      // Smallest all-ones mask >= max.
      const mask = 0xffffffff >>> Math.clz32(max);
      let value: number;
      do {
        value = (this.nextUint32() & mask) >>> 0;
      } while (value > max);
      return value;
    }
    return this.boundedMasked64(max);
  }

  /** The 64-bit branch of masked rejection, for max in (2^32 - 1, 2^53). */
  private boundedMasked64(max: number): number {
    // The mask is 2^k - 1 with k > 32: all ones in the low word, so only the
    // high word needs masking.
    const maskHi = 0xffffffff >>> Math.clz32(Math.floor(max / TWO_POW_32));
    let value: number;
    do {
      // mt19937_next64 is (first << 32) | second.
      const hiWord = (this.nextUint32() & maskHi) >>> 0;
      const loWord = this.nextUint32();
      value = hiWord * TWO_POW_32 + loWord;
    } while (value > max);
    return value;
  }

  /**
   * Mirrors `shuffle(x)` in place: legacy Fisher–Yates from the end, with
   * j = random_interval(i) for i = n-1 down to 1 (no draw is skipped when
   * j === i; numpy only skips the copy).
   */
  shuffle<T>(array: MutableArrayLike<T>): void {
    for (let i = array.length - 1; i > 0; i--) {
      const j = this.boundedMasked(i);
      const tmp = array[i];
      array[i] = array[j];
      array[j] = tmp;
    }
  }

  /**
   * Mirrors `permutation(n)`: `arange(n)` shuffled. Returned as an Int32Array
   * (numpy gives int64; values are identical), so n must be < 2^31.
   */
  permutation(n: number): Int32Array {
    if (!Number.isInteger(n) || n < 0 || n > 0x7fffffff) {
      throw new RangeError(`permutation size must be an integer in 0..${0x7fffffff}, got ${String(n)}`);
    }
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = i;
    this.shuffle(out);
    return out;
  }
}

/** A seed, or a generator whose stream is continued (sklearn's `random_state`). */
export type RandomStateLike = number | RandomState | null | undefined;

/**
 * Mirrors `sklearn.utils.check_random_state`: a number seeds a fresh
 * RandomState, an instance is used as is (and advanced), and null/undefined
 * draws an unpredictable seed (non-reproducible, like sklearn's `None`).
 */
export function checkRandomState(randomState: RandomStateLike): RandomState {
  if (randomState instanceof RandomState) return randomState;
  if (randomState === null || randomState === undefined) {
    return new RandomState(Math.floor(Math.random() * TWO_POW_32));
  }
  return new RandomState(randomState);
}
