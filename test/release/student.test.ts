/**
 * The student repository on its own: released into a temporary folder, installed from scratch
 * with `npm ci` (from the local npm cache), graded with the stubs (0 of the maximum) and with a
 * copy of solutions/ (full marks), reporting to GitHub Classroom, refusing modified graders,
 * opening in Jupyter; and the instructor's batch grading of two submissions.
 */
import { spawn } from 'child_process';
import { parse } from 'csv-parse/sync';
import fs from 'fs';
import net from 'net';
import path from 'path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { gradeBatch } from '../../kit/grade/batch';
import { readProjectConfig } from '../../kit/grade/config';
import { release } from '../../kit/release/release';
import { missingPython, requireTool } from '../notebooks/env';
import { KIT, removeTemps, run, tempDir } from './helpers';

const CONFIG = JSON.parse(fs.readFileSync(path.join(KIT, 'course.config.json'), 'utf8')) as { exercises: Record<string, { points: number; due: string }> };
const MAX = Object.values(CONFIG.exercises).reduce((s, e) => s + e.points, 0);
const TSX = path.join(KIT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

let repo = '';
let solutionsCopy = '';

beforeAll(() => {
  repo = path.join(tempDir('student'), 'homework');
  const made = Date.now();
  release(repo);
  const released = Date.now() - made;
  let install = run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], repo, {}, 300_000);
  if (install.status !== 0) install = run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], repo, {}, 300_000);
  console.log(`release ${(released / 1000).toFixed(1)} s, npm ci ${(install.ms / 1000).toFixed(1)} s`);
  if (install.status !== 0) throw new Error(`npm ci failed in the student repository:\n${install.stderr}`);
  solutionsCopy = tempDir('solutions');
  for (const f of fs.readdirSync(path.join(KIT, 'solutions')).filter((n) => n.endsWith('.ts'))) fs.copyFileSync(path.join(KIT, 'solutions', f), path.join(solutionsCopy, f));
}, 300_000);
afterAll(removeTemps);

