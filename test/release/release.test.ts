/**
 * `npm run release -- DIR` on the real kit: what the student repository holds and never holds,
 * the leak scan (the tool's and an independent one), idempotency, refusal of a dirty DIR, and the
 * GitHub Classroom workflow's steps.
 */
import fs from 'fs';
import path from 'path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import YAML from 'yaml';
import { verifyGrading } from '../../kit/grade/integrity';
import { findLeaks, secretLines } from '../../kit/release/leaks';
import { release } from '../../kit/release/release';
import { buildReleaseTree } from '../../kit/release/tree';
import { MARKER_FILE } from '../../kit/release/write';
import { hashTree, KIT, kitLines, listTree, removeTemps, run, tempDir } from './helpers';

let dir = '';
let files: string[] = [];
let firstMs = 0;

beforeAll(() => {
  dir = path.join(tempDir('release'), 'student');
  const start = Date.now();
  release(dir);
  firstMs = Date.now() - start;
  files = listTree(dir);
}, 120_000);
afterAll(removeTemps);

const read = (f: string): string => fs.readFileSync(path.join(dir, f), 'utf8');

describe('the student repository', () => {
  test('holds the notebooks, the stubs, the library, the public graders and the tools', () => {
    console.log(`release: ${files.length} files in ${(firstMs / 1000).toFixed(1)} s`);
    for (const nb of fs.readdirSync(path.join(KIT, 'notebooks')).filter((f) => f.endsWith('.ipynb'))) expect(files).toContain(`notebooks/${nb}`);
    for (const ex of fs.readdirSync(path.join(KIT, 'exercises')).filter((f) => f.endsWith('.ts'))) {
      expect(read(`exercises/${ex}`)).toBe(fs.readFileSync(path.join(KIT, 'exercises', ex), 'utf8'));
    }
    for (const f of ['src/index.ts', 'kit/grade/cli.ts', 'kit/grade/sandbox/harness.ts', 'kit/grade/api/index.ts', 'kit/shared/typescript.ts',
      'kit/notebooks/descent/package.json', 'kit/notebooks/lab.ts', 'kit/book/cli.ts', 'kit/book/assets/book.css', 'course/mse/grader.ts',
      'course/mse/exercise.json', 'course/autograd/drivers.ts', 'course/optimizers/cases.json', 'course/minibatch/seeded-shuffle.ts', 'package.json',
      'package-lock.json', 'tsconfig.json', 'README.md', 'course.config.json', '.github/workflows/classroom.yml', '.gitignore', MARKER_FILE]) {
      expect(files).toContain(f);
    }
  });

  test('never holds solutions, hidden graders, oracles, mutants or alternatives, the kit\'s tests, its release, author or benchmark tools, or source maps', () => {
    const forbidden = /^(solutions|test|kit\/(release|bench|author)|docs|\.ci|build)\/|^course\/[^/]+\/(hidden|alternatives)\/|^course\/.*(mutants\.ts|\.py)$/;
    expect(files.filter((f) => forbidden.test(f) || f.endsWith('.map') || f === 'BENCHMARKS.md')).toEqual([]);
    // The public graders compare with precomputed expectations; no oracle (a reference implementation) ships.
    expect(files.filter((f) => /oracle|hidden|mutant|alternative/.test(f))).toEqual([]);
    const course = files.filter((f) => f.startsWith('course/'));
    expect(new Set(course.map((f) => f.split('/').pop()))).toEqual(new Set(['exercise.json', 'grader.ts', 'messages.ts', 'drivers.ts', 'cases.json', 'seeded-shuffle.ts', 'derivative.ts', 'losses.ts']));
  });

  test("the graders are the kit's: its grading manifest, extended with the repository's protected files and folders, verifies", () => {
    expect(verifyGrading(dir)).toMatchObject({ ok: true, modified: [], repository: true });
    const kit = JSON.parse(fs.readFileSync(path.join(KIT, 'kit', 'grade', 'manifest.json'), 'utf8')) as { files: Record<string, string> };
    const ours = JSON.parse(read('kit/grade/manifest.json')) as { files: Record<string, string>; protected: string[] };
    expect(Object.keys(ours.files).filter((f) => !(f in kit.files)).sort()).toEqual(['.github/workflows/classroom.yml', 'course.config.json', 'package.json']);
    expect(Object.keys(kit.files).filter((f) => ours.files[f] !== kit.files[f])).toEqual([]);
    expect(ours.protected).toEqual(['course/', 'kit/grade/', '.github/']);
    // Every file of a protected folder is listed: the manifest knows the whole grading.
    expect(files.filter((f) => /^(course|kit\/grade|\.github)\//.test(f) && f !== 'kit/grade/manifest.json' && !(f in ours.files))).toEqual([]);
  });

  test('notebooks have no outputs or execution counts', () => {
    for (const f of files.filter((x) => x.endsWith('.ipynb'))) {
      const nb = JSON.parse(read(f)) as { cells: Array<{ cell_type: string; outputs?: unknown[]; execution_count?: unknown }> };
      for (const c of nb.cells.filter((x) => x.cell_type === 'code')) {
        expect([f, c.outputs, c.execution_count]).toEqual([f, [], null]);
      }
    }
  });

  test('package.json has the student scripts and dependencies; the lock matches it', () => {
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string>; dependencies: Record<string, string>; devDependencies: Record<string, string> };
    expect(Object.keys(pkg.scripts).sort()).toEqual(['book', 'grade', 'kernel', 'lab', 'notebooks', 'prepare', 'start', 'test']);
    expect(pkg.scripts.prepare).toBe('tsx kit/notebooks/git-filter.ts install');
    // No install warning on Node 20: katex's CLI-only commander held at an engines-compatible version; install scripts approved (npm 11).
    const kitPkg = JSON.parse(fs.readFileSync(path.join(KIT, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect((pkg as Record<string, unknown>).overrides).toEqual(kitPkg.overrides);
    expect((pkg as Record<string, unknown>).allowScripts).toEqual({ esbuild: true, zeromq: true });
    const locked = JSON.parse(read('package-lock.json')) as { packages: Record<string, { engines?: { node?: string } }> };
    // Does a range (its lower bound, per `||` alternative) accept Node 20?
    const accepts20 = (range: string): boolean =>
      range.split('||').some((alt) => {
        const m = /^(>=|>|\^|~)?\s*v?(\d+)/.exec(alt.trim());
        if (m === null) return true; // `*`, `x`, or a form this check does not read
        const major = Number(m[2]);
        return m[1] === '>=' ? major <= 20 : m[1] === '>' ? major < 20 : major === 20;
      });
    const needsNewerNode = Object.entries(locked.packages).filter(([, p]) => p.engines?.node !== undefined && !accepts20(p.engines.node));
    expect(needsNewerNode.map(([name, p]) => `${name}: ${p.engines?.node}`)).toEqual([]);
    expect(read('.gitattributes')).toContain('*.ipynb filter=descent-notebooks');
    expect(pkg.scripts.test).toBe(pkg.scripts.grade);
    const deps = { ...pkg.dependencies, ...pkg.devDependencies };
    expect(Object.keys(deps).filter((d) => /tensorflow|vitest|^yaml$/.test(d))).toEqual([]);
    expect(Object.keys(deps)).toEqual(expect.arrayContaining(['tslab', 'tsx', 'typescript', 'commander', 'mathjs']));
    const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { version?: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string> }> };
    expect(lock.packages[''].dependencies).toEqual(pkg.dependencies);
    expect(lock.packages[''].devDependencies).toEqual(pkg.devDependencies);
    expect(Object.keys(lock.packages).filter((p) => /tensorflow|node_modules\/vitest$|node_modules\/yaml$/.test(p))).toEqual([]);
    const kitLock = JSON.parse(fs.readFileSync(path.join(KIT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
    for (const name of Object.keys(deps)) expect(lock.packages[`node_modules/${name}`].version).toBe(kitLock.packages[`node_modules/${name}`].version);
  });

  test('the README says how to install, open the notebooks, check the work and submit, with points and due dates', () => {
    const readme = read('README.md');
    for (const s of ['npm install', 'npm run lab', 'pip install', 'npm test', "await check('mse')", 'git push', 'graders modified']) expect(readme).toContain(s);
    const config = JSON.parse(fs.readFileSync(path.join(KIT, 'course.config.json'), 'utf8')) as { exercises: Record<string, { points: number; due: string }> };
    for (const [name, e] of Object.entries(config.exercises)) {
      expect(readme).toMatch(new RegExp(`exercises/${name}\\.ts\\S* \\| .* \\| ${e.points} \\| ${e.due.replace(/[()]/g, '\\$&')} \\|`));
    }
  });
});

describe('leaks', () => {
  test('the release scan finds nothing in the written tree', () => {
    const tree = new Map(files.map((f) => [f, fs.readFileSync(path.join(dir, f))] as [string, Buffer]));
    expect(findLeaks(tree, secretLines(KIT))).toEqual([]);
  });

  test('independently: no whole line of 30+ characters from solutions/ or test/hidden/ (not in the public code, not a loop header) appears anywhere', () => {
    const publicLines = kitLines('exercises', 'src', 'kit/grade', 'kit/shared', 'kit/notebooks', 'kit/book', ...files.filter((f) => f.startsWith('course/')));
    const secret = new Set<string>();
    const instructor = (fs.readdirSync(path.join(KIT, 'course'), { recursive: true }) as string[]).map((f) => path.join('course', f)).filter((f) => /[/\\](hidden|alternatives)[/\\]/.test(f));
    const solutions = fs.readdirSync(path.join(KIT, 'solutions')).map((f) => path.join('solutions', f));
    for (const f of [...solutions, ...instructor].filter((name) => name.endsWith('.ts'))) {
      {
        for (const l of fs.readFileSync(path.join(KIT, f), 'utf8').split('\n')) {
          const t = l.trim();
          if (t.length >= 30 && !publicLines.has(t) && !/^for \(.*\) \{$/.test(t)) secret.add(t);
        }
      }
    }
    expect(secret.size).toBeGreaterThan(100);
    const linesOf = (f: string): string[] => {
      const raw = fs.readFileSync(path.join(dir, f), 'utf8');
      const texts = [raw];
      if (/\.(json|ipynb)$/.test(f)) JSON.stringify(JSON.parse(raw), (_k, v: unknown) => (typeof v === 'string' ? (texts.push(v), v) : v));
      return texts.join('\n').split('\n').map((l) => l.trim());
    };
    const found = files.flatMap((f) => linesOf(f).filter((l) => secret.has(l)).map((l) => `${f}: ${l}`));
    expect(found).toEqual([]);
  });
});

describe('writing', () => {
  test('is idempotent: a second run changes nothing, and a fresh folder gets the identical tree', () => {
    const before = hashTree(dir);
    const again = release(dir);
    expect(again.written).toBe(0);
    expect(again.lockfile).toBe('kept');
    expect(hashTree(dir)).toEqual(before);
    const other = path.join(tempDir('release2'), 'student');
    release(other);
    expect(hashTree(other)).toEqual(before);
  }, 120_000);

  test('refuses a folder that is neither empty nor a previous release, and a changed previous release', () => {
    const dirty = tempDir('dirty');
    fs.writeFileSync(path.join(dirty, 'notes.txt'), 'mine');
    expect(() => release(dirty)).toThrow(`release: DIR must be empty or a previous release (with ${MARKER_FILE}), received ${JSON.stringify(dirty)}, which holds notes.txt.`);
    expect(fs.readdirSync(dirty)).toEqual(['notes.txt']);
    const changed = path.join(tempDir('changed'), 'student');
    release(changed);
    fs.appendFileSync(path.join(changed, 'exercises', 'mse.ts'), '// my work\n');
    expect(() => release(changed)).toThrow('release: DIR is a previous release that was changed since (exercises/mse.ts (changed))');
    const cli = run(process.execPath, [path.join(KIT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'kit/release/cli.ts', dirty], KIT);
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain('release: DIR must be empty or a previous release');
  }, 120_000);
});

test('the workflow is valid YAML: checkout, setup-node 20, npm ci, grade, report to GitHub Classroom', () => {
  const wf = YAML.parse(read('.github/workflows/classroom.yml')) as {
    name: string;
    on: Record<string, unknown>;
    permissions: Record<string, string>;
    jobs: Record<string, { 'runs-on': string; steps: Array<{ name?: string; id?: string; uses?: string; run?: string; if?: string; with?: Record<string, unknown>; env?: Record<string, string> }> }>;
  };
  expect(wf.name).toBe('Autograding Tests');
  expect(Object.keys(wf.on)).toContain('push');
  expect(wf.permissions).toEqual({ checks: 'write', actions: 'read', contents: 'read' });
  const steps = Object.values(wf.jobs)[0].steps;
  const index = (p: (s: (typeof steps)[number]) => boolean): number => steps.findIndex(p);
  const checkout = index((s) => /^actions\/checkout@v\d+$/.test(s.uses ?? ''));
  const node = index((s) => /^actions\/setup-node@v\d+$/.test(s.uses ?? '') && String(s.with?.['node-version']) === '20');
  const ci = index((s) => /^npm ci\b/.test(s.run ?? ''));
  const gradeStep = index((s) => /kit\/grade\/cli\.ts --classroom/.test(s.run ?? '') && s.id === 'descent');
  const report = index((s) => s.uses === 'classroom-resources/autograding-grading-reporter@v1');
  expect([checkout, node, ci, gradeStep, report].every((i) => i >= 0)).toBe(true);
  expect([checkout, node, ci, gradeStep, report]).toEqual([...[checkout, node, ci, gradeStep, report]].sort((a, b) => a - b));
  expect(steps[report].env).toEqual({ DESCENT_RESULTS: '${{ steps.descent.outputs.result }}' });
  expect(steps[report].with).toEqual({ runners: 'descent' });
  expect(steps[report].if).toContain('!cancelled()');
});

describe('a Korean release (--lang ko)', () => {
  test('README, notebooks (notebooks/ko under the English names), stubs and course.config.json are Korean; the rest is the English release', () => {
    const tree = buildReleaseTree({ lang: 'ko' });
    const text = (f: string): string => (tree.files.get(f) as Buffer).toString('utf8');
    const hangul = (t: string): number => t.match(/[\uac00-\ud7a3]/g)?.length ?? 0;
    expect([...tree.files.keys()].sort()).toEqual([...files.filter((f) => f !== MARKER_FILE && f !== 'package-lock.json')].sort());
    expect(JSON.parse(text('course.config.json')).language).toBe('ko');
    expect(hangul(text('README.md'))).toBeGreaterThan(500);
    expect(text('README.md')).toContain('](notebooks/01-mse.ipynb)');
    for (const nb of fs.readdirSync(path.join(KIT, 'notebooks', 'ko')).filter((f) => f.endsWith('.ipynb'))) {
      expect(hangul(text(`notebooks/${nb}`)), nb).toBeGreaterThan(100);
    }
    for (const ex of fs.readdirSync(path.join(KIT, 'exercises')).filter((f) => f.endsWith('.ts'))) {
      expect(text(`exercises/${ex}`)).toBe(fs.readFileSync(path.join(KIT, 'exercises', 'i18n', 'ko', ex), 'utf8'));
    }
    // The graders, the tools, the workflow and package.json ship unchanged (the manifest differs only by course.config.json's hash).
    for (const f of ['course/mse/grader.ts', 'course/mse/messages.ts', 'kit/grade/cli.ts', '.github/workflows/classroom.yml', 'package.json']) expect(text(f)).toBe(read(f));
  });
});
