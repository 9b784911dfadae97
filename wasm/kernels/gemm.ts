/**
 * Matrix products on f64x2 lanes: C (+)= op(A) · op(B) for row-major float64 matrices, with the
 * transposes folded into how A and B are read (no transposed copy is ever made).
 *
 *   gemmNN: C[M×N] (+)= A[M×K]  · B[K×N]     the forward product Y = X W
 *   gemmTN: C[M×N] (+)= A[K×M]ᵀ · B[K×N]     the weight gradient ∂L/∂W = Xᵀ G
 *   gemmNT: C[M×N] (+)= A[M×K]  · B[N×K]ᵀ    the input gradient ∂L/∂X = G Wᵀ
 *
 * NN and TN share one register tile: 2 rows × 8 columns of C held in eight f64x2 accumulators,
 * updated per step of k by one broadcast of A(i, k) per row and four loads of the row B(k, j…j+7)
 * (measured fastest of the 2×2 … 3×8 tiles on this project's shapes: V8 gives Wasm 16 vector
 * registers, and 2×8 uses 13). Leftover columns go two at a time, then one; an odd last row one
 * element at a time.
 * Every C(i, j) then sums its K products in order k = 0, 1, …, exactly as the JavaScript reference
 * (src/tensor/kernels/js/gemm.ts) does, so NN and TN agree with it bit for bit.
 *
 * NT packs Bᵀ into a static buffer of the module (standard GEMM packing, inside the kernel) and runs
 * the broadcast tile, bit for bit the reference; a B too large for the buffer is read in place
 * along k instead (rows of A against rows of B): a 2 × 4 tile of dot products, each an f64x2
 * accumulator over pairs of k, folded lane 0 + lane 1 at the end, which differs from the
 * sequential sum by rounding only.
 *
 * `acc` = 1 adds into C (gradient accumulation), `acc` = 0 overwrites it. Pointers are byte
 * offsets into this module's memory; nothing here allocates.
 */

// @ts-ignore: decorator
@inline function f64At(base: usize, index: i32): usize {
  return base + (<usize>index << 3);
}

// @ts-ignore: decorator
@inline function put(c: usize, v: v128, acc: i32): void {
  v128.store(c, acc ? f64x2.add(v128.load(c), v) : v);
}

// @ts-ignore: decorator
@inline function putScalar(c: usize, v: f64, acc: i32): void {
  store<f64>(c, acc ? load<f64>(c) + v : v);
}

/** C[i…i+1, j…j+7] (+)= Σ_k A(i…, k) · B(k, j…j+7), in 8 two-lane accumulators. */
// @ts-ignore: decorator
@inline
function tile2x8(a: usize, ai: i32, ak: i32, b: usize, c: usize, N: i32, K: i32, i: i32, j: i32, acc: i32): void {
  const a0 = f64At(a, i * ai);
  const a1 = f64At(a, (i + 1) * ai);
  let s00 = f64x2.splat(0), s01 = f64x2.splat(0), s02 = f64x2.splat(0), s03 = f64x2.splat(0);
  let s10 = f64x2.splat(0), s11 = f64x2.splat(0), s12 = f64x2.splat(0), s13 = f64x2.splat(0);
  let bk = f64At(b, j);
  let ka: usize = 0;
  const bStep = <usize>N << 3;
  const aStep = <usize>ak << 3;
  for (let k = 0; k < K; k++) {
    const b0 = v128.load(bk);
    const b1 = v128.load(bk, 16);
    const b2 = v128.load(bk, 32);
    const b3 = v128.load(bk, 48);
    const x0 = v128.load64_splat(a0 + ka);
    s00 = f64x2.add(s00, f64x2.mul(x0, b0));
    s01 = f64x2.add(s01, f64x2.mul(x0, b1));
    s02 = f64x2.add(s02, f64x2.mul(x0, b2));
    s03 = f64x2.add(s03, f64x2.mul(x0, b3));
    const x1 = v128.load64_splat(a1 + ka);
    s10 = f64x2.add(s10, f64x2.mul(x1, b0));
    s11 = f64x2.add(s11, f64x2.mul(x1, b1));
    s12 = f64x2.add(s12, f64x2.mul(x1, b2));
    s13 = f64x2.add(s13, f64x2.mul(x1, b3));
    bk += bStep;
    ka += aStep;
  }
  const c0 = f64At(c, i * N + j);
  put(c0, s00, acc);
  put(c0 + 16, s01, acc);
  put(c0 + 32, s02, acc);
  put(c0 + 48, s03, acc);
  const c1 = f64At(c, (i + 1) * N + j);
  put(c1, s10, acc);
  put(c1 + 16, s11, acc);
  put(c1 + 32, s12, acc);
  put(c1 + 48, s13, acc);
}

