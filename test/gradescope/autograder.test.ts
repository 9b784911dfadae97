/**
 * The Gradescope autograder end to end: `npm run gradescope` builds the zip, which is unpacked
 * into a temporary root laid out as Gradescope lays out /autograder (source/, submission/,
 * results/); setup.sh installs the grading packages (Node ≥ 20 is on PATH, so it skips the Node
 * install; npm prefers its cache), then run_autograder grades five submissions — the solutions,
 * the stubs, a zip of a student repository, files with extras and gaps, and a cheat from the
 * adversarial suite — and every results.json is checked against Gradescope's documented format.
 */
import { spawn, spawnSync } from 'child_process';
import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseSettings } from '../../kit/gradescope/runtime/settings';
import yauzl from 'yauzl';
import { buildAutograder, BuildResult } from '../../kit/gradescope/build';
import { unzipSafely } from '../../kit/gradescope/runtime/unzip';
import { writeZip } from '../../kit/gradescope/zip';
import { secretLines } from '../../kit/release/leaks';
import { buildReleaseTree } from '../../kit/release/tree';
import { gradescopeResultsErrors } from './results-format';

const KIT = path.resolve(__dirname, '..', '..');
const nodeMajor = Number(process.versions.node.split('.')[0]);

interface Results {
  score: number;
  output: string;
  execution_time: number;
  tests: Array<{ name: string; score: number; max_score: number; status: string; output: string; visibility: string }>;
  extra_data: { max_score: number; status: string; found: string[] };
}

let work: string;
let built: BuildResult;
let source: string;
let entries: Array<{ name: string; mode: number }>;
const results = new Map<string, Results>();

function listEntries(zipFile: string): Promise<Array<{ name: string; mode: number }>> {
  return new Promise((resolve, reject) => {
    yauzl.open(zipFile, { lazyEntries: false }, (error, zip) => {
      if (error !== null || zip === undefined) return reject(error);
      const out: Array<{ name: string; mode: number }> = [];
      zip.on('entry', (e: yauzl.Entry) => out.push({ name: e.fileName, mode: (e.externalFileAttributes >>> 16) & 0o7777 }));
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      return undefined;
    });
  });
}

function solutionFiles(): string[] {
  return fs.readdirSync(path.join(KIT, 'solutions')).filter((f) => f.endsWith('.ts'));
}

/** A root as Gradescope lays it out, sharing the unpacked source; `fill` writes the submission. */
function makeRoot(name: string, fill: (submission: string) => void | Promise<void>): Promise<string> {
  const root = path.join(work, name);
  fs.mkdirSync(path.join(root, 'submission'), { recursive: true });
  fs.symlinkSync(source, path.join(root, 'source'));
  fs.copyFileSync(path.join(source, 'run_autograder'), path.join(root, 'run_autograder'));
  return Promise.resolve(fill(path.join(root, 'submission'))).then(() => root);
}

function runAutograder(root: string): Promise<Results> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [path.join(root, 'run_autograder')], { cwd: root, env: { ...process.env, DESCENT_AUTOGRADER_ROOT: root }, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const file = path.join(root, 'results', 'results.json');
      if (code !== 0 || !fs.existsSync(file)) return reject(new Error(`run_autograder exited ${code}:\n${log}`));
      return resolve(JSON.parse(fs.readFileSync(file, 'utf8')) as Results);
    });
  });
}

