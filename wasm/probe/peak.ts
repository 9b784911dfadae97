/**
 * Peak float64 throughput of WebAssembly SIMD on this machine, for the benchmark's GFLOP/s report:
 * the inner loop of the gemm kernels' 2 × 8 tile (wasm/kernels/gemm.ts) on data that never leaves
 * the L1 cache: per iteration four f64x2 loads of a row of B, two broadcasts of A, and eight
 * accumulators updated. 16 × 2 lanes = 32 flops per iteration. B (16 rows of 8) and A (16 pairs)
 * cycle through 1.25 KiB of static data (`memory.data`), as a gemm's operands stream through the cache.
 *
 * Built twice by `node wasm/build.mjs --probes`: with `--enable simd` (probe-peak.wasm) each
 * accumulator is updated by multiply then add, as in the kernels (Wasm SIMD has no fused
 * multiply-add); with `--enable simd,relaxed-simd` (probe-relaxed.wasm) by relaxed SIMD's fused
 * multiply-add, `f64x2.relaxed_madd` — whether the engine accepts it at all (WebAssembly.validate)
 * and how fast it runs where it does. Only the benchmark loads these; the kernels use plain SIMD.
 */
const B: usize = memory.data(16 * 64, 16);
const A: usize = memory.data(16 * 16, 16);

/** s + x · b: fused under relaxed SIMD, else multiply then add (a compile-time choice). */
// @ts-ignore: decorator
@inline
function madd(s: v128, x: v128, b: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f64x2.relaxed_madd(x, b, s);
  return f64x2.add(s, f64x2.mul(x, b));
}

/** `blocks` × 16 iterations of the tile loop. */
export function peak(blocks: i32): f64 {
  for (let k = 0; k < 128; k++) store<f64>(B + (<usize>k << 3), 1 + k / 256);
  for (let k = 0; k < 32; k++) store<f64>(A + (<usize>k << 3), 0.5 + k / 64);
  let s00 = f64x2.splat(0);
  let s01 = f64x2.splat(0);
  let s02 = f64x2.splat(0);
  let s03 = f64x2.splat(0);
  let s10 = f64x2.splat(0);
  let s11 = f64x2.splat(0);
  let s12 = f64x2.splat(0);
  let s13 = f64x2.splat(0);
  for (let blk = 0; blk < blocks; blk++) {
    let bk = B;
    let ka = A;
    for (let k = 0; k < 16; k++) {
      const b0 = v128.load(bk, 0);
      const b1 = v128.load(bk, 16);
      const b2 = v128.load(bk, 32);
      const b3 = v128.load(bk, 48);
      const x0 = v128.load64_splat(ka);
      const x1 = v128.load64_splat(ka, 8);
      s00 = madd(s00, x0, b0);
      s01 = madd(s01, x0, b1);
      s02 = madd(s02, x0, b2);
      s03 = madd(s03, x0, b3);
      s10 = madd(s10, x1, b0);
      s11 = madd(s11, x1, b1);
      s12 = madd(s12, x1, b2);
      s13 = madd(s13, x1, b3);
      bk += 64;
      ka += 16;
    }
  }
  let t = s00;
  t = f64x2.add(t, s01);
  t = f64x2.add(t, s02);
  t = f64x2.add(t, s03);
  t = f64x2.add(t, s10);
  t = f64x2.add(t, s11);
  t = f64x2.add(t, s12);
  t = f64x2.add(t, s13);
  return f64x2.extract_lane(t, 0) + f64x2.extract_lane(t, 1);
}
