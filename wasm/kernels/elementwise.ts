/**
 * Elementwise kernels on f64x2 lanes (two float64 per instruction), each followed by a scalar tail
 * for an odd length. Every one computes, element by element, the very operations of its
 * JavaScript reference in src/tensor/kernels/js/, in the same order, so the results are equal bit
 * for bit (IEEE add, sub, mul, div and sqrt are exact to the last bit on every engine).
 */

// @ts-ignore: decorator
@inline function at(base: usize, i: i32): usize {
  return base + (<usize>i << 3);
}

/** out = a + b, out = a − b, out = a · b, out = a / b (same shapes). */
export function addV(a: usize, b: usize, out: usize, n: i32): void {
  let i = 0;
  for (; i + 1 < n; i += 2) v128.store(at(out, i), f64x2.add(v128.load(at(a, i)), v128.load(at(b, i))));
  if (i < n) store<f64>(at(out, i), load<f64>(at(a, i)) + load<f64>(at(b, i)));
}

export function subV(a: usize, b: usize, out: usize, n: i32): void {
  let i = 0;
  for (; i + 1 < n; i += 2) v128.store(at(out, i), f64x2.sub(v128.load(at(a, i)), v128.load(at(b, i))));
  if (i < n) store<f64>(at(out, i), load<f64>(at(a, i)) - load<f64>(at(b, i)));
}

export function mulV(a: usize, b: usize, out: usize, n: i32): void {
  let i = 0;
  for (; i + 1 < n; i += 2) v128.store(at(out, i), f64x2.mul(v128.load(at(a, i)), v128.load(at(b, i))));
  if (i < n) store<f64>(at(out, i), load<f64>(at(a, i)) * load<f64>(at(b, i)));
}

export function divV(a: usize, b: usize, out: usize, n: i32): void {
  let i = 0;
  for (; i + 1 < n; i += 2) v128.store(at(out, i), f64x2.div(v128.load(at(a, i)), v128.load(at(b, i))));
  if (i < n) store<f64>(at(out, i), load<f64>(at(a, i)) / load<f64>(at(b, i)));
}

/** dst += src (a gradient contribution passed through unchanged). */
export function addInto(dst: usize, src: usize, n: i32): void {
  let i = 0;
  for (; i + 1 < n; i += 2) v128.store(at(dst, i), f64x2.add(v128.load(at(dst, i)), v128.load(at(src, i))));
  if (i < n) store<f64>(at(dst, i), load<f64>(at(dst, i)) + load<f64>(at(src, i)));
}

/** dst −= src (∂(a − b)/∂b = −1). */
export function subInto(dst: usize, src: usize, n: i32): void {
  let i = 0;
  for (; i + 1 < n; i += 2) v128.store(at(dst, i), f64x2.sub(v128.load(at(dst, i)), v128.load(at(src, i))));
  if (i < n) store<f64>(at(dst, i), load<f64>(at(dst, i)) - load<f64>(at(src, i)));
}

/** dst += g · x (∂(ab)/∂a = b). */
export function mulAddInto(dst: usize, g: usize, x: usize, n: i32): void {
  let i = 0;
  for (; i + 1 < n; i += 2) {
    v128.store(at(dst, i), f64x2.add(v128.load(at(dst, i)), f64x2.mul(v128.load(at(g, i)), v128.load(at(x, i)))));
  }
  if (i < n) store<f64>(at(dst, i), load<f64>(at(dst, i)) + load<f64>(at(g, i)) * load<f64>(at(x, i)));
}

/** dst += g / y (∂(a/b)/∂a = 1/b). */
export function divAddInto(dst: usize, g: usize, y: usize, n: i32): void {
  let i = 0;
  for (; i + 1 < n; i += 2) {
    v128.store(at(dst, i), f64x2.add(v128.load(at(dst, i)), f64x2.div(v128.load(at(g, i)), v128.load(at(y, i)))));
  }
  if (i < n) store<f64>(at(dst, i), load<f64>(at(dst, i)) + load<f64>(at(g, i)) / load<f64>(at(y, i)));
}

/** dst −= (g · x) / (y · y) (∂(a/b)/∂b = −a/b²). */
export function divGradBInto(dst: usize, g: usize, x: usize, y: usize, n: i32): void {
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const yv = v128.load(at(y, i));
    const t = f64x2.div(f64x2.mul(v128.load(at(g, i)), v128.load(at(x, i))), f64x2.mul(yv, yv));
    v128.store(at(dst, i), f64x2.sub(v128.load(at(dst, i)), t));
  }
  if (i < n) {
    const yv = load<f64>(at(y, i));
    store<f64>(at(dst, i), load<f64>(at(dst, i)) - (load<f64>(at(g, i)) * load<f64>(at(x, i))) / (yv * yv));
  }
}

