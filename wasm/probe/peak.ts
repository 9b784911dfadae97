/**
 * Peak f64 throughput of WebAssembly SIMD on this machine, for the benchmark's GFLOP/s report:
 * twelve independent chains of f64x2 multiply-then-add (no fused multiply-add exists in Wasm SIMD
 * without the relaxed-SIMD proposal). Each iteration is 12 × 2 lanes × 2 flops = 48 flops.
 */
export function mulAddPeak(iters: i32): f64 {
  const m = f64x2.splat(0.9999999), d = f64x2.splat(1e-9);
  let a0 = f64x2.splat(1.0), a1 = f64x2.splat(1.1), a2 = f64x2.splat(1.2), a3 = f64x2.splat(1.3);
  let a4 = f64x2.splat(1.4), a5 = f64x2.splat(1.5), a6 = f64x2.splat(1.6), a7 = f64x2.splat(1.7);
  let a8 = f64x2.splat(1.8), a9 = f64x2.splat(1.9), aa = f64x2.splat(2.0), ab = f64x2.splat(2.1);
  for (let i = 0; i < iters; i++) {
    a0 = f64x2.add(f64x2.mul(a0, m), d); a1 = f64x2.add(f64x2.mul(a1, m), d);
    a2 = f64x2.add(f64x2.mul(a2, m), d); a3 = f64x2.add(f64x2.mul(a3, m), d);
    a4 = f64x2.add(f64x2.mul(a4, m), d); a5 = f64x2.add(f64x2.mul(a5, m), d);
    a6 = f64x2.add(f64x2.mul(a6, m), d); a7 = f64x2.add(f64x2.mul(a7, m), d);
    a8 = f64x2.add(f64x2.mul(a8, m), d); a9 = f64x2.add(f64x2.mul(a9, m), d);
    aa = f64x2.add(f64x2.mul(aa, m), d); ab = f64x2.add(f64x2.mul(ab, m), d);
  }
  const s = f64x2.add(
    f64x2.add(f64x2.add(f64x2.add(a0, a1), f64x2.add(a2, a3)), f64x2.add(f64x2.add(a4, a5), f64x2.add(a6, a7))),
    f64x2.add(f64x2.add(a8, a9), f64x2.add(aa, ab)),
  );
  return f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
}

