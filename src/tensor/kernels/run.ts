/**
 * Running one WebAssembly kernel on storages. `enter` makes every storage resident — adopted for
 * good when the library owns its array, else staged (copied to a scratch block, and back after the
 * call if the kernel writes it) — marks them busy so no sweep moves them, and only then reads their
 * byte offsets, after the last allocation (an allocation may grow or compact the memory). `leave`
 * copies staged results back and frees the scratch blocks. Calls do not nest.
 *
 * The JavaScript kernels need none of this: `view` gives them arrays (heap arrays, or views of the
 * kernels' memory) to use at once.
 */
import { Storage, adopt, allocateResident, isResident, release, view } from '../storage';
import { touch } from '../wasm/residency';

interface Staged {
  source: Storage;
  scratch: Storage;
  copyBack: boolean;
}

const staged: Staged[] = [];
const entered: Storage[] = [];
const offsets: number[] = [];

/**
 * Byte offsets of `list` (null entries give 0), or null when the kernels' memory cannot take them
 * (the caller then runs the JavaScript kernel). Bit i of `writes` says the kernel writes storage i,
 * bit i of `overwrites` that it writes all of it without reading (no copy in).
 */
export function enter(list: readonly (Storage | null)[], writes: number, overwrites = 0): number[] | null {
  try {
    return resolve(list, writes, overwrites);
  } catch (err) {
    leave(); // e.g. an operand whose memory was reused (storage.ts lostError): leave no storage busy
    throw err;
  }
}

function resolve(list: readonly (Storage | null)[], writes: number, overwrites: number): number[] | null {
  for (const s of list) {
    if (s === null) continue;
    s.busy++;
    touch(s);
    entered.push(s);
  }
  for (let i = 0; i < list.length; i++) {
    const s = list[i];
    if (s === null || isResident(s) || adopt(s)) continue;
    if (staged.some((x) => x.source === s)) continue;
    const scratch = allocateResident(s.length);
    if (scratch === null) {
      leave();
      return null;
    }
    scratch.busy++;
    if (!((overwrites >> i) & 1)) view(scratch).set(s.js as Float64Array);
    staged.push({ source: s, scratch, copyBack: ((writes >> i) & 1) === 1 });
  }
  offsets.length = list.length;
  for (let i = 0; i < list.length; i++) {
    const s = list[i];
    if (s === null) offsets[i] = 0;
    else if (isResident(s)) offsets[i] = s.ptr;
    else offsets[i] = (staged.find((x) => x.source === s) as Staged).scratch.ptr;
  }
  return offsets;
}

/** Ends the kernel call: staged results copied back, scratch freed, storages no longer busy. */
export function leave(): void {
  for (const x of staged) {
    if (x.copyBack) (x.source.js as Float64Array).set(view(x.scratch));
    x.scratch.busy--;
    release(x.scratch);
  }
  staged.length = 0;
  for (const s of entered) s.busy--;
  entered.length = 0;
}

/** An i32 array (class labels) copied into a scratch block for one kernel call; free it with `release`. */
export function stageInt32(values: Int32Array): Storage | null {
  const scratch = allocateResident(Math.ceil(values.length / 2));
  if (scratch === null) return null;
  const v = view(scratch);
  new Int32Array(v.buffer, v.byteOffset, values.length).set(values);
  return scratch;
}