function classroom(env: NodeJS.ProcessEnv = {}): { status: number | null; stdout: string; result: Record<string, unknown>; summary: string } {
  const out = tempDir('gh');
  const files = { GITHUB_OUTPUT: path.join(out, 'output'), GITHUB_STEP_SUMMARY: path.join(out, 'summary') };
  const r = run(process.execPath, [path.join(repo, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'kit/grade/cli.ts', '--classroom', '--no-color'], repo, { ...files, ...env });
  const line = fs.readFileSync(files.GITHUB_OUTPUT, 'utf8').trim();
  expect(line).toMatch(/^result=[A-Za-z0-9+/=]+$/);
  const result = JSON.parse(Buffer.from(line.slice('result='.length), 'base64').toString('utf8')) as Record<string, unknown>;
  return { status: r.status, stdout: r.stdout, result, summary: fs.readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8') };
}

describe('npm test in the student repository', () => {
  test('a DIR that is not a folder is refused with its name', () => {
    const r = run('npm', ['test', '--', 'nope'], repo);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`grade: DIR must be a folder with exercise files, received ${JSON.stringify(path.join(repo, 'nope'))}`);
  }, 60_000);

  test('the stubs score 0 of the maximum: a short summary under the course title, the details on request', () => {
    const r = run('npm', ['test'], repo);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`\\ntotal +0/${MAX} +0/\\d+ checks passed`));
    expect(r.stdout).toContain('Nothing passes yet: that is where everyone starts');
    expect(r.stdout).toContain('Details of every check (input, expected, received, hint): npm test -- --verbose');
    for (const [name, e] of Object.entries(CONFIG.exercises)) {
      expect(r.stdout).toMatch(new RegExp(`\\n${name}\\.ts +0/${e.points} +not started: still throws TODO +${e.due.replace(/[()]/g, '\\$&')}\\n`));
    }
    expect(r.stdout.trimEnd().split('\n').length).toBeLessThanOrEqual(30); // npm's own two lines included
    const verbose = run('npm', ['test', '--', '--verbose', '--only', 'mse'], repo);
    expect(verbose.stdout).toContain("hint:     not implemented yet: replace the throw new Error('TODO: …') with your code");
  }, 120_000);

  test('a copy of solutions/ in exercises/ scores full marks, and GitHub Classroom gets the points', () => {
    const stubs = tempDir('stubs');
    for (const f of fs.readdirSync(path.join(repo, 'exercises'))) fs.copyFileSync(path.join(repo, 'exercises', f), path.join(stubs, f));
    for (const f of fs.readdirSync(solutionsCopy)) fs.copyFileSync(path.join(solutionsCopy, f), path.join(repo, 'exercises', f));
    try {
      const r = run('npm', ['test'], repo);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`\\ntotal +${MAX}/${MAX} +(\\d+)/\\1 checks passed`));
      expect(r.stdout).toContain('All ');
      const c = classroom();
      expect(c.status).toBe(0);
      const tests = c.result.tests as Array<{ name: string; status: string; score: number }>;
      expect([c.result.version, c.result.status, c.result.max_score]).toEqual([1, 'pass', MAX]);
      expect(tests.length).toBeGreaterThan(40);
      expect(tests.every((t) => t.status === 'pass')).toBe(true);
      expect(tests.reduce((s, t) => s + t.score, 0)).toBeCloseTo(MAX, 9);
      expect(c.summary).toContain(`: ${MAX}/${MAX} points`);
      expect(c.summary).toContain(`| \`mse.ts\` | ${CONFIG.exercises.mse.points}/${CONFIG.exercises.mse.points} | ${CONFIG.exercises.mse.due} |`);
    } finally {
      for (const f of fs.readdirSync(stubs)) fs.copyFileSync(path.join(stubs, f), path.join(repo, 'exercises', f));
    }
  }, 120_000);

  test('an edited grader or workflow is a visible "graders modified" failure with no points', () => {
    const grader = path.join(repo, 'course', 'mse', 'grader.ts');
    const workflow = path.join(repo, '.github', 'workflows', 'classroom.yml');
    const saved = [fs.readFileSync(grader), fs.readFileSync(workflow)];
    fs.appendFileSync(grader, '\n// easier now\n');
    fs.writeFileSync(workflow, saved[1].toString().replace('--classroom', '--classroom --only mse'));
    fs.writeFileSync(path.join(repo, 'course', 'mse', 'free.ts'), '');
    try {
      const c = classroom();
      expect(c.status).toBe(1);
      expect(c.result).toMatchObject({ version: 1, status: 'error', max_score: MAX });
      expect(c.result.tests).toEqual([expect.objectContaining({ name: 'graders modified', status: 'error', score: 0 })]);
      for (const s of ['course/mse/grader.ts (changed)', '.github/workflows/classroom.yml (changed)', 'course/mse/free.ts (added)']) {
        expect(c.summary).toContain(s);
        expect(c.stdout).toContain(s);
      }
      expect(c.summary).toContain('graders modified');
    } finally {
      fs.writeFileSync(grader, saved[0]);
      fs.writeFileSync(workflow, saved[1]);
      fs.rmSync(path.join(repo, 'course', 'mse', 'free.ts'));
    }
    expect(classroom().status).toBe(0);
  }, 120_000);
});

test('a chapter runs on the tslab kernel in the student repository (the descent workspace package, the stubs)', () => {
  const r = run('npm', ['run', 'notebooks', '--', 'notebooks/01-mse.ipynb'], repo);
  expect(r.stderr + r.stdout).toMatch(/1 notebook\(s\) executed/);
  expect(r.status).toBe(0);
  expect(fs.existsSync(path.join(repo, 'build', 'notebooks', '01-mse.ipynb'))).toBe(true);
}, 120_000);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

