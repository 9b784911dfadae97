/**
 * Softmax, log-softmax and cross-entropy over the rows of a [rows × C] matrix, stable for any
 * logits (the row maximum m is subtracted first):
 *
 *   lse = m + ln Σ_c e^{z_c − m},   log p_c = z_c − lse,   p_c = e^{z_c − lse}.
 *
 * Cross-entropy with label smoothing ε (chapter 02-cross-entropy): for row n with label yₙ,
 *   ℓₙ = −(1 − ε) log p_{yₙ} − (ε / C) Σ_c log p_c,   ∂ℓₙ/∂z_c = p_c − ε/C − (1 − ε)[c = yₙ].
 * The forward pass keeps only lse per row; the backward pass recomputes p from z and lse.
 *
 * exp and ln are AssemblyScript's own (musl's algorithms, compiled into this module), not the
 * engine's Math.exp: results can differ from the JavaScript reference in the last bit.
 */

// @ts-ignore: decorator
@inline function at(base: usize, i: i32): usize {
  return base + (<usize>i << 3);
}

/** lse of row r of z (C columns). */
// @ts-ignore: decorator
@inline function rowLse(z: usize, C: i32): f64 {
  let m = -Infinity;
  for (let c = 0; c < C; c++) {
    const v = load<f64>(at(z, c));
    if (v > m) m = v;
  }
  let s = 0.0;
  for (let c = 0; c < C; c++) s += Math.exp(load<f64>(at(z, c)) - m);
  return m + Math.log(s);
}

/** out = log-softmax of every row of z. */
export function logSoftmaxRows(z: usize, out: usize, rows: i32, C: i32): void {
  for (let r = 0; r < rows; r++) {
    const zr = at(z, r * C);
    const lse = rowLse(zr, C);
    const or = at(out, r * C);
    for (let c = 0; c < C; c++) store<f64>(at(or, c), load<f64>(at(zr, c)) - lse);
  }
}

/**
 * Cross-entropy per row: writes lse[n] and losses[n] for logits z [N × C] and labels (i32, one
 * per row).
 */
export function crossEntropyRows(z: usize, labels: usize, lse: usize, losses: usize, N: i32, C: i32, eps: f64): void {
  for (let n = 0; n < N; n++) {
    const zr = at(z, n * C);
    const l = rowLse(zr, C);
    store<f64>(at(lse, n), l);
    let all = 0.0;
    if (eps != 0) for (let c = 0; c < C; c++) all += load<f64>(at(zr, c)) - l;
    const y = load<i32>(labels + (<usize>n << 2));
    store<f64>(at(losses, n), -(1 - eps) * (load<f64>(at(zr, y)) - l) - (eps / C) * all);
  }
}

/**
 * ∂L/∂z += sₙ · (p − ε/C − (1 − ε)·onehot(yₙ)) row by row, with sₙ = scales[n] when `scales` is
 * not 0, else the one number `scale` (a 'mean' or 'sum' reduction).
 */
export function crossEntropyGradInto(
  z: usize, labels: usize, lse: usize, gz: usize, N: i32, C: i32, eps: f64, scales: usize, scale: f64,
): void {
  const share = eps / C;
  for (let n = 0; n < N; n++) {
    const s = scales != 0 ? load<f64>(at(scales, n)) : scale;
    const l = load<f64>(at(lse, n));
    const o = n * C;
    for (let c = 0; c < C; c++) {
      const p = at(gz, o + c);
      store<f64>(p, load<f64>(p) + s * (Math.exp(load<f64>(at(z, o + c)) - l) - share));
    }
    const y = at(gz, o + load<i32>(labels + (<usize>n << 2)));
    store<f64>(y, load<f64>(y) - s * (1 - eps));
  }
}
