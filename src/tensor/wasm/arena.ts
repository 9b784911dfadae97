/**
 * The allocator of the kernels' memory (the WebAssembly module's linear memory): blocks of 2^k
 * bytes (64 bytes and up, so every block is 16-byte aligned for the SIMD loads), one free list per
 * size, and a bump pointer `top` that grows the memory when the lists are empty. Freeing is
 * explicit and immediate (src/tensor/storage.ts decides when). Memory is never returned to the
 * system (WebAssembly cannot shrink a memory), so a steady workload reaches a flat size and stays
 * there; `compact` moves live blocks down when free blocks pile up in size classes a workload no
 * longer uses.
 */
import type { WasmMemory } from './load';

const PAGE = 65536;
const MIN_CLASS = 6; // 64 bytes

/** A block someone holds: its byte offset and size class (relocated in place by `compact`). */
export interface Block {
  ptr: number;
  cls: number;
}

export class Arena {
  private readonly memory: WasmMemory;
  /** Float64 view of the whole memory; replaced after every grow (growing detaches the old one). */
  f64: Float64Array;
  readonly base: number;
  /** The first byte never handed out. */
  top: number;
  /** Bytes in blocks currently handed out. */
  inUse = 0;
  private readonly free: number[][] = [];

  constructor(memory: WasmMemory, heapBase: number) {
    this.memory = memory;
    this.base = Math.ceil(heapBase / 64) * 64;
    this.top = this.base;
    this.f64 = new Float64Array(memory.buffer);
  }

  /** Bytes of the whole memory (what the process holds). */
  get capacity(): number {
    return this.memory.buffer.byteLength;
  }

  /** The size class of a block holding `n` float64 numbers. */
  static classOf(n: number): number {
    const bytes = Math.max(8 * n, 1 << MIN_CLASS);
    return Math.max(MIN_CLASS, 32 - Math.clz32(bytes - 1));
  }

  /** A block of size class `cls`, or -1 when the memory cannot grow any further. */
  alloc(cls: number): number {
    const list = this.free[cls];
    const size = 2 ** cls;
    if (list !== undefined && list.length > 0) {
      this.inUse += size;
      return list.pop() as number;
    }
    if (this.top + size > this.capacity && !this.grow(this.top + size)) return -1;
    const ptr = this.top;
    this.top += size;
    this.inUse += size;
    return ptr;
  }

  release(ptr: number, cls: number): void {
    (this.free[cls] ??= []).push(ptr);
    this.inUse -= 2 ** cls;
  }

  /** Grows the memory to at least `bytes` (and by at least half its size, to grow rarely). */
  private grow(bytes: number): boolean {
    const now = this.capacity;
    const want = Math.max(bytes, now + (now >> 1));
    try {
      this.memory.grow(Math.ceil((want - now) / PAGE));
    } catch {
      try {
        this.memory.grow(Math.ceil((bytes - now) / PAGE));
      } catch {
        return false;
      }
    }
    this.f64 = new Float64Array(this.memory.buffer);
    return true;
  }

  /**
   * Moves every live block down to the bottom, in address order, and forgets the free lists, so the
   * space above becomes one free region again. Safe only while nobody holds a raw offset: callers
   * keep offsets in `Block`s, which are updated here.
   */
  compact(live: Block[]): void {
    live.sort((a, b) => a.ptr - b.ptr);
    let at = this.base;
    for (const block of live) {
      const size = 2 ** block.cls;
      if (block.ptr !== at) this.f64.copyWithin(at >> 3, block.ptr >> 3, (block.ptr + size) >> 3);
      block.ptr = at;
      at += size;
    }
    this.top = at;
    this.free.length = 0;
  }
}