const SCENARIOS: Record<string, (submission: string) => void | Promise<void>> = {
  // Uploaded as files.
  solutions: (dir) => {
    for (const f of solutionFiles()) fs.copyFileSync(path.join(KIT, 'solutions', f), path.join(dir, f));
  },
  stubs: (dir) => {
    for (const f of solutionFiles()) fs.copyFileSync(path.join(KIT, 'exercises', f), path.join(dir, f));
  },
  // A zip of the student repository (GitHub's "Download ZIP": one top folder), solved, with a link entry.
  repository: async (dir) => {
    const tree = buildReleaseTree();
    const files = [...tree.files].map(([name, content]) => ({ name: `descent-homework-main/${name}`, content }));
    for (const f of solutionFiles()) {
      const entry = files.find((e) => e.name === `descent-homework-main/exercises/${f}`);
      if (entry !== undefined) entry.content = fs.readFileSync(path.join(KIT, 'solutions', f));
    }
    await writeZip(path.join(dir, 'descent-homework.zip'), files);
  },
  // Two exercises solved, one a link, the rest missing, and things that are not exercises.
  'extra-and-missing': (dir) => {
    for (const f of ['mse.ts', 'autograd.ts']) fs.copyFileSync(path.join(KIT, 'solutions', f), path.join(dir, f));
    fs.symlinkSync(path.join(KIT, 'solutions', 'cross-entropy.ts'), path.join(dir, 'cross-entropy.ts'));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'my notes\n');
    fs.writeFileSync(path.join(dir, 'helper.ts'), 'export const x = 1;\n');
    fs.writeFileSync(path.join(dir, 'data.bin'), Buffer.alloc(3_000_000));
    fs.mkdirSync(path.join(dir, 'old'));
    fs.copyFileSync(path.join(KIT, 'exercises', 'mse.ts'), path.join(dir, 'old', 'mse.ts'));
  },
  // The adversarial suite's file-overwriting cheat, aimed at this autograder's own files.
  cheat: (dir) => {
    for (const f of solutionFiles()) fs.copyFileSync(path.join(KIT, 'solutions', f), path.join(dir, f));
    const cheat = fs.readFileSync(path.join(KIT, 'test', 'adversarial', 'cheats', 'overwrite-files.ts'), 'utf8');
    fs.writeFileSync(path.join(dir, 'mse.ts'), cheat.replace(/__ROOT__/g, source).replace(/__SUBMISSION__/g, dir));
  },
};

function digestTree(dir: string): string {
  const hash = crypto.createHash('sha256');
  const visit = (rel: string): void => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.name === 'node_modules') continue;
      const child = path.join(rel, e.name);
      if (e.isDirectory()) visit(child);
      else hash.update(child).update(fs.readFileSync(path.join(dir, child)));
    }
  };
  visit('');
  return hash.digest('hex');
}

let sourceDigest = '';

beforeAll(async () => {
  if (process.platform === 'win32') {
    throw new Error('the Gradescope autograder test needs bash and POSIX links (Gradescope runs it on Ubuntu): run it on Linux or macOS');
  }
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'descent-gradescope-test-'));
  built = await buildAutograder({ out: path.join(work, 'autograder.zip') });
  console.log(`autograder zip: ${built.entries.length} files, ${built.bytes} bytes (${(built.bytes / 1e6).toFixed(2)} MB)`);
  entries = await listEntries(built.out);
  source = path.join(work, 'source');
  await unzipSafely(built.out, source);
  const setup = spawnSync('bash', [path.join(source, 'setup.sh')], {
    env: { ...process.env, DESCENT_AUTOGRADER_ROOT: work, npm_config_prefer_offline: 'true' },
    encoding: 'utf8',
  });
  if (setup.status !== 0) throw new Error(`setup.sh failed:\n${setup.stdout}\n${setup.stderr}`);
  expect(setup.stdout).toMatch(/Node v\d+.* is installed/);
  sourceDigest = digestTree(source);
  const names = Object.keys(SCENARIOS);
  let next = 0;
  // Two at a time (two cores); each run grades in its own sandbox children.
  await Promise.all([0, 1].map(async () => {
    while (next < names.length) {
      const name = names[next++];
      results.set(name, await runAutograder(await makeRoot(name, SCENARIOS[name])));
    }
  }));
}, 600_000);

afterAll(() => {
  if (work !== undefined) fs.rmSync(work, { recursive: true, force: true });
});

