/**
 * Cheating submissions (test/adversarial/cheats/, described in cases.ts) against the grader. Each
 * is graded in a temp copy of solutions/ with its cheat in place of one exercise file, a few at a
 * time: that file with the visible and hidden graders, then the other five files. Each must lose that file's points with the
 * expected line of feedback, leave the other exercises at full marks, end within its bounds and
 * leave its own files as they were; and after all of them the project tree is unchanged, no
 * connection reached the local server, the graders still match their manifest and no sandbox
 * process is left running.
 */
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exerciseNames } from '../../kit/grade/course';
import { grade } from '../../kit/grade/engine';
import { verifyManifest } from '../../kit/grade/manifest';
import type { CheckResult, GradeReport } from '../../kit/grade';
import { applyMutant } from '../../kit/author/mutant';
import mseCases from '../../course/mse/cases.json';
import optimizerMutants from '../../course/optimizers/mutants';
import { Case, CASES, LIMITS } from './cases';
import { differences, hashTree, sandboxProcesses } from './tree';

const ROOT = path.resolve(__dirname, '..', '..');
const sgdMutatesParams = optimizerMutants.find((m) => m.name === 'sgd-mutates-params')!;
const SOLUTIONS = path.join(ROOT, 'solutions');
const CHEATS = path.join(__dirname, 'cheats');
const EXERCISES = exerciseNames(ROOT);
/** Submissions graded at once. */
const CONCURRENCY = 4;

interface Outcome {
  /** The target exercise, with the hidden graders. */
  report: GradeReport;
  /** The other exercises (visible graders: they only show that the cheat did not reach them). */
  others: GradeReport;
  seconds: number;
  filesBefore: Map<string, string>;
  filesAfter: Map<string, string>;
}

/** The visible mse inputs with their answers, as a cheater would copy them from the graders and fixtures. */
function visibleTable(): Record<string, { mse: number; gradient: number[] }> {
  // Arguments as the graders pass them: predictions first, mse(yHat, y).
  const pairs: Array<[number[], number[]]> = [[[1, 2, 5], [1, 2, 3]], [[0.5, -1], [1.5, 1]], [[-1, 3, -2, 0], [0, 0, 0, 0]], [[5], [2]]];
  for (const c of mseCases.cases) pairs.push([c.yHat, c.y]);
  const table: Record<string, { mse: number; gradient: number[] }> = {};
  for (const [p, t] of pairs) {
    const n = t.length;
    table[JSON.stringify([p, t])] = {
      mse: p.reduce((s, v, i) => s + (v - t[i]) ** 2, 0) / n,
      gradient: p.map((v, i) => (2 * (v - t[i])) / n),
    };
  }
  return table;
}

let server: http.Server;
let port = 0;
let connections = 0;
let treeBefore: Map<string, string>;
const outcomes = new Map<string, Outcome>();
const runnable = CASES.filter((k) => !(k.linuxOnly === true && process.platform !== 'linux') && !(k.linkTo !== undefined && process.platform === 'win32'));

function cheatSource(k: Case, dir: string): string {
  const values: Record<string, string> = {
    __ROOT__: ROOT,
    __SUBMISSION__: dir,
    __PORT__: String(port),
    __GRADER_PID__: String(process.pid),
    __TABLE__: JSON.stringify(visibleTable()),
  };
  let source = fs.readFileSync(path.join(CHEATS, `${k.name}.ts`), 'utf8');
  for (const [key, value] of Object.entries(values)) source = source.split(`'${key}'`).join(JSON.stringify(value));
  return source;
}