/** C[i…i+1, j…j+1] (+)= Σ_k A(i…, k) · B(k, j…j+1), in 2 two-lane accumulators. */
// @ts-ignore: decorator
@inline
function tile2x2(a: usize, ai: i32, ak: i32, b: usize, c: usize, N: i32, K: i32, i: i32, j: i32, acc: i32): void {
  const a0 = f64At(a, i * ai);
  const a1 = f64At(a, (i + 1) * ai);
  let s00 = f64x2.splat(0);
  let s10 = f64x2.splat(0);
  let bk = f64At(b, j);
  let ka: usize = 0;
  const bStep = <usize>N << 3;
  const aStep = <usize>ak << 3;
  for (let k = 0; k < K; k++) {
    const b0 = v128.load(bk);
    const x0 = v128.load64_splat(a0 + ka);
    s00 = f64x2.add(s00, f64x2.mul(x0, b0));
    const x1 = v128.load64_splat(a1 + ka);
    s10 = f64x2.add(s10, f64x2.mul(x1, b0));
    bk += bStep;
    ka += aStep;
  }
  const c0 = f64At(c, i * N + j);
  put(c0, s00, acc);
  const c1 = f64At(c, (i + 1) * N + j);
  put(c1, s10, acc);
}

/** C(i, j) (+)= Σ_k A(i, k) · B(k, j) for one element, k in order. */
// @ts-ignore: decorator
@inline
function element(a: usize, ai: i32, ak: i32, b: usize, c: usize, N: i32, K: i32, i: i32, j: i32, acc: i32): void {
  const ar = f64At(a, i * ai);
  let s = 0.0;
  for (let k = 0; k < K; k++) s += load<f64>(ar + (<usize>(k * ak) << 3)) * load<f64>(f64At(b, k * N + j));
  putScalar(f64At(c, i * N + j), s, acc);
}

/**
 * C[i…i+1, j] (+)= Σ_k A(i…i+1, k) · B(k, j) when A(i, k) and A(i+1, k) are neighbours (TN): the
 * last column of a thin product, two rows per two-lane accumulator, k in order.
 */
// @ts-ignore: decorator
@inline
function pairColumn(a: usize, ak: i32, b: usize, c: usize, N: i32, K: i32, i: i32, j: i32, acc: i32): void {
  let s = f64x2.splat(0);
  for (let k = 0; k < K; k++) {
    s = f64x2.add(s, f64x2.mul(v128.load(f64At(a, k * ak + i)), v128.load64_splat(f64At(b, k * N + j))));
  }
  putScalar(f64At(c, i * N + j), f64x2.extract_lane(s, 0), acc);
  putScalar(f64At(c, (i + 1) * N + j), f64x2.extract_lane(s, 1), acc);
}

/**
 * The broadcast form shared by NN and TN: A(i, k) lies at a + 8·(i·ai + k·ak) and B(k, j) at
 * b + 8·(k·N + j).
 */
function gemmBroadcast(a: usize, ai: i32, ak: i32, b: usize, c: usize, M: i32, N: i32, K: i32, acc: i32): void {
  let i = 0;
  for (; i + 1 < M; i += 2) {
    let j = 0;
    for (; j + 7 < N; j += 8) tile2x8(a, ai, ak, b, c, N, K, i, j, acc);
    for (; j + 1 < N; j += 2) tile2x2(a, ai, ak, b, c, N, K, i, j, acc);
    if (j < N) {
      if (ai == 1) {
        pairColumn(a, ak, b, c, N, K, i, j, acc);
      } else {
        element(a, ai, ak, b, c, N, K, i, j, acc);
        element(a, ai, ak, b, c, N, K, i + 1, j, acc);
      }
    }
  }
  // An odd last row (rare: batches and layer widths are even in practice), one element at a time.
  if (i < M) for (let j = 0; j < N; j++) element(a, ai, ak, b, c, N, K, i, j, acc);
}

/** C[M×N] (+)= A[M×K] · B[K×N]. */
export function gemmNN(a: usize, b: usize, c: usize, M: i32, N: i32, K: i32, acc: i32): void {
  gemmBroadcast(a, K, 1, b, c, M, N, K, acc);
}

/** C[M×N] (+)= A[K×M]ᵀ · B[K×N]: A(i, k) is A[k, i]. */
export function gemmTN(a: usize, b: usize, c: usize, M: i32, N: i32, K: i32, acc: i32): void {
  gemmBroadcast(a, 1, M, b, c, M, N, K, acc);
}

// @ts-ignore: decorator
@inline function hsum(v: v128): f64 {
  return f64x2.extract_lane(v, 0) + f64x2.extract_lane(v, 1);
}

/** Room for a packed operand: 8,192 float64 (64 KiB), static in the module's data. */
const PACK_DOUBLES: i32 = 8192;
const PACK: usize = memory.data(PACK_DOUBLES << 3, 16);

