/**
 * The one hot loop of makeClassification: X_k = X_k @ A + centroid for a block
 * of rows, in place. For the notebook's data (5000 × 100, four 100 × 100
 * products) a plain triple loop costs ~110 ms; register blocking (4 rows × 2
 * columns per inner loop, A transposed so both operands stream contiguously)
 * brings it to ~25–45 ms. Each output is still summed over r = 0..k-1 in order.
 */

/**
 * Dot products of 4 rows of X (starting at offsets r0..r3) with every column
 * of A (given transposed as At), into out[q * k + c].
 */
function block4(
  X: Float64Array,
  r0: number,
  r1: number,
  r2: number,
  r3: number,
  At: Float64Array,
  k: number,
  out: Float64Array,
): void {
  let c = 0;
  for (; c + 2 <= k; c += 2) {
    const a = c * k;
    const b = a + k;
    let s00 = 0, s01 = 0, s10 = 0, s11 = 0, s20 = 0, s21 = 0, s30 = 0, s31 = 0;
    for (let r = 0; r < k; r++) {
      const w0 = At[a + r];
      const w1 = At[b + r];
      const x0 = X[r0 + r];
      const x1 = X[r1 + r];
      const x2 = X[r2 + r];
      const x3 = X[r3 + r];
      s00 += x0 * w0; s01 += x0 * w1;
      s10 += x1 * w0; s11 += x1 * w1;
      s20 += x2 * w0; s21 += x2 * w1;
      s30 += x3 * w0; s31 += x3 * w1;
    }
    out[c] = s00; out[c + 1] = s01;
    out[k + c] = s10; out[k + c + 1] = s11;
    out[2 * k + c] = s20; out[2 * k + c + 1] = s21;
    out[3 * k + c] = s30; out[3 * k + c + 1] = s31;
  }
  if (c < k) {
    // Odd k: the last column on its own.
    out[c] = dot(X, r0, At, c * k, k);
    out[k + c] = dot(X, r1, At, c * k, k);
    out[2 * k + c] = dot(X, r2, At, c * k, k);
    out[3 * k + c] = dot(X, r3, At, c * k, k);
  }
}

function dot(X: Float64Array, xOff: number, At: Float64Array, aOff: number, k: number): number {
  let s = 0;
  for (let r = 0; r < k; r++) s += X[xOff + r] * At[aOff + r];
  return s;
}

function transpose(A: Float64Array, k: number): Float64Array {
  const At = new Float64Array(k * k);
  for (let r = 0; r < k; r++) {
    for (let c = 0; c < k; c++) At[c * k + r] = A[r * k + c];
  }
  return At;
}

/**
 * In place: for rows start..stop-1 of the row-major matrix X (row stride
 * `stride`), `X[i, 0:k] = X[i, 0:k] @ A + bias[biasOffset + 0..k-1]`, with A
 * k × k row-major. Mirrors `X_k[...] = np.dot(X_k, A); X_k += centroid`.
 */
export function affineRowsInPlace(
  X: Float64Array,
  stride: number,
  start: number,
  stop: number,
  A: Float64Array,
  k: number,
  bias: Float64Array,
  biasOffset: number,
): void {
  const At = transpose(A, k);
  const out = new Float64Array(4 * k);
  // One code path for every block: a short last block repeats its first row
  // in the unused slots and discards those results. (A separate tail loop
  // would reach optimised code without type feedback and deoptimise it.)
  for (let i = start; i < stop; i += 4) {
    const rows = Math.min(4, stop - i);
    const r0 = i * stride;
    const r1 = rows > 1 ? r0 + stride : r0;
    const r2 = rows > 2 ? r0 + 2 * stride : r0;
    const r3 = rows > 3 ? r0 + 3 * stride : r0;
    block4(X, r0, r1, r2, r3, At, k, out);
    for (let q = 0; q < rows; q++) {
      const row = (i + q) * stride;
      for (let c = 0; c < k; c++) X[row + c] = out[q * k + c] + bias[biasOffset + c];
    }
  }
}
