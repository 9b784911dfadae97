/**
 * Loading the WebAssembly SIMD kernels (sources in wasm/kernels, built by `npm run build:wasm`,
 * which also runs on `npm install`). The bytes come embedded in a generated CommonJS module,
 * `./kernels.generated.js`, so the same code loads them in Node (CommonJS or ESM), in a tslab
 * kernel and in a browser bundle: no file system, no fetch. A bundler such as esbuild follows the
 * `require` below and inlines the module; where it is missing (kernels not built) or where the
 * engine has no WebAssembly or no SIMD (a locked-down sandbox, `node --no-expose-wasm`), loading
 * fails with a reason and the library runs its JavaScript kernels instead.
 *
 * Compilation is synchronous (`new WebAssembly.Module`): fine in Node and in Web Workers; a
 * browser's main thread refuses synchronous compiles of more than 4 KB, which then also falls back
 * to JavaScript.
 */

/** The typed exports of the kernels module (see wasm/kernels/index.ts). */
export interface KernelExports {
  memory: WasmMemory;
  HEAP_BASE: { value: number };
  gemmNN(a: number, b: number, c: number, M: number, N: number, K: number, acc: number): void;
  gemmNT(a: number, b: number, c: number, M: number, N: number, K: number, acc: number): void;
  gemmTN(a: number, b: number, c: number, M: number, N: number, K: number, acc: number): void;
  addV(a: number, b: number, out: number, n: number): void;
  subV(a: number, b: number, out: number, n: number): void;
  mulV(a: number, b: number, out: number, n: number): void;
  divV(a: number, b: number, out: number, n: number): void;
  addInto(dst: number, src: number, n: number): void;
  subInto(dst: number, src: number, n: number): void;
  mulAddInto(dst: number, g: number, x: number, n: number): void;
  divAddInto(dst: number, g: number, y: number, n: number): void;
  divGradBInto(dst: number, g: number, x: number, y: number, n: number): void;
  addScalarInto(dst: number, s: number, n: number): void;
  addRows(a: number, b: number, out: number, rows: number, C: number): void;
  colSumsInto(g: number, dst: number, rows: number, C: number): void;
  sumAll(a: number, n: number): number;
  relu(a: number, out: number, n: number): void;
  reluGradInto(x: number, g: number, dst: number, n: number): void;
  reluMask(y: number, g: number, out: number, n: number): void;
  biasRelu(out: number, b: number, rows: number, C: number, hasBias: number, doRelu: number): void;
  logSoftmaxRows(z: number, out: number, rows: number, C: number): void;
  crossEntropyRows(z: number, labels: number, lse: number, losses: number, N: number, C: number, eps: number): void;
  crossEntropyGradInto(
    z: number, labels: number, lse: number, gz: number, N: number, C: number, eps: number, scales: number, scale: number,
  ): void;
  adam(
    theta: number, grad: number, m: number, v: number, vmax: number, n: number,
    stepSize: number, c2: number, beta1: number, beta2: number, eps: number, l2: number, decay: number, amsgrad: number,
  ): void;
  sgd(
    theta: number, grad: number, buf: number, n: number,
    lr: number, mu: number, dampening: number, wd: number, nesterov: number, first: number,
  ): void;
  adagrad(theta: number, grad: number, sum: number, n: number, clr: number, wd: number, eps: number): void;
  rmsprop(
    theta: number, grad: number, sq: number, gavg: number, buf: number, n: number,
    lr: number, alpha: number, eps: number, wd: number, mu: number, centered: number,
  ): void;
}

/** The part of `WebAssembly.Memory` the allocator uses. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

/** The part of the `WebAssembly` global used here (declared locally: lib ES2022 has no such types). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

interface Generated {
  sources: string;
  base64: string;
}

export type LoadResult = { ok: true; exports: KernelExports; bytes: number } | { ok: false; reason: string };

function decodeBase64(text: string): Uint8Array {
  const g = globalThis as { Buffer?: { from(s: string, enc: string): Uint8Array }; atob?: (s: string) => string };
  if (g.Buffer !== undefined) return new Uint8Array(g.Buffer.from(text, 'base64'));
  const binary = (g.atob as (s: string) => string)(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** The embedded bytes, or null when the kernels were not built (or a bundle left them out). */
function generated(): Generated | null {
  try {
    // A literal path, so bundlers include the module; inside try, so its absence is not an error.
    return require('./kernels.generated') as Generated;
  } catch {
    return null;
  }
}

/** Compiles and instantiates the kernels, or says why not. */
export function loadKernels(): LoadResult {
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (typeof api !== 'object' || api === null) {
    return { ok: false, reason: 'this JavaScript engine exposes no WebAssembly (e.g. node --no-expose-wasm, or a sandbox)' };
  }
  const module = generated();
  if (module === null) return { ok: false, reason: 'the WebAssembly kernels are not built (run npm run build:wasm)' };
  const bytes = decodeBase64(module.base64);
  if (!api.validate(bytes)) return { ok: false, reason: 'this engine does not support WebAssembly SIMD (f64x2)' };
  try {
    const instance = new api.Instance(new api.Module(bytes), {});
    return { ok: true, exports: instance.exports as KernelExports, bytes: bytes.length };
  } catch (err) {
    return { ok: false, reason: `the WebAssembly kernels failed to load: ${err instanceof Error ? err.message : String(err)}` };
  }
}
