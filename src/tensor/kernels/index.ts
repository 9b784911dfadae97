/**
 * The kernels every operation calls, on storages: each runs the WebAssembly SIMD kernel under the
 * wasm backend, else its JavaScript reference (kernels/js.ts, kernels/gemm-js.ts). The heavy ones
 * (matrix products, cross-entropy) always use WebAssembly when it is active, staging any operand
 * that must stay in the heap; the light elementwise ones do only when their operands are resident
 * (or can be), since a copy would cost as much as the work.
 */
import { wasmActive, wasmRuntime } from '../backend';
import { Storage, adopt, isResident, release, view } from '../storage';
import { KernelExports } from '../wasm/load';
import { enter, leave, stageInt32 } from './run';
import { touch } from '../wasm/residency';
import * as js from './js';
import { Layout, gemmJs } from './gemm-js';

export type { Layout } from './gemm-js';
export type { Binary } from './js';

function k(): KernelExports {
  return (wasmRuntime() as NonNullable<ReturnType<typeof wasmRuntime>>).exports;
}

function resident(s: Storage | null | undefined): boolean {
  return s === undefined || s === null || isResident(s);
}

function residentOrAdopted(s: Storage | null | undefined): boolean {
  return s === undefined || s === null || isResident(s) || adopt(s);
}

/**
 * True when a light kernel should run in WebAssembly: every operand resident, or made so. (An
 * adoption allocates, and an allocation may move an earlier operand back to the heap: checked
 * again at the end; byte offsets are read only after this returns.)
 */
function inPlace(a: Storage, b?: Storage | null, c?: Storage | null, d?: Storage | null): boolean {
  if (!wasmActive) return false;
  if (!residentOrAdopted(a) || !residentOrAdopted(b) || !residentOrAdopted(c) || !residentOrAdopted(d)) return false;
  if (!resident(a) || !resident(b) || !resident(c) || !resident(d)) return false;
  touch(a);
  if (b) touch(b);
  if (c) touch(c);
  if (d) touch(d);
  return true;
}

/**
 * Calls a WebAssembly kernel with the byte offsets of `list` (run.ts `enter`: bit i of `writes`
 * marks a storage the kernel writes, of `overwrites` one it writes without reading); false when
 * the kernels' memory cannot take them, and the caller runs the JavaScript kernel instead.
 */
function wasmCall(list: (Storage | null)[], writes: number, overwrites: number, call: (p: number[]) => void): boolean {
  const p = enter(list, writes, overwrites);
  if (p === null) return false;
  try {
    call(p);
  } finally {
    leave();
  }
  return true;
}

/** `wasmCall` with the class labels staged as i32 first (as the second storage). */
function wasmCallWithLabels(labels: Int32Array, list: (Storage | null)[], writes: number, overwrites: number, call: (p: number[]) => void): boolean {
  const lab = stageInt32(labels);
  if (lab === null) return false;
  try {
    return wasmCall([list[0], lab, ...list.slice(1)], writes, overwrites, call);
  } finally {
    release(lab);
  }
}

/** C[M×N] (+)= op(A) · op(B) with layout nn (A B), nt (A Bᵀ) or tn (Aᵀ B). */
export function gemm(layout: Layout, A: Storage, B: Storage, C: Storage, M: number, N: number, K: number, accumulate: boolean): void {
  if (wasmActive && M * N * K >= 64) {
    // The hottest call: enter/leave written out (no closure per product).
    const p = enter([A, B, C], 0b100, accumulate ? 0 : 0b100);
    if (p !== null) {
      const e = k();
      const f = layout === 'nn' ? e.gemmNN : layout === 'nt' ? e.gemmNT : e.gemmTN;
      try {
        f(p[0], p[1], p[2], M, N, K, accumulate ? 1 : 0);
      } finally {
        leave();
      }
      return;
    }
  }
  gemmJs(layout, view(A), view(B), view(C), M, N, K, accumulate);
}

/** out = a ∘ b (same lengths). */
export function binary(kind: js.Binary, A: Storage, B: Storage, out: Storage): void {
  if (inPlace(A, B, out)) {
    const e = k();
    const f = kind === 'add' ? e.addV : kind === 'sub' ? e.subV : kind === 'mul' ? e.mulV : e.divV;
    f(A.ptr, B.ptr, out.ptr, out.length);
  } else {
    js.binaryJs(kind, view(A), view(B), view(out));
  }
}

/** dst += src */
export function addInto(dst: Storage, src: Storage): void {
  if (inPlace(dst, src)) k().addInto(dst.ptr, src.ptr, dst.length);
  else js.addIntoJs(view(dst), view(src));
}

/** dst −= src */
export function subInto(dst: Storage, src: Storage): void {
  if (inPlace(dst, src)) k().subInto(dst.ptr, src.ptr, dst.length);
  else js.subIntoJs(view(dst), view(src));
}

/** dst += g · x */
export function mulAddInto(dst: Storage, g: Storage, x: Storage): void {
  if (inPlace(dst, g, x)) k().mulAddInto(dst.ptr, g.ptr, x.ptr, dst.length);
  else js.mulAddIntoJs(view(dst), view(g), view(x));
}

/** dst += g / y */
export function divAddInto(dst: Storage, g: Storage, y: Storage): void {
  if (inPlace(dst, g, y)) k().divAddInto(dst.ptr, g.ptr, y.ptr, dst.length);
  else js.divAddIntoJs(view(dst), view(g), view(y));
}

/** dst −= (g · x) / (y · y) */
export function divGradBInto(dst: Storage, g: Storage, x: Storage, y: Storage): void {
  if (inPlace(dst, g, x, y)) k().divGradBInto(dst.ptr, g.ptr, x.ptr, y.ptr, dst.length);
  else js.divGradBIntoJs(view(dst), view(g), view(x), view(y));
}

