/**
 * The JavaScript matrix products, the reference the WebAssembly kernels are tested against:
 * C (+)= op(A) · op(B) for row-major Float64Arrays with layout `nn` (A B), `nt` (A Bᵀ) or
 * `tn` (Aᵀ B). All three run through one register-tiled kernel, out = X Yᵀ; the layouts that need
 * it first transpose an operand into a reused scratch buffer.
 *
 * The kernel: out[r, c] (+)= Σ_t X[r, t] · Y[c, t] for row-major X [R, L] and Y [C, L].
 * Both operands are read along contiguous rows, and each pass of the inner loop updates a 2 × 4
 * tile of eight independent sums held in registers: 6 loads per 8 multiply-adds and no stores,
 * instead of 2 loads and a store per multiply-add in the textbook triple loop. Every sum runs over
 * t in order, so results do not depend on the tiling.
 */

export type Layout = 'nn' | 'nt' | 'tn';

/** C[M×N] (+)= op(A) · op(B) (see the layouts above). */
export function gemmJs(layout: Layout, A: Float64Array, B: Float64Array, C: Float64Array, M: number, N: number, K: number, accumulate: boolean): void {
  if (layout === 'nn') gemmABt(A, transposeInto(B, K, N, 0), C, M, N, K, accumulate);
  else if (layout === 'nt') gemmABt(A, B, C, M, N, K, accumulate);
  else gemmABt(transposeInto(A, K, M, 0), transposeInto(B, K, N, 1), C, M, N, K, accumulate);
}

/** out = X Yᵀ, or out += X Yᵀ when `accumulate`. */
function gemmABt(
  X: Float64Array,
  Y: Float64Array,
  out: Float64Array,
  R: number,
  C: number,
  L: number,
  accumulate: boolean,
): void {
  let r = 0;
  for (; r + 1 < R; r += 2) {
    const x0 = r * L;
    const x1 = x0 + L;
    let c = 0;
    for (; c + 3 < C; c += 4) {
      const y0 = c * L;
      const y1 = y0 + L;
      const y2 = y1 + L;
      const y3 = y2 + L;
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0;
      let s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      for (let t = 0; t < L; t++) {
        const a0 = X[x0 + t];
        const a1 = X[x1 + t];
        const b0 = Y[y0 + t];
        const b1 = Y[y1 + t];
        const b2 = Y[y2 + t];
        const b3 = Y[y3 + t];
        s00 += a0 * b0; s01 += a0 * b1; s02 += a0 * b2; s03 += a0 * b3;
        s10 += a1 * b0; s11 += a1 * b1; s12 += a1 * b2; s13 += a1 * b3;
      }
      const o0 = r * C + c;
      const o1 = o0 + C;
      if (accumulate) {
        out[o0] += s00; out[o0 + 1] += s01; out[o0 + 2] += s02; out[o0 + 3] += s03;
        out[o1] += s10; out[o1 + 1] += s11; out[o1 + 2] += s12; out[o1 + 3] += s13;
      } else {
        out[o0] = s00; out[o0 + 1] = s01; out[o0 + 2] = s02; out[o0 + 3] = s03;
        out[o1] = s10; out[o1 + 1] = s11; out[o1 + 2] = s12; out[o1 + 3] = s13;
      }
    }
    for (; c < C; c++) {
      const y0 = c * L;
      let s0 = 0, s1 = 0;
      for (let t = 0; t < L; t++) {
        const b = Y[y0 + t];
        s0 += X[x0 + t] * b;
        s1 += X[x1 + t] * b;
      }
      if (accumulate) {
        out[r * C + c] += s0;
        out[(r + 1) * C + c] += s1;
      } else {
        out[r * C + c] = s0;
        out[(r + 1) * C + c] = s1;
      }
    }
  }
  for (; r < R; r++) {
    const x0 = r * L;
    for (let c = 0; c < C; c++) {
      const y0 = c * L;
      let s = 0;
      for (let t = 0; t < L; t++) s += X[x0 + t] * Y[y0 + t];
      if (accumulate) out[r * C + c] += s;
      else out[r * C + c] = s;
    }
  }
}

/** Scratch buffers for transposed copies, grown on demand and reused across calls. */
const scratch = [new Float64Array(0), new Float64Array(0)];

/** Aᵀ of a row-major [rows, cols] matrix, written into scratch buffer `slot`. */
function transposeInto(A: Float64Array, rows: number, cols: number, slot: 0 | 1): Float64Array {
  if (scratch[slot].length < rows * cols) scratch[slot] = new Float64Array(rows * cols);
  const T = scratch[slot];
  for (let i = 0; i < rows; i++) {
    const row = i * cols;
    for (let j = 0; j < cols; j++) T[j * rows + i] = A[row + j];
  }
  return T;
}
