/**
 * The instructor's batch against a hostile class (class.ts): honest students and attackers of every
 * kind — links to folders and files, decode bombs, a transpile bomb, thousands of extra files,
 * malformed repositories, huge keys, control characters and workflow commands, hostile and
 * colliding folder names — graded with `npm run grade -- --batch SUBMISSIONS --hidden
 * --jobs 2` in a separate process, as an instructor runs it (under GITHUB_ACTIONS, to check the
 * CI guard too). Every attacker gets no point and a one-line reason, every honest student exactly
 * full marks — the same, check by check, as in a batch of the honest students alone —, the batch
 * finishes within BOUND_S and writes the gradebook's scores.csv, no sandbox process is left, the kit is unchanged.
 * Then a student who spins for ever meets the wall-clock limit per student.
 */
import { spawn } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cleanLine } from '../../kit/grade/safe/text';
import { gradeBatch } from '../../kit/grade/batch';
import { readProjectConfig } from '../../kit/grade/config';
import { buildClass, Student } from './class';
import { differences, hashTree, sandboxProcesses } from './tree';

const ROOT = path.resolve(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const CONFIG = JSON.parse(fs.readFileSync(path.join(ROOT, 'course.config.json'), 'utf8')) as { exercises: Record<string, { points: number }> };
const MAX = Object.values(CONFIG.exercises).reduce((s, e) => s + e.points, 0);
/** The batch of the whole class must end within this many seconds (it takes about a minute on 2 busy cores). */
const BOUND_S = 240;
/** Links, FIFOs and /dev/zero are POSIX; elsewhere this suite cannot build its class (under CI it must, and fail). */
const POSIX = process.platform !== 'win32' || process.env.CI === 'true';

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
}

/** The batch CLI in its own process, with its own TMPDIR (its sandbox children run there: that is how they are found). */
function runBatch(submissions: string, out: string, tmp: string): Promise<Ran> {
  const start = Date.now();
  const args = [TSX, 'kit/grade/cli.ts', '--batch', submissions, '--hidden', '--out', out, '--jobs', '2'];
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, TMPDIR: tmp, GITHUB_ACTIONS: 'true', FORCE_COLOR: '0' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), BOUND_S * 2000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, seconds: (Date.now() - start) / 1000 });
    });
  });
}

interface Results {
  score: number;
  tests: Array<{ name: string; status: string; score: number; output: string }>;
  extra_data: { student: string; status: string; detail: string[]; problems: string[] };
}

let work = '';
let students: Student[] = [];
let batch: Ran;
let control: Ran;
let treeBefore: Map<string, string>;
let leftBehind: number[] = [];
const results = new Map<string, Results>();
let csv: string[][] = [];

/** Every string inside a JSON value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)]);
  return [];
}

/** The gradebook's scores.csv (BOM, quoted cells), parsed. */
function readSheet(file: string): string[][] {
  return parse(fs.readFileSync(file, 'utf8'), { bom: true }) as string[][];
}

beforeAll(async () => {
  if (!POSIX) return;
  treeBefore = hashTree(ROOT);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'descent-class-'));
  for (const d of ['submissions', 'outside', 'tmp', 'honest-only', 'tmp-control']) fs.mkdirSync(path.join(work, d));
  students = buildClass(path.join(work, 'submissions'), path.join(work, 'outside'));
  for (const s of students.filter((x) => x.honest)) fs.cpSync(path.join(work, 'submissions', s.name), path.join(work, 'honest-only', s.name), { recursive: true });
  [batch, control] = await Promise.all([
    runBatch(path.join(work, 'submissions'), path.join(work, 'grades'), path.join(work, 'tmp')),
    runBatch(path.join(work, 'honest-only'), path.join(work, 'control'), path.join(work, 'tmp-control')),
  ]);
  for (let i = 0; i < 50; i++) {
    leftBehind = sandboxProcesses((p) => p.cwd.startsWith(work));
    if (leftBehind.length === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const grades = path.join(work, 'grades');
  for (const f of fs.readdirSync(grades).filter((n) => n.endsWith('.json'))) {
    const r = JSON.parse(fs.readFileSync(path.join(grades, f), 'utf8')) as Results;
    results.set(r.extra_data.student, r);
  }
  if (fs.existsSync(path.join(grades, 'gradebook', 'scores.csv'))) csv = readSheet(path.join(grades, 'gradebook', 'scores.csv'));
}, BOUND_S * 3000);