async function gradeCase(k: Case): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `descent-cheat-${k.name}-`));
  try {
    for (const name of fs.readdirSync(SOLUTIONS).filter((n) => n.endsWith('.ts'))) fs.copyFileSync(path.join(SOLUTIONS, name), path.join(dir, name));
    // Other exercise files that import the target (minibatch.ts uses mse) get the reference copy of it,
    // so that they grade as the solutions do whatever the cheat does.
    const stem = k.target.replace(/\.ts$/, '');
    for (const name of fs.readdirSync(dir).filter((f) => f !== k.target)) {
      const source = fs.readFileSync(path.join(dir, name), 'utf8');
      const redirected = source.split(`from './${stem}'`).join(`from './${stem}-reference'`);
      if (redirected !== source) fs.writeFileSync(path.join(dir, name), redirected);
    }
    fs.copyFileSync(path.join(SOLUTIONS, k.target), path.join(dir, `${stem}-reference.ts`));
    const target = path.join(dir, k.target);
    if (k.linkTo !== undefined) {
      fs.rmSync(target);
      fs.symlinkSync(path.join(ROOT, k.linkTo), target);
    } else if (k.generate !== undefined) {
      fs.writeFileSync(target, k.generate());
    } else {
      fs.writeFileSync(target, cheatSource(k, dir));
    }
    if (k.name === 'hide-mutation') {
      const real = applyMutant(fs.readFileSync(path.join(SOLUTIONS, 'optimizers.ts'), 'utf8'), sgdMutatesParams, 'optimizers.ts');
      fs.writeFileSync(path.join(dir, 'optimizers-real.ts'), real);
    }
    const filesBefore = hashTree(dir, new Set());
    const start = Date.now();
    const report = await grade({ dir, hidden: true, only: [stem], limits: { ...LIMITS, ...k.limits }, budgetMs: 40_000 });
    const seconds = (Date.now() - start) / 1000;
    const others = await grade({ dir, only: EXERCISES.filter((e) => e !== stem) });
    outcomes.set(k.name, { report, others, seconds, filesBefore, filesAfter: hashTree(dir, new Set()) });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Linux: sandbox children of this process that are still alive. */
const sandboxChildren = (): number[] => sandboxProcesses((p) => p.ppid === process.pid);

beforeAll(async () => {
  server = http.createServer((_req, res) => res.end('{"mse": 1.3333333333333333}'));
  server.on('connection', () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
  treeBefore = hashTree(ROOT);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < runnable.length) await gradeCase(runnable[next++]);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}, 600_000);

afterAll(() => {
  server?.close();
});

const ofTarget = (k: Case, report: GradeReport): CheckResult[] => report.results.filter((r) => r.file === k.target);

describe('cheating submissions', () => {
  test('every cheat in cheats/ has a case in cases.ts, and every case a cheat', () => {
    const files = fs.readdirSync(CHEATS).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, '')).sort();
    const named = CASES.filter((k) => k.linkTo === undefined && k.generate === undefined).map((k) => k.name).sort();
    expect(named).toEqual(files);
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  test.each(runnable.map((k) => [k.name, k] as const))('%s loses its points and nothing else', (_name, k) => {
    const outcome = outcomes.get(k.name);
    expect(outcome, `${k.name} was not graded`).toBeDefined();
    const { report, others, seconds, filesBefore, filesAfter } = outcome!;
    const target = ofTarget(k, report);
    const shown = target.map((r) => `${r.hidden ? '[hidden] ' : ''}${r.name}: ${r.passed ? 'passed' : r.feedback}`).join('\n\n');
    expect(target.length).toBeGreaterThan(0);
    expect(target.some((r) => r.hidden), 'hidden checks were run').toBe(true);
    for (const r of target) expect(r.feedback, `${r.name}`).not.toMatch(/grader error/);
    if (k.fails === 'all') expect(target.filter((r) => r.passed).map((r) => r.name), shown).toEqual([]);
    if (k.fails === 'hidden') expect(target.filter((r) => r.hidden && r.passed).map((r) => r.name), shown).toEqual([]);
    expect(target.reduce((s, r) => s + r.points, 0), shown).toBeLessThan(target.reduce((s, r) => s + r.maxPoints, 0));
    expect(target.some((r) => !r.passed && k.feedback.test(r.feedback)), `no feedback matches ${k.feedback}:\n\n${shown}`).toBe(true);
    expect(report.results.every((r) => r.file === k.target)).toBe(true);
    expect(new Set(others.results.map((r) => r.file)).size).toBe(EXERCISES.length - 1);
    expect(others.results.filter((r) => !r.passed).map((r) => `${r.file} › ${r.name}: ${r.feedback}`)).toEqual([]);
    expect(seconds, `took ${seconds} s`).toBeLessThanOrEqual(k.boundS);
    expect(differences(filesBefore, filesAfter), 'the submission was modified').toEqual([]);
  });

  test('the project tree is unchanged, the local server saw no connection, the graders match the manifest', () => {
    expect(outcomes.size).toBe(runnable.length);
    expect(differences(treeBefore, hashTree(ROOT)), 'files changed during grading').toEqual([]);
    expect(connections).toBe(0);
    const manifest = verifyManifest(ROOT);
    expect(manifest.ok, manifest.message).toBe(true);
  });

  test('no sandbox process outlives its grading', async () => {
    for (let i = 0; i < 40 && sandboxChildren().length > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(sandboxChildren()).toEqual([]);
  });
});