/** dst += s */
export function addScalarInto(dst: Storage, s: number): void {
  if (inPlace(dst)) k().addScalarInto(dst.ptr, s, dst.length);
  else js.addScalarIntoJs(view(dst), s);
}

/** out[r, c] = a[r, c] + b[c] */
export function addRows(A: Storage, B: Storage, out: Storage, rows: number, C: number): void {
  if (wasmActive && isResident(A) && isResident(out) && wasmCall([A, B, out], 0b100, 0b100, (p) => k().addRows(p[0], p[1], p[2], rows, C))) return;
  js.addRowsJs(view(A), view(B), view(out), rows, C);
}

/** dst[c] += Σ_r g[r, c] */
export function colSumsInto(G: Storage, dst: Storage, rows: number, C: number): void {
  if (wasmActive && isResident(G) && wasmCall([G, dst], 0b10, 0, (p) => k().colSumsInto(p[0], p[1], rows, C))) return;
  js.colSumsIntoJs(view(G), view(dst), rows, C);
}

/** Σ of all elements, left to right. */
export function sumAll(A: Storage): number {
  if (wasmActive && isResident(A)) return k().sumAll(A.ptr, A.length);
  return js.sumAllJs(view(A));
}

/** out = relu(a) */
export function relu(A: Storage, out: Storage): void {
  if (inPlace(A, out)) k().relu(A.ptr, out.ptr, out.length);
  else js.reluJs(view(A), view(out));
}

/** dst += g where x > 0 */
export function reluGradInto(X: Storage, G: Storage, dst: Storage): void {
  if (inPlace(X, G, dst)) k().reluGradInto(X.ptr, G.ptr, dst.ptr, dst.length);
  else js.reluGradIntoJs(view(X), view(G), view(dst));
}

/** out = g where y > 0, else 0 */
export function reluMask(Y: Storage, G: Storage, out: Storage): void {
  if (inPlace(Y, G, out)) k().reluMask(Y.ptr, G.ptr, out.ptr, out.length);
  else js.reluMaskJs(view(Y), view(G), view(out));
}

/** In place on out [rows × C]: + b (when given), then relu (when asked). */
export function biasRelu(out: Storage, B: Storage | null, rows: number, C: number, doRelu: boolean): void {
  const call = (p: number[]) => k().biasRelu(p[0], p[1], rows, C, B === null ? 0 : 1, doRelu ? 1 : 0);
  if (wasmActive && isResident(out) && wasmCall([out, B], 0b01, 0, call)) return;
  js.biasReluJs(view(out), B === null ? null : view(B), rows, C, doRelu);
}

/** out = log-softmax of every row of z [rows × C]. */
export function logSoftmaxRows(Z: Storage, out: Storage, rows: number, C: number): void {
  if (inPlace(Z, out)) k().logSoftmaxRows(Z.ptr, out.ptr, rows, C);
  else js.logSoftmaxRowsJs(view(Z), view(out), rows, C);
}

/** lse [N] and the per-row losses [N] of cross-entropy on logits z [N × C]. */
export function crossEntropyRows(Z: Storage, labels: Int32Array, lse: Storage, losses: Storage, N: number, C: number, eps: number): void {
  const call = (p: number[]) => k().crossEntropyRows(p[0], p[1], p[2], p[3], N, C, eps);
  if (wasmActive && wasmCallWithLabels(labels, [Z, lse, losses], 0b1100, 0b1100, call)) return;
  js.crossEntropyRowsJs(view(Z), labels, view(lse), view(losses), N, C, eps);
}

/** gz += sₙ (softmax(zₙ) − ε/C − (1 − ε) onehot(yₙ)), sₙ = scales[n] or `scale`. */
export function crossEntropyGradInto(
  Z: Storage, labels: Int32Array, lse: Storage, gz: Storage, N: number, C: number, eps: number, scales: Storage | null, scale: number,
): void {
  const call = (p: number[]) => k().crossEntropyGradInto(p[0], p[1], p[2], p[3], N, C, eps, p[4], scale);
  if (wasmActive && wasmCallWithLabels(labels, [Z, lse, gz, scales], 0b01000, 0, call)) return;
  js.crossEntropyGradIntoJs(view(Z), labels, view(lse), view(gz), N, C, eps, scales === null ? null : view(scales), scale);
}

/** dst = src (same lengths). */
export function copyInto(dst: Storage, src: Storage): void {
  view(dst).set(view(src));
}

export type OptimizerKernel = 'adam' | 'sgd' | 'adagrad' | 'rmsprop';

/**
 * Runs an optimizer's update loop (wasm/kernels/optim.ts) on the parameter, its gradient and its
 * state buffers, with the step's scalars; returns false when the caller must run its JavaScript
 * loop instead (the js backend, or the kernels' memory is full). Bit i of `writes` marks the
 * buffers the update changes (θ and the state).
 */
export function optimizerKernel(name: OptimizerKernel, buffers: (Storage | null)[], writes: number, scalars: number[]): boolean {
  if (!wasmActive) return false;
  const n = (buffers[0] as Storage).length;
  const s = scalars;
  return wasmCall(buffers, writes, 0, (p) => {
    const e = k();
    if (name === 'adam') e.adam(p[0], p[1], p[2], p[3], p[4], n, s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]);
    else if (name === 'sgd') e.sgd(p[0], p[1], p[2], n, s[0], s[1], s[2], s[3], s[4], s[5]);
    else if (name === 'adagrad') e.adagrad(p[0], p[1], p[2], n, s[0], s[1], s[2]);
    else e.rmsprop(p[0], p[1], p[2], p[3], p[4], n, s[0], s[1], s[2], s[3], s[4], s[5]);
  });
}
