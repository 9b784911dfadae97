/**
 * Where the Tensor engine computes: `'wasm'`, WebAssembly SIMD kernels (two float64 lanes per
 * instruction) working on tensors kept in the kernels' memory, or `'js'`, the plain TypeScript
 * kernels, the reference implementation. Both give the same numbers to the last few bits (see
 * DEVELOPERS.md, "Numbers match PyTorch"); `'wasm'` is several times faster on matrix products.
 *
 * The default is `'wasm'` wherever it loads, else `'js'` (an engine without WebAssembly or SIMD, a
 * sandbox that forbids WebAssembly, or kernels that were not built); the environment variable
 * `DESCENT_BACKEND=js` or `=wasm` overrides it. Switching is allowed at any time: tensors made
 * under one backend keep working under the other.
 *
 * ```ts
 * import { setBackend, getBackend, backendInfo } from 'descent';
 * setBackend('js');          // the reference kernels
 * backendInfo().wasm.reason  // why 'wasm' is unavailable, if it is
 * ```
 */
import { Arena } from './wasm/arena';
import { KernelExports, loadKernels } from './wasm/load';
import { describe } from '../util/validate';

export type BackendName = 'js' | 'wasm';
export const BACKENDS: readonly BackendName[] = ['js', 'wasm'];

/** The loaded kernels and the allocator of their memory. */
export interface WasmRuntime {
  exports: KernelExports;
  arena: Arena;
  /** Size of the kernels' module in bytes. */
  bytes: number;
}

let runtime: WasmRuntime | null | undefined; // undefined: not tried yet
let unavailable = '';
let current: BackendName | null = null;
/** True while the wasm backend is active: the one check on every hot path. */
export let wasmActive = false;

/** The kernels (loaded on first use), or null when they cannot load here. */
export function wasmRuntime(): WasmRuntime | null {
  if (runtime === undefined) {
    const loaded = loadKernels();
    if (loaded.ok) {
      const { exports } = loaded;
      runtime = { exports, arena: new Arena(exports.memory, exports.HEAP_BASE.value), bytes: loaded.bytes };
    } else {
      runtime = null;
      unavailable = loaded.reason;
    }
  }
  return runtime;
}

function fromEnvironment(): BackendName | null {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = env?.DESCENT_BACKEND;
  if (value === undefined || value === '') return null;
  if (value !== 'js' && value !== 'wasm') {
    throw new RangeError(`DESCENT_BACKEND must be 'js' or 'wasm', received ${describe(value)}`);
  }
  return value;
}

function select(name: BackendName): void {
  current = name;
  wasmActive = name === 'wasm';
}

/** The active backend; the first call picks the default. */
export function getBackend(): BackendName {
  if (current === null) {
    const wanted = fromEnvironment();
    if (wanted === 'wasm' && wasmRuntime() === null) {
      throw new Error(`DESCENT_BACKEND=wasm, but the wasm backend is not available here: ${unavailable}`);
    }
    select(wanted ?? (wasmRuntime() !== null ? 'wasm' : 'js'));
  }
  return current as BackendName;
}

/**
 * Chooses the backend of every following operation: `'js'` (the TypeScript reference kernels) or
 * `'wasm'` (WebAssembly SIMD; throws with the reason when it cannot load here).
 */
export function setBackend(name: BackendName): void {
  if (name !== 'js' && name !== 'wasm') {
    throw new RangeError(`setBackend: name must be 'js' or 'wasm', received ${describe(name)}`);
  }
  if (name === 'wasm' && wasmRuntime() === null) {
    throw new Error(`setBackend: the wasm backend is not available here: ${unavailable}; the js backend stays active`);
  }
  select(name);
}

/** Makes sure a backend is chosen (called by the allocator before its first decision). */
export function ensureBackend(): void {
  if (current === null) getBackend();
}

export interface BackendInfo {
  backend: BackendName;
  wasm: {
    available: boolean;
    /** Why the wasm backend cannot run here (empty when it can). */
    reason: string;
    /** Size of the kernels' module in bytes (0 when unavailable). */
    moduleBytes: number;
    /** Bytes the kernels' memory holds now (it grows, and never shrinks). */
    memoryBytes: number;
  };
}

/** The active backend, and whether and why not the wasm one is available. */
export function backendInfo(): BackendInfo {
  const backend = getBackend();
  const r = wasmRuntime();
  return {
    backend,
    wasm: {
      available: r !== null,
      reason: r === null ? unavailable : '',
      moduleBytes: r?.bytes ?? 0,
      memoryBytes: r?.arena.capacity ?? 0,
    },
  };
}
