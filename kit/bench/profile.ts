/**
 * CPU profile of the project's engine on one workload: runs worker.ts with BENCH_CPU_PROFILE
 * (the V8 profiler around the training loop, see inspector-profile.ts) and summarises the profile
 * by function (self and total time, with its .ts line) and by source file, so the hot loops of
 * src/tensor and src/losses stand out.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { makeProblem, WORKLOADS, WorkloadName } from './workloads';
import { writeProblem } from './problem-file';
import { ROOT, tsArgs } from './run';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface HotSpot {
  name: string;
  selfPct: number;
  totalPct: number;
}

function label(f: CallFrame): string {
  const file = f.url.replace(/^file:\/\//, '');
  const rel = file.startsWith(ROOT) ? path.relative(ROOT, file) : file || '(native)';
  return `${f.functionName || '(anonymous)'}  ${rel}${f.url ? `:${f.lineNumber + 1}` : ''}`;
}

function fileOf(f: CallFrame): string {
  if (!f.url) return f.functionName.startsWith('(') ? f.functionName : '(native/V8)';
  const file = f.url.replace(/^file:\/\//, '');
  return file.startsWith(ROOT) ? path.relative(ROOT, file) : '(node internals / node_modules)';
}

/** Self and total share of samples per function and self share per file. */
export function summarise(p: CpuProfile): { functions: HotSpot[]; files: HotSpot[] } {
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const n of p.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const fileSelf = new Map<string, number>();
  let counted = 0;
  p.samples.forEach((id, k) => {
    const dt = p.timeDeltas[k] ?? 0;
    const node = byId.get(id);
    if (!node || node.callFrame.functionName === '(idle)') return;
    counted += dt;
    const key = label(node.callFrame);
    self.set(key, (self.get(key) ?? 0) + dt);
    const file = fileOf(node.callFrame);
    fileSelf.set(file, (fileSelf.get(file) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k2 = label((byId.get(cur) as ProfileNode).callFrame);
      if (seen.has(k2)) continue;
      seen.add(k2);
      total.set(k2, (total.get(k2) ?? 0) + dt);
    }
  });
  const pct = (x: number): number => (100 * x) / counted;
  const functions = [...self.entries()]
    .map(([name, s]) => ({ name, selfPct: pct(s), totalPct: pct(total.get(name) ?? s) }))
    .sort((a, b) => b.selfPct - a.selfPct);
  const files = [...fileSelf.entries()]
    .map(([name, s]) => ({ name, selfPct: pct(s), totalPct: NaN }))
    .sort((a, b) => b.selfPct - a.selfPct);
  return { functions, files };
}

/** Profiles `reps` full runs of the workload; returns the printable summary. */
export function profileEngine(workload: WorkloadName, reps: number, top: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'descent-prof-'));
  try {
    const manifest = writeProblem(makeProblem(WORKLOADS[workload]), path.join(dir, workload));
    const out = path.join(dir, 'result.json');
    const file = path.join(dir, 'descent.cpuprofile');
    const r = spawnSync(
      process.execPath,
      [...tsArgs(path.join(__dirname, 'worker.ts'), ['--enable-source-maps']), 'descent-ops', manifest, out, String(reps), '30'],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, BENCH_CPU_PROFILE: file } },
    );
    if (r.status !== 0 || !fs.existsSync(file)) throw new Error(`profiled run failed: ${r.stderr}`);
    const { functions, files } = summarise(JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile);
    const lines = [`CPU profile of descent-ops on ${workload} (${reps} × ${WORKLOADS[workload].steps} steps + warm-up):`, ''];
    lines.push('  self %  total %  function  file:line');
    for (const f of functions.slice(0, top)) {
      lines.push(`  ${f.selfPct.toFixed(1).padStart(6)}  ${f.totalPct.toFixed(1).padStart(7)}  ${f.name}`);
    }
    lines.push('', '  self %  file');
    for (const f of files.slice(0, 12)) lines.push(`  ${f.selfPct.toFixed(1).padStart(6)}  ${f.name}`);
    return lines.join('\n');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
