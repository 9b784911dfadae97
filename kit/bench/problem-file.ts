/**
 * A problem on disk, so each engine (a separate process, Node or Python) reads the very same
 * numbers: `<name>.json` (the workload, batch ranges and where each array lies) and `<name>.bin`
 * (the float64 arrays, little-endian, back to back). Python reads it with `torch.frombuffer`.
 */
import * as fs from 'fs';
import { Problem, Workload } from './workloads';

interface ArrayEntry {
  /** Offset in float64 elements (not bytes) into the .bin file. */
  offset: number;
  length: number;
}

export interface ProblemManifest {
  workload: Workload;
  batches: [number, number][];
  bin: string;
  arrays: Record<string, ArrayEntry>;
}

/** Names of the arrays: X, y, W0, b0, W1, b1, … */
function arraysOf(p: Problem): [string, Float64Array][] {
  const out: [string, Float64Array][] = [
    ['X', p.X],
    ['y', p.y],
  ];
  p.weights.forEach((w, l) => out.push([`W${l}`, w.W], [`b${l}`, w.b]));
  return out;
}

/** Writes `base.json` and `base.bin`; returns the path of the JSON manifest. */
export function writeProblem(p: Problem, base: string): string {
  const arrays: Record<string, ArrayEntry> = {};
  const parts = arraysOf(p);
  let offset = 0;
  for (const [name, a] of parts) {
    arrays[name] = { offset, length: a.length };
    offset += a.length;
  }
  const all = new Float64Array(offset);
  for (const [name, a] of parts) all.set(a, arrays[name].offset);
  const bin = `${base}.bin`;
  fs.writeFileSync(bin, new Uint8Array(all.buffer));
  const manifest: ProblemManifest = { workload: p.workload, batches: p.batches, bin, arrays };
  fs.writeFileSync(`${base}.json`, JSON.stringify(manifest));
  return `${base}.json`;
}

/** Reads a problem written by `writeProblem`. */
export function readProblem(manifestPath: string): Problem {
  const m = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as ProblemManifest;
  const bytes = fs.readFileSync(m.bin);
  const all = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const get = (name: string): Float64Array => {
    const e = m.arrays[name];
    return all.slice(e.offset, e.offset + e.length);
  };
  const weights = [];
  for (let l = 0; l + 1 < m.workload.layers.length; l++) weights.push({ W: get(`W${l}`), b: get(`b${l}`) });
  return { workload: m.workload, X: get('X'), y: get('y'), weights, batches: m.batches };
}
