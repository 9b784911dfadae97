/**
 * The same peak loop with relaxed SIMD's fused multiply-add (f64x2.relaxed_madd): whether the
 * engine accepts it at all (WebAssembly.validate) and how fast it runs where it does. Only the
 * benchmark loads this module; the library's kernels use plain SIMD.
 */
export function fmaPeak(iters: i32): f64 {
  const m = f64x2.splat(0.9999999), d = f64x2.splat(1e-9);
  let a0 = f64x2.splat(1.0), a1 = f64x2.splat(1.1), a2 = f64x2.splat(1.2), a3 = f64x2.splat(1.3);
  let a4 = f64x2.splat(1.4), a5 = f64x2.splat(1.5), a6 = f64x2.splat(1.6), a7 = f64x2.splat(1.7);
  let a8 = f64x2.splat(1.8), a9 = f64x2.splat(1.9), aa = f64x2.splat(2.0), ab = f64x2.splat(2.1);
  for (let i = 0; i < iters; i++) {
    a0 = f64x2.relaxed_madd(a0, m, d); a1 = f64x2.relaxed_madd(a1, m, d);
    a2 = f64x2.relaxed_madd(a2, m, d); a3 = f64x2.relaxed_madd(a3, m, d);
    a4 = f64x2.relaxed_madd(a4, m, d); a5 = f64x2.relaxed_madd(a5, m, d);
    a6 = f64x2.relaxed_madd(a6, m, d); a7 = f64x2.relaxed_madd(a7, m, d);
    a8 = f64x2.relaxed_madd(a8, m, d); a9 = f64x2.relaxed_madd(a9, m, d);
    aa = f64x2.relaxed_madd(aa, m, d); ab = f64x2.relaxed_madd(ab, m, d);
  }
  const s = f64x2.add(
    f64x2.add(f64x2.add(f64x2.add(a0, a1), f64x2.add(a2, a3)), f64x2.add(f64x2.add(a4, a5), f64x2.add(a6, a7))),
    f64x2.add(f64x2.add(a8, a9), f64x2.add(aa, ab)),
  );
  return f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
}
