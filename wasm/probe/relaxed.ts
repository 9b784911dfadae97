/**
 * The same loop as probe/peak.ts with relaxed SIMD's fused multiply-add (f64x2.relaxed_madd):
 * whether the engine accepts it at all (WebAssembly.validate) and how fast it runs where it does.
 * Only the benchmark loads this module; the library's kernels use plain SIMD.
 */
const B: usize = memory.data(16 * 64, 16);
const A: usize = memory.data(16 * 16, 16);

/** `blocks` × 16 iterations of the tile loop. */
export function fmaPeak(blocks: i32): f64 {
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
      s00 = f64x2.relaxed_madd(x0, b0, s00);
      s01 = f64x2.relaxed_madd(x0, b1, s01);
      s02 = f64x2.relaxed_madd(x0, b2, s02);
      s03 = f64x2.relaxed_madd(x0, b3, s03);
      s10 = f64x2.relaxed_madd(x1, b0, s10);
      s11 = f64x2.relaxed_madd(x1, b1, s11);
      s12 = f64x2.relaxed_madd(x1, b2, s12);
      s13 = f64x2.relaxed_madd(x1, b3, s13);
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
