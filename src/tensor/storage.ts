/**
 * Where a tensor's numbers live. A `Storage` holds `length` float64 numbers either in the
 * JavaScript heap (`js`, a Float64Array) or, under the wasm backend, in the kernels' memory
 * (`ptr`, a byte offset), where the SIMD kernels read and write them in place: no copy per
 * operation. Several tensors may share one storage (`reshape`, `detach`).
 *
 * Three rules keep this safe and the memory flat (issue 14):
 * 1. A view of the kernels' memory never leaves the library. `tensor.data` hands out a JavaScript
 *    array: a resident storage first moves to the heap (`escape`) and stays there for good, so the
 *    array a user holds is always the tensor's own and never aliases recycled memory.
 * 2. What the library alone can see it frees at once (`release`): gradients of intermediate
 *    results during `backward()`, a parameter's gradient that `zeroGrad()` drops before anyone
 *    read it, the scratch copies of a kernel call.
 * 3. Everything else resident may still be reachable from user code, which JavaScript cannot tell
 *    in a synchronous loop (finalizers only run between tasks). So the memory has a budget: when
 *    resident storages exceed it, a sweep (`wasm/residency.ts`) makes room among those no kernel
 *    used lately. The intermediate results of a training step (results of operations that
 *    recorded a graph) are freed once two `optimizer.step()` calls have passed: a training loop
 *    drops them long before, as PyTorch users learn ("don't accumulate history across your
 *    training loop"), and reading one afterwards throws an error that says so (`lostError`).
 *    Everything else moves to the heap (one copy), where the garbage collector takes the dead
 *    ones. The kernels' memory stops growing once it holds the working set, whatever the number
 *    of steps.
 *
 * Tiny storages (below `MIN_RESIDENT` numbers) always stay in the heap: a kernel call would cost
 * more than the work.
 */
import { ensureBackend, wasmActive, wasmRuntime } from './backend';
import { adoptBlock, currentStep, freeBlock, spillBlock, touch, track } from './wasm/residency';

/** Storages shorter than this stay in the JavaScript heap even under the wasm backend (default). */
export const MIN_RESIDENT = 32;
let minResident = MIN_RESIDENT;

/** Changes the length below which storages stay in the heap (tests set 1: everything resident). */
export function setMinResident(n: number): void {
  minResident = n;
}

export class Storage {
  /** How many float64 numbers. */
  readonly length: number;
  /** The numbers in the JavaScript heap, or null while they live in the kernels' memory. */
  js: Float64Array | null;
  /** Byte offset in the kernels' memory while resident, else -1. */
  ptr = -1;
  /** Size class of the resident block (2^cls bytes). */
  cls = 0;
  /** Sweep clock value when a kernel last used it (residency policy). */
  stamp = 0;
  /** The optimizer step during which a kernel last used it (residency policy). */
  usedStep = 0;
  /** Position in the registry of resident storages, -1 when not resident. */
  slot = -1;
  /** > 0 while a kernel call holds its offset: never moved to the heap meanwhile. */
  busy = 0;
  /** The JavaScript array was handed to code outside the library: it is the storage for good. */
  escaped: boolean;
  /** The optimizer step during which an operation that recorded a graph made it, else -1 (rule 3). */
  born = -1;
  /** Its block was reused (rule 3): reading it is an error. */
  lost = false;

  constructor(length: number, js: Float64Array | null, escaped: boolean) {
    this.length = length;
    this.js = js;
    this.escaped = escaped;
  }
}

/** A storage of `n` numbers: resident under the wasm backend (n ≥ MIN_RESIDENT), else in the heap. */
export function allocate(n: number, zeroed: boolean): Storage {
  ensureBackend();
  if (wasmActive && n >= minResident) {
    const s = new Storage(n, null, false);
    if (track(s, zeroed)) return s;
  }
  return new Storage(n, new Float64Array(n), false);
}

/**
 * A resident storage of `n` numbers whatever its length (a kernel's scratch copy), or null when
 * the wasm backend is off or its memory cannot grow.
 */
export function allocateResident(n: number): Storage | null {
  ensureBackend();
  if (!wasmActive) return null;
  const s = new Storage(n, null, false);
  return track(s, false) ? s : null;
}

/**
 * A storage over an array the caller owns (`escaped`: the caller may keep and change the array, so
 * it stays the storage) or hands over (the library may move it into the kernels' memory).
 */
export function fromArray(array: Float64Array, escaped: boolean): Storage {
  return new Storage(array.length, array, escaped);
}

export function isResident(s: Storage): boolean {
  return s.ptr >= 0;
}

/**
 * The numbers as a Float64Array for library code: the heap array, or a view of the kernels'
 * memory. A view is only valid until the next allocation (the memory may grow or be compacted):
 * read or write it at once, never keep it.
 */
export function view(s: Storage): Float64Array {
  if (s.js !== null) return s.js;
  if (s.lost) throw lostError(s);
  const arena = (wasmRuntime() as NonNullable<ReturnType<typeof wasmRuntime>>).arena;
  const at = s.ptr >> 3;
  touch(s);
  return arena.f64.subarray(at, at + s.length);
}

/** The numbers as a JavaScript array the caller may keep: the storage leaves the kernels' memory for good. */
export function escape(s: Storage): Float64Array {
  if (s.lost) throw lostError(s);
  if (s.js === null) spillBlock(s);
  s.escaped = true;
  return s.js as Float64Array;
}

/** Frees a storage nobody else can see (its resident block goes back to the allocator). */
export function release(s: Storage): void {
  if (s.ptr >= 0) freeBlock(s);
}

/**
 * Makes a heap storage resident when the library owns its array (it was never handed out), so a
 * kernel can use it in place; returns false when it must stay in the heap.
 */
export function adopt(s: Storage): boolean {
  if (s.ptr >= 0) return true;
  if (s.lost) throw lostError(s);
  if (s.escaped || s.length < minResident || !wasmActive) return false;
  return adoptBlock(s);
}

/**
 * Marks a fresh result of an operation that recorded a graph as an intermediate of the current
 * training step (rule 3); `keep` undoes it (`detach()` hands out a graph-free tensor to keep).
 */
export function markIntermediate(s: Storage): void {
  s.born = currentStep();
}

export function keep(s: Storage): void {
  s.born = -1;
}

/** The error of reading a storage whose memory was reused (rule 3). */
export function lostError(s: Storage): Error {
  return new Error(
    `this tensor (${s.length} numbers) was an intermediate result of training step ${s.born} (an operation ` +
      `that recorded a graph), and its memory was reused after two more optimizer steps. Keep what you want to ` +
      'look at later as numbers (loss.item(), t.toArray()) or as a tensor of its own (t.detach()) while the ' +
      'step is current; the js backend (setBackend(\'js\')) keeps everything as long as you hold it.',
  );
}

/** A fresh storage holding a copy of `s`. */
export function copyOf(s: Storage): Storage {
  const out = allocate(s.length, false);
  view(out).set(view(s));
  return out;
}