describe('the Gradescope autograder zip', () => {
  test('runs on Node 20 or newer, as Gradescope\'s setup.sh installs (here setup.sh skipped the install)', () => {
    expect(nodeMajor).toBeGreaterThanOrEqual(20);
  });

  test('has setup.sh and run_autograder at its root, executable, and what grading needs', () => {
    const byName = new Map(entries.map((e) => [e.name, e.mode]));
    expect(byName.get('setup.sh')).toBe(0o755);
    expect(byName.get('run_autograder')).toBe(0o755);
    for (const f of ['package.json', 'package-lock.json', 'gradescope.json', 'course.config.json', 'kit/grade/manifest.json', 'kit/grade/engine.ts', 'course/mse/grader.ts', 'course/mse/cases.json', 'course/mse/hidden/grader.ts', 'kit/gradescope/runtime/run.ts']) {
      expect(byName.has(f), f).toBe(true);
    }
    const pkg = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies?: unknown };
    expect(Object.keys(pkg.dependencies)).toEqual(expect.arrayContaining(['tsx', 'typescript', 'yauzl']));
    expect(pkg.devDependencies).toBeUndefined();
  });

  test('holds no file of solutions/, no mutant, alternative or adversarial case, and no solution line', () => {
    const forbidden = entries.filter((e) => /^(solutions|test|notebooks)\//.test(e.name) || /^course\/[^/]+\/(mutants\.ts|alternatives\/|cases\.py)/.test(e.name));
    expect(forbidden).toEqual([]);
    // No entry is a copy of a solution, a mutant or a cheat, whatever its name.
    const secretFiles = new Set<string>();
    const collect = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) collect(path.join(dir, e.name));
        else if (e.isFile()) secretFiles.add(fs.readFileSync(path.join(dir, e.name), 'utf8'));
      }
    };
    for (const d of ['solutions', 'test/adversarial']) collect(path.join(KIT, d));
    for (const e of fs.readdirSync(path.join(KIT, 'course'), { withFileTypes: true }).filter((x) => x.isDirectory())) {
      const dir = path.join(KIT, 'course', e.name);
      if (fs.existsSync(path.join(dir, 'mutants.ts'))) secretFiles.add(fs.readFileSync(path.join(dir, 'mutants.ts'), 'utf8'));
      if (fs.existsSync(path.join(dir, 'alternatives'))) collect(path.join(dir, 'alternatives'));
    }
    expect(secretFiles.size).toBeGreaterThan(20);
    const files = entries.filter((e) => !e.name.endsWith('/'));
    expect(files.filter((e) => secretFiles.has(fs.readFileSync(path.join(source, e.name), 'utf8'))).map((e) => e.name)).toEqual([]);
    // No distinctive line of solutions/ (the release's leak scan's definition), outside the hidden
    // graders, whose oracles are independent reference implementations and ship on purpose.
    const solutionLines = new Set([...secretLines(KIT)].filter(([, from]) => from.startsWith('solutions/')).map(([line]) => line));
    expect(solutionLines.size).toBeGreaterThan(20);
    const found: string[] = [];
    for (const e of files.filter((x) => !/^course\/[^/]+\/hidden\//.test(x.name))) {
      for (const line of fs.readFileSync(path.join(source, e.name), 'utf8').split('\n')) if (solutionLines.has(line.trim())) found.push(`${e.name}: ${line.trim()}`);
    }
    expect(found).toEqual([]);
  });

  test('every results.json follows Gradescope\'s documented format', () => {
    expect([...results.keys()].sort()).toEqual(Object.keys(SCENARIOS).sort());
    for (const [name, r] of results) expect(gradescopeResultsErrors(r), name).toEqual([]);
  });

  test('the solutions get full marks; hidden checks show after publication', () => {
    const r = results.get('solutions') as Results;
    expect(r.score).toBe(100);
    expect(r.extra_data.max_score).toBe(100);
    expect(r.tests.every((t) => t.status === 'passed' && t.score === t.max_score)).toBe(true);
    expect(r.tests.reduce((s, t) => s + t.max_score * 100, 0) / 100).toBe(100);
    expect(new Set(r.tests.map((t) => t.visibility))).toEqual(new Set(['visible', built.settings.hiddenVisibility]));
    expect(built.settings.hiddenVisibility).toBe('after_published');
    expect(r.execution_time).toBeGreaterThan(0);
  });

  test('the stubs score 0 with feedback that says what to do', () => {
    const r = results.get('stubs') as Results;
    expect(r.score).toBe(0);
    expect(r.tests.length).toBe((results.get('solutions') as Results).tests.length);
    expect(r.tests.every((t) => t.score === 0 && t.status === 'failed')).toBe(true);
    expect(r.tests[0].output).toMatch(/TODO|not implemented|implement/i);
    expect(r.output).toMatch(/^0\/100 points/);
  });

  test('a zip of the student repository is found, unpacked and graded in full', () => {
    const r = results.get('repository') as Results;
    expect(r.score).toBe(100);
    expect(r.extra_data.status).toBe('ok');
    expect(r.output).toMatch(/descent-homework\.zip\/descent-homework-main\/ \(7 of 7 expected\)/);
  });

  test('extra files are ignored, missing and linked files score 0 for their exercise only', () => {
    const r = results.get('extra-and-missing') as Results;
    const byFile = (file: string): Results['tests'] => r.tests.filter((t) => t.name.startsWith(`${file} ›`));
    expect(byFile('mse.ts').every((t) => t.status === 'passed')).toBe(true);
    expect(byFile('autograd.ts').every((t) => t.status === 'passed')).toBe(true);
    for (const f of ['cross-entropy.ts', 'gradient-descent.ts', 'minibatch.ts', 'partial-derivatives.ts', 'optimizers.ts']) {
      expect(byFile(f).length, f).toBeGreaterThan(0);
      expect(byFile(f).every((t) => t.score === 0), f).toBe(true);
    }
    expect(byFile('cross-entropy.ts')[0].output).toMatch(/symbolic link/);
    expect(r.score).toBe(30); // mse 10 + autograd 20
  });

  test('a cheat that overwrites the autograder\'s files loses its exercise and changes nothing', () => {
    const r = results.get('cheat') as Results;
    const mse = r.tests.filter((t) => t.name.startsWith('mse.ts ›'));
    expect(mse.length).toBeGreaterThan(0);
    expect(mse.every((t) => t.score === 0)).toBe(true);
    expect(mse.some((t) => /tried to write a file, which grading does not allow/.test(t.output))).toBe(true);
    // minibatch.ts imports mse.ts, so it may lose points too; the files that do not stay full.
    for (const f of ['cross-entropy.ts', 'gradient-descent.ts', 'autograd.ts', 'partial-derivatives.ts', 'optimizers.ts']) {
      expect(r.tests.filter((t) => t.name.startsWith(`${f} ›`)).every((t) => t.status === 'passed'), f).toBe(true);
    }
    expect(r.score).toBeLessThanOrEqual(90);
    expect(digestTree(source)).toBe(sourceDigest);
  });

  test('--lang ko: the zip grades in Korean (gradescope.json "lang", read by run_autograder); an unknown language is refused', async () => {
    const ko = await buildAutograder({ out: path.join(work, 'ko.zip'), lang: 'ko' });
    expect(ko.settings.lang).toBe('ko');
    expect(built.settings.lang).toBeUndefined();
    expect(parseSettings({ lang: 'ko' }, 1).lang).toBe('ko');
    expect(() => parseSettings({ lang: 'fr' }, 1)).toThrow(/lang.*en, ko/);
    await expect(buildAutograder({ out: path.join(work, 'x.zip'), lang: 'fr' })).rejects.toThrow(/--lang must be one of en, ko, received "fr"/);
  }, 120_000);
});
