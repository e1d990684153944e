/** Small statistics over seeds: plain numbers in, plain numbers out. */

/** Mean and sample standard deviation (n − 1; 0 for a single value). */
export function meanStd(xs: readonly number[]): { mean: number; std: number } {
  const n = xs.length;
  if (n === 0) return { mean: NaN, std: NaN };
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { mean, std: 0 };
  const ss = xs.reduce((a, x) => a + (x - mean) ** 2, 0);
  return { mean, std: Math.sqrt(ss / (n - 1)) };
}

/** Two-sided 97.5% quantiles of Student's t for 1..30 degrees of freedom (then ~1.96 + 2.4/df). */
const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

export function tQuantile975(df: number): number {
  return df <= 30 ? T975[df - 1] : 1.96 + 2.4 / df;
}

/**
 * Mean of the paired differences b[i] − a[i] and its 95% confidence interval (Student's t):
 * paired because both networks of seed i start from the same initial weights.
 */
export function pairedDifference(a: readonly number[], b: readonly number[]): { mean: number; low: number; high: number } {
  const d = b.map((x, i) => x - a[i]);
  const { mean, std } = meanStd(d);
  if (d.length < 2) return { mean, low: NaN, high: NaN };
  const half = (tQuantile975(d.length - 1) * std) / Math.sqrt(d.length);
  return { mean, low: mean - half, high: mean + half };
}