test('npm run lab opens the notebooks in Jupyter', async (ctx) => {
  requireTool(ctx, 'npm run lab', missingPython(['notebook', 'jupyter_client']));
  const port = await freePort();
  const token = 'descent-release-test';
  const args = ['run', 'lab', '--', '--no-browser', `--port=${port}`, `--NotebookApp.token=${token}`, `--ServerApp.token=${token}`];
  if (process.getuid?.() === 0) args.push('--allow-root');
  const npm = process.env.npm_execpath !== undefined && /npm-cli\.js$/.test(process.env.npm_execpath) ? [process.execPath, process.env.npm_execpath] : ['npm'];
  const child = spawn(npm[0], [...npm.slice(1), ...args], { cwd: repo, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  try {
    let listing: { content?: Array<{ name: string }> } | null = null;
    for (let i = 0; i < 120 && listing === null; i++) {
      await new Promise((r) => setTimeout(r, 250));
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/contents/notebooks?token=${token}`);
        if (res.ok) listing = (await res.json()) as { content?: Array<{ name: string }> };
      } catch {
        // not listening yet
      }
    }
    expect(listing, output).not.toBeNull();
    expect((listing?.content ?? []).map((c) => c.name)).toContain('01-mse.ipynb');
    expect(output).toMatch(/Starting (JupyterLab|Notebook 7|classic Notebook) .* on .*homework\/notebooks/);
  } finally {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
  }
}, 120_000);

test('npm run grade -- --batch grades a class in parallel (a modified repo, a folder of files, an empty folder): one results file each and a CSV', () => {
  const subs = path.join(tempDir('class'), 'submissions');
  const alice = path.join(subs, 'alice');
  const bob = path.join(subs, 'bob');
  fs.mkdirSync(path.join(alice, 'exercises'), { recursive: true });
  fs.mkdirSync(bob, { recursive: true });
  for (const f of fs.readdirSync(path.join(repo, 'exercises'))) fs.copyFileSync(path.join(repo, 'exercises', f), path.join(alice, 'exercises', f));
  fs.copyFileSync(path.join(solutionsCopy, 'mse.ts'), path.join(alice, 'exercises', 'mse.ts'));
  for (const d of ['course', 'kit', 'src', '.github']) fs.cpSync(path.join(repo, d), path.join(alice, d), { recursive: true });
  for (const f of ['package.json', 'course.config.json']) fs.copyFileSync(path.join(repo, f), path.join(alice, f));
  fs.appendFileSync(path.join(alice, 'course', 'mse', 'grader.ts'), '// tweak\n');
  for (const f of fs.readdirSync(solutionsCopy)) fs.copyFileSync(path.join(solutionsCopy, f), path.join(bob, f));
  fs.mkdirSync(path.join(subs, 'carol'));
  const out = path.join(path.dirname(subs), 'grades');
  const r = run(process.execPath, [TSX, 'kit/grade/cli.ts', '--batch', subs, '--hidden', '--out', out], KIT);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  console.log(r.stdout.trim());
  expect(fs.readdirSync(out).sort()).toEqual(['alice.json', 'bob.json', 'carol.json', 'gradebook']);
  const csv = parse(fs.readFileSync(path.join(out, 'gradebook', 'scores.csv'), 'utf8'), { bom: true }) as string[][];
  const names = Object.keys(CONFIG.exercises);
  expect(csv[0]).toEqual(['id', 'student', 'status', 'flagged', ...names, 'total', 'possible', 'percent', 'hidden tests', 'seed', 'commit', 'graded at']);
  const mse = CONFIG.exercises.mse.points;
  const sheet = (row: string[]): string[] => row.slice(1, 8 + names.length).map(String);
  expect(sheet(csv[1])).toEqual(['alice', 'graders modified', 'FLAGGED: graders modified; course/mse/grader.ts (changed)', ...names.map((n) => String(n === 'mse' ? mse : 0)), String(mse), String(MAX), (Math.round((mse / MAX) * 1000) / 10).toFixed(1), 'yes']);
  expect(sheet(csv[2])).toEqual(['bob', 'ok', '', ...names.map((n) => String(CONFIG.exercises[n].points)), String(MAX), String(MAX), '100.0', 'yes']);
  expect(sheet(csv[3])).toEqual(['carol', 'no exercises', expect.stringMatching(/^FLAGGED: no exercises/), ...names.map(() => '0'), '0', String(MAX), '0.0', 'yes']);
  const bobJson = JSON.parse(fs.readFileSync(path.join(out, 'bob.json'), 'utf8')) as { score: number; max_score: number; tests: Array<{ visibility: string }> };
  expect([bobJson.score, bobJson.max_score]).toEqual([MAX, MAX]);
  expect(bobJson.tests.some((t) => t.visibility === 'after_published')).toBe(true);
  const aliceJson = JSON.parse(fs.readFileSync(path.join(out, 'alice.json'), 'utf8')) as { extra_data: { status: string; detail: string[]; problems: string[] } };
  expect(aliceJson.extra_data).toEqual({
    student: 'alice',
    status: 'graders modified',
    detail: ['course/mse/grader.ts (changed)'],
    // The first problem of each exercise file that lost points: here, the stubs' TODOs.
    problems: names.filter((n) => n !== 'mse').map((n) => expect.stringMatching(new RegExp(`^${n}\\.ts: threw Error: TODO`))),
  });
}, 120_000);

test('--batch refuses a SUBMISSIONS that is not a folder', async () => {
  await expect(gradeBatch({ root: KIT, course: readProjectConfig(KIT), submissions: path.join(repo, 'nope') })).rejects.toThrow(
    `grade: --batch must be a folder with one folder per student, received ${JSON.stringify(path.join(repo, 'nope'))}`,
  );
});

describe('a Korean student repository (npm run release -- DIR --lang ko)', () => {
  // The same package.json and lock as the English release: it reuses that release's node_modules
  // (a link) instead of a second npm ci.
  test('npm test and the Classroom job summary speak Korean without flags; a solved mse scores its full marks', () => {
    const ko = path.join(tempDir('student-ko'), 'homework');
    release(ko, { lang: 'ko' });
    expect(fs.readFileSync(path.join(ko, 'package.json'), 'utf8')).toBe(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
    fs.symlinkSync(path.join(repo, 'node_modules'), path.join(ko, 'node_modules'), 'junction');
    const stubs = run('npm', ['test'], ko);
    expect(stubs.status).toBe(0);
    expect(stubs.stdout).toMatch(new RegExp(`\\n합계 +0/${MAX} +검사 \\d+개 중 0개 통과`));
    expect(stubs.stdout).toContain('아직 통과한 검사가 없습니다');
    expect(stubs.stdout).not.toMatch(/not started|checks pass|Nothing passes/);
    fs.copyFileSync(path.join(solutionsCopy, 'mse.ts'), path.join(ko, 'exercises', 'mse.ts'));
    const out = tempDir('gh-ko');
    const env = { GITHUB_OUTPUT: path.join(out, 'output'), GITHUB_STEP_SUMMARY: path.join(out, 'summary') };
    const full = run(process.execPath, [path.join(ko, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'kit/grade/cli.ts', '--classroom', '--no-color', '--only', 'mse'], ko, env);
    expect(full.status).toBe(0);
    const mse = CONFIG.exercises.mse.points;
    expect(full.stdout).toMatch(new RegExp(`\\n합계 +${mse}/${mse} +검사 (\\d+)개 중 \\1개 통과`));
    const summary = fs.readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8');
    expect(summary).toContain(`: ${mse}/${mse}점`);
    expect(summary).toContain('| 연습 문제 | 검사 | 결과 | 점수 | 피드백 |');
    expect(summary).toContain('✅ 통과');
  }, 120_000);
});
