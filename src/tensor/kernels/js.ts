/**
 * The JavaScript kernels: plain loops, the reference implementation. The WebAssembly kernels in
 * wasm/kernels compute the same operations in the same order on two lanes at a time (tested
 * against these in test/tensor/kernels.test.ts).
 */

export type Binary = 'add' | 'sub' | 'mul' | 'div';

/** out = a ∘ b elementwise (same shapes). */
export function binaryJs(kind: Binary, A: Float64Array, B: Float64Array, out: Float64Array): void {
  const n = out.length;
  switch (kind) {
    case 'add': for (let i = 0; i < n; i++) out[i] = A[i] + B[i]; return;
    case 'sub': for (let i = 0; i < n; i++) out[i] = A[i] - B[i]; return;
    case 'mul': for (let i = 0; i < n; i++) out[i] = A[i] * B[i]; return;
    case 'div': for (let i = 0; i < n; i++) out[i] = A[i] / B[i]; return;
  }
}

export function addIntoJs(dst: Float64Array, src: Float64Array): void {
  for (let i = 0; i < dst.length; i++) dst[i] += src[i];
}

export function subIntoJs(dst: Float64Array, src: Float64Array): void {
  for (let i = 0; i < dst.length; i++) dst[i] -= src[i];
}

/** dst += g · x */
export function mulAddIntoJs(dst: Float64Array, g: Float64Array, x: Float64Array): void {
  for (let i = 0; i < dst.length; i++) dst[i] += g[i] * x[i];
}

/** dst += g / y */
export function divAddIntoJs(dst: Float64Array, g: Float64Array, y: Float64Array): void {
  for (let i = 0; i < dst.length; i++) dst[i] += g[i] / y[i];
}

/** dst −= (g · x) / (y · y) */
export function divGradBIntoJs(dst: Float64Array, g: Float64Array, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < dst.length; i++) dst[i] -= (g[i] * x[i]) / (y[i] * y[i]);
}

/** dst += s */
export function addScalarIntoJs(dst: Float64Array, s: number): void {
  for (let i = 0; i < dst.length; i++) dst[i] += s;
}

/** out[r, c] = a[r, c] + b[c] */
export function addRowsJs(A: Float64Array, B: Float64Array, out: Float64Array, rows: number, C: number): void {
  for (let o = 0; o < rows * C; o += C) for (let c = 0; c < C; c++) out[o + c] = A[o + c] + B[c];
}

/** dst[c] += Σ_r g[r, c], rows in order */
export function colSumsIntoJs(G: Float64Array, dst: Float64Array, rows: number, C: number): void {
  for (let o = 0; o < rows * C; o += C) for (let c = 0; c < C; c++) dst[c] += G[o + c];
}

/** Σ of all elements, left to right */
export function sumAllJs(A: Float64Array): number {
  let s = 0;
  for (let i = 0; i < A.length; i++) s += A[i];
  return s;
}

/** out = max(a, 0), relu(NaN) = 0 */
export function reluJs(A: Float64Array, out: Float64Array): void {
  for (let i = 0; i < out.length; i++) out[i] = A[i] > 0 ? A[i] : 0;
}

/** dst += g where x > 0 */
export function reluGradIntoJs(X: Float64Array, G: Float64Array, dst: Float64Array): void {
  for (let i = 0; i < dst.length; i++) if (X[i] > 0) dst[i] += G[i];
}

/** out = g where y > 0, else 0 */
export function reluMaskJs(Y: Float64Array, G: Float64Array, out: Float64Array): void {
  for (let i = 0; i < out.length; i++) out[i] = Y[i] > 0 ? G[i] : 0;
}

/** In place on out [rows × C]: v = out + b (when b is given), then relu (when asked). */
export function biasReluJs(out: Float64Array, B: Float64Array | null, rows: number, C: number, relu: boolean): void {
  for (let o = 0; o < rows * C; o += C) {
    for (let j = 0; j < C; j++) {
      const v = B === null ? out[o + j] : out[o + j] + B[j];
      out[o + j] = relu && !(v > 0) ? 0 : v;
    }
  }
}

/** lse = m + ln Σ_c e^{z_c − m} of one row (m the row maximum). */
function rowLse(Z: Float64Array, o: number, C: number): number {
  let m = -Infinity;
  for (let c = 0; c < C; c++) if (Z[o + c] > m) m = Z[o + c];
  let s = 0;
  for (let c = 0; c < C; c++) s += Math.exp(Z[o + c] - m);
  return m + Math.log(s);
}

/** out = log-softmax of every row: z − lse. */
export function logSoftmaxRowsJs(Z: Float64Array, out: Float64Array, rows: number, C: number): void {
  for (let r = 0; r < rows; r++) {
    const o = r * C;
    const lse = rowLse(Z, o, C);
    for (let c = 0; c < C; c++) out[o + c] = Z[o + c] - lse;
  }
}

/** Per row n: lse[n] and ℓₙ = −(1 − ε)(z_{yₙ} − lse) − (ε/C) Σ_c (z_c − lse). */
export function crossEntropyRowsJs(
  Z: Float64Array, labels: Int32Array, lse: Float64Array, losses: Float64Array, N: number, C: number, eps: number,
): void {
  for (let n = 0; n < N; n++) {
    const o = n * C;
    const l = rowLse(Z, o, C);
    lse[n] = l;
    let all = 0;
    if (eps !== 0) for (let c = 0; c < C; c++) all += Z[o + c] - l;
    losses[n] = -(1 - eps) * (Z[o + labels[n]] - l) - (eps / C) * all;
  }
}

/** gz += sₙ (p − ε/C − (1 − ε) onehot(yₙ)), sₙ = scales[n] or `scale`. */
export function crossEntropyGradIntoJs(
  Z: Float64Array, labels: Int32Array, lse: Float64Array, gz: Float64Array, N: number, C: number, eps: number,
  scales: Float64Array | null, scale: number,
): void {
  const share = eps / C;
  for (let n = 0; n < N; n++) {
    const s = scales !== null ? scales[n] : scale;
    const o = n * C;
    for (let c = 0; c < C; c++) gz[o + c] += s * (Math.exp(Z[o + c] - lse[n]) - share);
    gz[o + labels[n]] -= s * (1 - eps);
  }
}
