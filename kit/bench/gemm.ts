/**
 * The matrix-product kernels on their own (issue 14): GFLOP/s of the project's gemm at the shapes
 * one training step of each workload runs (Y = X W, ∂L/∂X = G Wᵀ, ∂L/∂W = Xᵀ G per layer) and at
 * 512³, under both backends; and the peak of WebAssembly SIMD on this machine, measured by
 * wasm/probe (the gemm tile's inner loop on data that stays in the L1 cache), with relaxed SIMD's
 * fused multiply-add when the engine accepts it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { setBackend, BackendName } from '../../src/tensor';
import { allocate, view } from '../../src/tensor/storage';
import * as K from '../../src/tensor/kernels';
import { WORKLOADS, WorkloadName } from './workloads';

export interface GemmShape {
  workload: WorkloadName | 'square';
  layout: K.Layout;
  M: number;
  N: number;
  K: number;
}

/** The products of one step of `workload` (its full batch), in the order a step runs them. */
export function stepShapes(workload: WorkloadName): GemmShape[] {
  const { layers, batchSize: B } = WORKLOADS[workload];
  const out: GemmShape[] = [];
  for (let l = 0; l + 1 < layers.length; l++) out.push({ workload, layout: 'nn', M: B, N: layers[l + 1], K: layers[l] });
  for (let l = layers.length - 2; l >= 0; l--) {
    if (l > 0) out.push({ workload, layout: 'nt', M: B, N: layers[l], K: layers[l + 1] });
    out.push({ workload, layout: 'tn', M: layers[l], N: layers[l + 1], K: B });
  }
  return out;
}

export const SQUARE: GemmShape = { workload: 'square', layout: 'nn', M: 512, N: 512, K: 512 };

export interface GemmResult extends GemmShape {
  backend: string;
  gflops: number;
}

function fill(n: number, seed: number) {
  const s = allocate(n, false);
  const v = view(s);
  for (let i = 0; i < n; i++) v[i] = Math.sin(seed + i);
  return s;
}

/** Best-of-N GFLOP/s of one product (short timed windows, so a busy machine hurts less). */
function timeGemm(shape: GemmShape): number {
  const { layout, M, N, K: k } = shape;
  const a = fill(M * k, 1);
  const b = fill(k * N, 2);
  const c = allocate(M * N, false);
  const flops = 2 * M * N * k;
  const reps = Math.max(1, Math.floor(2e7 / flops));
  let best = Infinity;
  for (let round = 0; round < 40; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < reps; i++) K.gemm(layout, a, b, c, M, N, k, false);
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9 / reps);
  }
  return flops / best / 1e9;
}

export function gemmRates(backends: BackendName[]): GemmResult[] {
  const shapes = [...stepShapes('spirals'), ...stepShapes('wide'), SQUARE];
  const out: GemmResult[] = [];
  for (const backend of backends) {
    setBackend(backend);
    for (const s of shapes) out.push({ ...s, backend, gflops: timeGemm(s) });
  }
  return out;
}

/** GFLOP/s of a probe's peak loop (16 × 32 flops per block), or null when it does not load. */
function probePeak(file: string, name: string): number | null {
  const api = (globalThis as unknown as { WebAssembly: { validate(b: Uint8Array): boolean; Module: new (b: Uint8Array) => object; Instance: new (m: object, i: object) => { exports: Record<string, (n: number) => number> } } }).WebAssembly;
  const bytes = new Uint8Array(fs.readFileSync(file));
  if (!api.validate(bytes)) return null;
  const f = new api.Instance(new api.Module(bytes), {}).exports[name];
  const blocks = 3e4;
  let best = Infinity;
  for (let r = 0; r < 300; r++) {
    const start = process.hrtime.bigint();
    f(blocks);
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return (16 * 32 * blocks) / best / 1e9;
}

export interface PeakResult {
  /** f64x2 multiply + add, the instructions the kernels use. */
  mulAdd: number;
  /** relaxed SIMD's fused multiply-add, null when this engine rejects the module (not enabled). */
  fma: number | null;
  /** Does this Node accept relaxed SIMD without a flag? */
  relaxedByDefault: boolean;
}

/** The probes built by `node wasm/build.mjs --probes` into build/wasm. */
export function peaks(probeDir: string): PeakResult {
  const mulAdd = probePeak(path.join(probeDir, 'probe-peak.wasm'), 'peak') as number;
  const fma = probePeak(path.join(probeDir, 'probe-relaxed.wasm'), 'peak');
  return { mulAdd, fma, relaxedByDefault: fma !== null };
}