/**
 * C[M×N] (+)= A[M×K] · B[N×K]ᵀ. When B fits the pack buffer (every B of this project's networks),
 * its transpose is packed there, K rows of N, and the product runs on the broadcast tile as NN,
 * summing every k in order (bit for bit the JavaScript reference). Larger B: dot products of row i
 * of A and row j of B, read in place, on pairs of k.
 */
export function gemmNT(a: usize, b: usize, c: usize, M: i32, N: i32, K: i32, acc: i32): void {
  if (N * K <= PACK_DOUBLES) {
    for (let j = 0; j < N; j++) {
      const bj = f64At(b, j * K);
      for (let k = 0; k < K; k++) store<f64>(f64At(PACK, k * N + j), load<f64>(f64At(bj, k)));
    }
    gemmBroadcast(a, K, 1, PACK, c, M, N, K, acc);
    return;
  }
  const K2 = K & ~1;
  const odd = K & 1;
  let i = 0;
  for (; i + 1 < M; i += 2) {
    const a0 = f64At(a, i * K);
    const a1 = f64At(a, (i + 1) * K);
    const c0 = f64At(c, i * N);
    const c1 = f64At(c, (i + 1) * N);
    let j = 0;
    for (; j + 3 < N; j += 4) {
      const b0 = f64At(b, j * K);
      const b1 = f64At(b, (j + 1) * K);
      const b2 = f64At(b, (j + 2) * K);
      const b3 = f64At(b, (j + 3) * K);
      let s00 = f64x2.splat(0), s01 = f64x2.splat(0), s02 = f64x2.splat(0), s03 = f64x2.splat(0);
      let s10 = f64x2.splat(0), s11 = f64x2.splat(0), s12 = f64x2.splat(0), s13 = f64x2.splat(0);
      for (let k = 0; k < K2; k += 2) {
        const o = <usize>k << 3;
        const x0 = v128.load(a0 + o);
        const x1 = v128.load(a1 + o);
        let y = v128.load(b0 + o);
        s00 = f64x2.add(s00, f64x2.mul(x0, y));
        s10 = f64x2.add(s10, f64x2.mul(x1, y));
        y = v128.load(b1 + o);
        s01 = f64x2.add(s01, f64x2.mul(x0, y));
        s11 = f64x2.add(s11, f64x2.mul(x1, y));
        y = v128.load(b2 + o);
        s02 = f64x2.add(s02, f64x2.mul(x0, y));
        s12 = f64x2.add(s12, f64x2.mul(x1, y));
        y = v128.load(b3 + o);
        s03 = f64x2.add(s03, f64x2.mul(x0, y));
        s13 = f64x2.add(s13, f64x2.mul(x1, y));
      }
      let t00 = hsum(s00), t01 = hsum(s01), t02 = hsum(s02), t03 = hsum(s03);
      let t10 = hsum(s10), t11 = hsum(s11), t12 = hsum(s12), t13 = hsum(s13);
      if (odd) {
        const o = <usize>K2 << 3;
        const x0 = load<f64>(a0 + o);
        const x1 = load<f64>(a1 + o);
        const y0 = load<f64>(b0 + o), y1 = load<f64>(b1 + o), y2 = load<f64>(b2 + o), y3 = load<f64>(b3 + o);
        t00 += x0 * y0; t01 += x0 * y1; t02 += x0 * y2; t03 += x0 * y3;
        t10 += x1 * y0; t11 += x1 * y1; t12 += x1 * y2; t13 += x1 * y3;
      }
      putScalar(f64At(c0, j), t00, acc);
      putScalar(f64At(c0, j + 1), t01, acc);
      putScalar(f64At(c0, j + 2), t02, acc);
      putScalar(f64At(c0, j + 3), t03, acc);
      putScalar(f64At(c1, j), t10, acc);
      putScalar(f64At(c1, j + 1), t11, acc);
      putScalar(f64At(c1, j + 2), t12, acc);
      putScalar(f64At(c1, j + 3), t13, acc);
    }
    for (; j < N; j++) {
      const bj = f64At(b, j * K);
      putScalar(f64At(c0, j), dot(a0, bj, K), acc);
      putScalar(f64At(c1, j), dot(a1, bj, K), acc);
    }
  }
  for (; i < M; i++) {
    const ai = f64At(a, i * K);
    const ci = f64At(c, i * N);
    for (let j = 0; j < N; j++) putScalar(f64At(ci, j), dot(ai, f64At(b, j * K), K), acc);
  }
}

/** Σ_k x[k]·y[k] over pairs of k (then the odd last one), as gemmNT sums. */
function dot(x: usize, y: usize, K: i32): f64 {
  const K2 = K & ~1;
  let s = f64x2.splat(0);
  for (let k = 0; k < K2; k += 2) {
    const o = <usize>k << 3;
    s = f64x2.add(s, f64x2.mul(v128.load(x + o), v128.load(y + o)));
  }
  let t = hsum(s);
  if (K & 1) t += load<f64>(x + (<usize>K2 << 3)) * load<f64>(y + (<usize>K2 << 3));
  return t;
}