afterAll(() => {
  if (work !== '') fs.rmSync(work, { recursive: true, force: true });
});

/** A folder name as the batch shows it (cleaned by the kit; what cleaning does is safe-text.test.ts's business). */
const shown = (name: string): string => cleanLine(name, 200);

describe.skipIf(!POSIX)('a hostile class, graded with --batch --hidden --jobs 2 (POSIX: links and FIFOs)', () => {
  test(`the batch ends within ${BOUND_S} s, exits 0, and writes scores.csv with one row per student`, () => {
    console.log(`batch of ${students.length} students: ${batch.seconds.toFixed(1)} s; the honest students alone: ${control.seconds.toFixed(1)} s`);
    expect(batch.stderr).toBe('');
    expect(batch.code).toBe(0);
    expect(batch.seconds).toBeLessThanOrEqual(BOUND_S);
    expect(csv[0]).toEqual(['id', 'student', 'status', 'flagged', ...Object.keys(CONFIG.exercises), 'total', 'possible', 'percent', 'hidden tests', 'seed', 'commit', 'graded at']);
    expect(csv.length).toBe(students.length + 1);
    expect(results.size).toBe(students.length);
  });

  test('every honest student gets exactly full marks, check by check the same as when graded without the attackers', () => {
    const honestControl = new Map<string, Results>();
    for (const f of fs.readdirSync(path.join(work, 'control')).filter((n) => n.endsWith('.json'))) {
      const r = JSON.parse(fs.readFileSync(path.join(work, 'control', f), 'utf8')) as Results;
      honestControl.set(r.extra_data.student, r);
    }
    for (const s of students.filter((x) => x.honest)) {
      const r = results.get(s.name)!;
      expect([r.score, r.extra_data.status, r.extra_data.detail, r.extra_data.problems], s.name).toEqual([MAX, 'ok', [], []]);
      expect(r.tests.filter((t) => t.status !== 'passed').map((t) => `${t.name}: ${t.output}`), s.name).toEqual([]);
      const alone = honestControl.get(s.name)!;
      expect(r.tests.map((t) => [t.name, t.score]), s.name).toEqual(alone.tests.map((t) => [t.name, t.score]));
      const points = Object.values(CONFIG.exercises).map((e) => String(e.points));
      expect(csv.find((row) => row[1] === s.name)?.slice(1, 8 + points.length)).toEqual([s.name, 'ok', '', ...points, String(MAX), String(MAX), '100.0', 'yes']);
    }
  });

  test('every attacker gets no point, its status and a one-line reason', () => {
    for (const s of students.filter((x) => !x.honest)) {
      const r = results.get(shown(s.name));
      expect(shown(s.name)).not.toMatch(/[\u0000-\u001f\u202e]/);
      expect(r, `no results for ${JSON.stringify(s.name)}`).toBeDefined();
      const lines = [...r!.extra_data.detail, ...r!.extra_data.problems];
      expect(r!.score, `${s.name}: ${lines.join(' / ')}`).toBe(0);
      expect(r!.extra_data.status, s.name).toBe(s.status);
      expect(lines.some((l) => s.reason!.test(l)), `${JSON.stringify(s.name)}: no line matches ${String(s.reason)} in\n${lines.join('\n')}`).toBe(true);
      for (const l of lines) expect(l, s.name).not.toMatch(/[\n\r\u0000-\u001f\u007f]/);
    }
  });

  test('nothing printed or written carries control characters or CI commands; results.json stays small', () => {
    const lines = batch.stdout.split('\n');
    const guard = lines[0].match(/^::stop-commands::(descent-[0-9a-f]{32})$/);
    expect(guard, lines[0]).not.toBeNull();
    const commands = lines.filter((l) => l.trimStart().startsWith('::'));
    expect(commands).toEqual([lines[0], `::${guard![1]}::`]);
    expect(batch.stdout).not.toMatch(/##\[|[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    // Every file written, the gradebook's (gradebook/: CSVs, feedback pages, similarity report) included.
    const written = (fs.readdirSync(path.join(work, 'grades'), { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(work, 'grades', f)).isFile());
    expect(written).toEqual(expect.arrayContaining(['gradebook/scores.csv', 'gradebook/similarity.md']));
    for (const f of written) {
      const text = fs.readFileSync(path.join(work, 'grades', f), 'utf8');
      expect(text.length, f).toBeLessThanOrEqual(1_000_000);
      expect(text, f).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]|\\u00(0[0-9b-f]|1[0-9a-f]|7f)/i);
      if (f.endsWith('.json')) for (const s of strings(JSON.parse(text))) expect(s.split('\n').some((l) => l.trimStart().startsWith('::')), `${f}: ${s}`).toBe(false);
    }
  });

  test('CSV: formula-like names are text; colliding names get files of their own', () => {
    for (const row of csv.slice(1)) for (const cell of row) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(csv.map((r) => r[1])).toEqual(expect.arrayContaining([`'=HYPERLINK("evil.example","x")`, "'+1", "'-1", "'@SUM(A1)"]));
    const files = fs.readdirSync(path.join(work, 'grades'));
    expect(files.filter((f) => /^same_name/i.test(f)).sort()).toEqual(['SAME_NAME.json', 'same_name~2.json', 'same_name~3.json']);
    expect(files.length).toBe(students.length + 1); // and gradebook/ (its scores.csv is the one sheet)
    expect(fs.readdirSync(path.join(work, 'grades', 'gradebook', 'feedback'))).toHaveLength(students.length);
  });

  test('no sandbox process is left behind, and the kit is unchanged', () => {
    expect(leftBehind).toEqual([]);
    expect(differences(treeBefore, hashTree(ROOT)), 'files changed during grading').toEqual([]);
  });
});