/** dst += s (one number added to every element: ∂(Σx)/∂xᵢ · g). */
export function addScalarInto(dst: usize, s: f64, n: i32): void {
  const sv = f64x2.splat(s);
  let i = 0;
  for (; i + 1 < n; i += 2) v128.store(at(dst, i), f64x2.add(v128.load(at(dst, i)), sv));
  if (i < n) store<f64>(at(dst, i), load<f64>(at(dst, i)) + s);
}

/** out[r, c] = a[r, c] + b[c] for `rows` rows of C columns (a bias added to a batch). */
export function addRows(a: usize, b: usize, out: usize, rows: i32, C: i32): void {
  for (let r = 0; r < rows; r++) {
    const o = r * C;
    let c = 0;
    for (; c + 1 < C; c += 2) v128.store(at(out, o + c), f64x2.add(v128.load(at(a, o + c)), v128.load(at(b, c))));
    if (c < C) store<f64>(at(out, o + c), load<f64>(at(a, o + c)) + load<f64>(at(b, c)));
  }
}

/** dst[c] += Σ_r g[r, c], rows in order (∂L/∂b of a bias added to every row). */
export function colSumsInto(g: usize, dst: usize, rows: i32, C: i32): void {
  let c = 0;
  for (; c + 1 < C; c += 2) {
    let s = v128.load(at(dst, c));
    for (let r = 0; r < rows; r++) s = f64x2.add(s, v128.load(at(g, r * C + c)));
    v128.store(at(dst, c), s);
  }
  if (c < C) {
    let s = load<f64>(at(dst, c));
    for (let r = 0; r < rows; r++) s += load<f64>(at(g, r * C + c));
    store<f64>(at(dst, c), s);
  }
}

/** Σ of all elements, in order (a plain left-to-right sum, as the reference). */
export function sumAll(a: usize, n: i32): f64 {
  let s = 0.0;
  for (let i = 0; i < n; i++) s += load<f64>(at(a, i));
  return s;
}

/** out = max(a, 0), with relu(NaN) = 0 and relu(−0) = +0 like `a > 0 ? a : 0`. */
export function relu(a: usize, out: usize, n: i32): void {
  const zero = f64x2.splat(0);
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const x = v128.load(at(a, i));
    v128.store(at(out, i), v128.and(x, f64x2.gt(x, zero)));
  }
  if (i < n) {
    const x = load<f64>(at(a, i));
    store<f64>(at(out, i), x > 0 ? x : 0);
  }
}

/** dst += g where x > 0 (∂relu(x)/∂x = [x > 0]); the mask keeps g's bits exactly. */
export function reluGradInto(x: usize, g: usize, dst: usize, n: i32): void {
  const zero = f64x2.splat(0);
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const mask = f64x2.gt(v128.load(at(x, i)), zero);
    const d = v128.load(at(dst, i));
    v128.store(at(dst, i), v128.bitselect(f64x2.add(d, v128.load(at(g, i))), d, mask));
  }
  if (i < n && load<f64>(at(x, i)) > 0) store<f64>(at(dst, i), load<f64>(at(dst, i)) + load<f64>(at(g, i)));
}

/** out = g where y > 0, else 0 (the relu mask applied to a gradient, written to a new buffer). */
export function reluMask(y: usize, g: usize, out: usize, n: i32): void {
  const zero = f64x2.splat(0);
  let i = 0;
  for (; i + 1 < n; i += 2) {
    v128.store(at(out, i), v128.and(v128.load(at(g, i)), f64x2.gt(v128.load(at(y, i)), zero)));
  }
  if (i < n) store<f64>(at(out, i), load<f64>(at(y, i)) > 0 ? load<f64>(at(g, i)) : 0);
}

/**
 * The fused affine layer's epilogue, in place on out [rows × C]: out ← out + b (when hasBias),
 * then relu (when doRelu), as `v = out + b; out = relu && !(v > 0) ? 0 : v`.
 */
export function biasRelu(out: usize, b: usize, rows: i32, C: i32, hasBias: i32, doRelu: i32): void {
  const zero = f64x2.splat(0);
  for (let r = 0; r < rows; r++) {
    const o = r * C;
    let c = 0;
    for (; c + 1 < C; c += 2) {
      let v = v128.load(at(out, o + c));
      if (hasBias) v = f64x2.add(v, v128.load(at(b, c)));
      if (doRelu) v = v128.and(v, f64x2.gt(v, zero));
      v128.store(at(out, o + c), v);
    }
    if (c < C) {
      let v = load<f64>(at(out, o + c));
      if (hasBias) v += load<f64>(at(b, c));
      if (doRelu && !(v > 0)) v = 0;
      store<f64>(at(out, o + c), v);
    }
  }
}
