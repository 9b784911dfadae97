/**
 * Which storages live in the kernels' memory, and the deterministic policy that keeps that memory
 * flat (rule 3 of src/tensor/storage.ts).
 *
 * Every resident storage is in one registry, stamped with a clock (one tick per allocation) each
 * time a kernel uses it. Resident bytes have a budget; an allocation that would exceed it first
 * runs a sweep, until half the budget is free: intermediates of training steps (`born`) that no
 * kernel used during the last two optimizer steps are freed; then the
 * least recently used storages move to the JavaScript heap (one copy each; the garbage collector
 * frees them there once unreachable). A kernel
 * call in progress marks its storages busy, so a sweep never moves them. A storage a sweep moved
 * out and a kernel then needs again comes back (`adoptBlock`); when such returns exceed a quarter
 * of the budget between two sweeps, the working set is larger than the budget, which then doubles.
 * When free blocks of size classes no longer used pile up, the live blocks are compacted to the
 * bottom of the memory.
 *
 * All of this depends only on the order of operations, never on the garbage collector's timing:
 * the same program uses the same memory on every run.
 */
import type { Storage } from '../storage';
import { wasmRuntime } from '../backend';
import { Arena } from './arena';

/** Resident bytes allowed before a sweep (default 32 MiB; it grows with the working set). */
export const DEFAULT_BUDGET = 32 * 2 ** 20;

const registry: Storage[] = [];
let residentBytes = 0;
let budget = DEFAULT_BUDGET;
let clock = 1;
/** Optimizer steps so far (advanced by Optimizer.step()). */
let step = 0;
/** Bytes that came back (adopted) after a sweep had moved them out, since the last sweep. */
let returnedBytes = 0;
/** Storages moved out by sweeps (as opposed to handed out by `escape`), to notice their return. */
const sweptOut = new WeakSet<Storage>();
const stats = { sweeps: 0, spilled: 0, spilledBytes: 0, reclaimed: 0, reclaimedBytes: 0, compactions: 0 };

function arena(): Arena {
  return (wasmRuntime() as NonNullable<ReturnType<typeof wasmRuntime>>).arena;
}

/** The number of optimizer steps so far. */
export function currentStep(): number {
  return step;
}

/** Called at the end of every optimizer step: intermediates two steps old become reclaimable. */
export function advanceStep(): void {
  step++;
}

/** Marks `s` as used now: sweeps move the least recently used storages first. */
export function touch(s: Storage): void {
  s.stamp = clock;
  s.usedStep = step;
}

function register(s: Storage): void {
  s.slot = registry.length;
  registry.push(s);
  residentBytes += 2 ** s.cls;
}

function unregister(s: Storage): void {
  const last = registry.pop() as Storage;
  if (last !== s) {
    registry[s.slot] = last;
    last.slot = s.slot;
  }
  s.slot = -1;
  s.ptr = -1;
  residentBytes -= 2 ** s.cls;
}

/** A resident block for `s` (zero-filled if asked); false when the memory cannot grow. */
export function track(s: Storage, zeroed: boolean): boolean {
  const cls = Arena.classOf(s.length);
  const a = arena();
  if (residentBytes + 2 ** cls > budget) sweep(a);
  const ptr = a.alloc(cls);
  if (ptr < 0) return false;
  s.ptr = ptr;
  s.cls = cls;
  s.stamp = ++clock;
  s.usedStep = step;
  register(s);
  if (zeroed) a.f64.fill(0, ptr >> 3, (ptr >> 3) + s.length);
  return true;
}

export function freeBlock(s: Storage): void {
  arena().release(s.ptr, s.cls);
  unregister(s);
}

/** Moves a resident storage to the JavaScript heap (one copy). */
export function spillBlock(s: Storage): void {
  const a = arena();
  const at = s.ptr >> 3;
  s.js = a.f64.slice(at, at + s.length);
  a.release(s.ptr, s.cls);
  unregister(s);
}

/** Moves a heap storage the library owns into the kernels' memory (one copy). */
export function adoptBlock(s: Storage): boolean {
  const js = s.js as Float64Array;
  if (sweptOut.has(s)) {
    sweptOut.delete(s);
    returnedBytes += 8 * s.length;
  }
  if (!track(s, false)) return false;
  arena().f64.set(js, s.ptr >> 3);
  s.js = null;
  return true;
}

function byStamp(x: Storage, y: Storage): number {
  return x.stamp - y.stamp;
}

function sweep(a: Arena): void {
  stats.sweeps++;
  if (returnedBytes > budget / 4) budget *= 2;
  returnedBytes = 0;
  const target = budget / 2;
  const idle = registry.filter((s) => s.busy === 0).sort(byStamp);
  // Intermediates of training steps no kernel used during the last two optimizer steps: free them.
  for (const s of idle) {
    if (s.born >= 0 && s.usedStep <= step - 2) {
      stats.reclaimed++;
      stats.reclaimedBytes += 8 * s.length;
      freeBlock(s);
      s.lost = true;
    }
  }
  // Then the least recently used, to the heap.
  for (let i = 0; i < idle.length && residentBytes > target; i++) {
    const s = idle[i];
    if (s.ptr < 0) continue;
    stats.spilled++;
    stats.spilledBytes += 8 * s.length;
    spillBlock(s);
    sweptOut.add(s);
  }
  // Free blocks beyond the live ones and the budget: move the live blocks down, free space above.
  if (a.top - a.base > 2 * a.inUse + budget) {
    stats.compactions++;
    a.compact(registry.slice()); // a copy: compact sorts it, and each storage knows its slot in the registry
  }
}

export interface ResidencyStats {
  /** Storages resident now and their bytes (size classes rounded up to powers of two). */
  resident: number;
  residentBytes: number;
  /** The current budget in bytes. */
  budget: number;
  /** Bytes of the kernels' memory. */
  memoryBytes: number;
  sweeps: number;
  /** Storages moved to the heap by sweeps, and their bytes. */
  spilled: number;
  spilledBytes: number;
  /** Intermediates of old training steps freed by sweeps, and their bytes. */
  reclaimed: number;
  reclaimedBytes: number;
  /** Optimizer steps so far. */
  steps: number;
  compactions: number;
}

export function residencyStats(): ResidencyStats {
  const r = wasmRuntime();
  return { resident: registry.length, residentBytes, budget, memoryBytes: r?.arena.capacity ?? 0, steps: step, ...stats };
}

/**
 * Sets the budget in bytes: tests shrink it to exercise sweeps, spills and compactions on every
 * few operations.
 */
export function setResidencyBudget(bytes: number): void {
  budget = bytes;
}

/** Runs a sweep now (tests): the least recently used storages move to the heap, down to half the budget. */
export function sweepNow(): void {
  if (wasmRuntime() !== null) sweep(arena());
}