test('a student who spins for ever meets the wall-clock limit per student; the sheet is still written', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'descent-spin-'));
  try {
    fs.mkdirSync(path.join(dir, 'subs', 'spinner'), { recursive: true });
    for (const f of fs.readdirSync(path.join(ROOT, 'exercises')).filter((f) => f.endsWith('.ts'))) {
      const stub = fs.readFileSync(path.join(ROOT, 'exercises', f), 'utf8');
      fs.writeFileSync(path.join(dir, 'subs', 'spinner', f), stub.replace(/throw new Error\('TODO[^']*'\);/g, 'for (;;) {}'));
    }
    const start = Date.now();
    const summary = await gradeBatch({ root: ROOT, course: readProjectConfig(ROOT), submissions: path.join(dir, 'subs'), out: path.join(dir, 'out'), studentTimeoutMs: 3000, timeoutMs: 60_000 });
    expect((Date.now() - start) / 1000).toBeLessThan(60);
    expect(summary.rows.map((r) => [r.student, r.status, r.score])).toEqual([['spinner', 'timed out', 0]]);
    expect(summary.rows[0].detail[0]).toBe('grading took more than 3 s (the limit per student): the checks not graded by then score 0');
    expect(fs.existsSync(path.join(dir, 'out', 'scores.csv'))).toBe(false);
    // every exercise at 0 and the total 0, then the maximum and the percentage
    const zeros = Object.keys(readProjectConfig(ROOT).exercises).map(() => '0');
    expect(readSheet(path.join(dir, 'out', 'gradebook', 'scores.csv'))[1].slice(1, 7 + zeros.length)).toEqual(['spinner', 'timed out', expect.stringMatching(/^FLAGGED: timed out; grading took more than 3 s/), ...zeros, '0', String(summary.rows[0].maxScore), '0.0']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
