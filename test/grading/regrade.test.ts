/**
 * Integrity that does not cry wolf. A kit (a git repository) releases; a student changes nothing
 * but their exercise; the instructor then edits a due date, and separately fixes a grader, each
 * committed with `npm run manifest`, and re-grades the class: nobody is flagged, and the points are
 * the instructor's. A student who edited a grader is flagged all along. The kit is a temporary copy
 * of this one's grading (course/, kit/, src/, the configs), so the test needs no release and no
 * history of this repository.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { gradeBatch, type BatchRow } from '../../kit/grade/batch';
import { main } from '../../kit/grade/cli';
import { readProjectConfig } from '../../kit/grade/config';
import { MANIFEST_RELATIVE_PATH, writeManifest } from '../../kit/grade/manifest';
import { ROOT, SOLUTIONS } from './helpers';

let work = '';
let kit = '';

function git(args: string[]): void {
  const r = spawnSync('git', ['-C', kit, '-c', 'user.name=Instructor', '-c', 'user.email=i@example.edu', '-c', 'commit.gpgsign=false', ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
}

/** A student's repository as released: every file of the kit's grading manifest as it is now, and their mse.ts. */
function release(name: string, mse: string): void {
  const dir = path.join(work, 'subs', name);
  const manifest = JSON.parse(fs.readFileSync(path.join(kit, MANIFEST_RELATIVE_PATH), 'utf8')) as { files: Record<string, string> };
  for (const file of [...Object.keys(manifest.files).filter((f) => !f.includes('#')), MANIFEST_RELATIVE_PATH, 'package.json', 'course.config.json']) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.copyFileSync(path.join(kit, file), path.join(dir, file));
  }
  fs.mkdirSync(path.join(dir, 'exercises'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'exercises', 'mse.ts'), mse);
}

async function regrade(): Promise<Map<string, BatchRow>> {
  const summary = await gradeBatch({ root: kit, course: readProjectConfig(kit), submissions: path.join(work, 'subs'), out: path.join(work, 'grades'), jobs: 2, hidden: true });
  return new Map(summary.rows.map((r) => [r.student, r]));
}

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'descent-regrade-'));
  kit = path.join(work, 'kit');
  for (const d of ['course', 'kit', 'src', 'exercises']) fs.cpSync(path.join(ROOT, d), path.join(kit, d), { recursive: true, filter: (f) => !f.includes(`${path.sep}node_modules`) });
  for (const f of ['package.json', 'course.config.json', 'tsconfig.json']) fs.copyFileSync(path.join(ROOT, f), path.join(kit, f));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(kit, 'node_modules'), 'dir');
  writeManifest(kit);
  git(['init', '-q']);
  git(['add', '-A']);
  git(['commit', '-qm', 'release']);
  const solution = fs.readFileSync(path.join(SOLUTIONS, 'mse.ts'), 'utf8');
  release('honest', solution);
  release('tamperer', solution);
  fs.appendFileSync(path.join(work, 'subs', 'tamperer', 'course', 'mse', 'grader.ts'), '\n// easier now\n');
});
afterAll(() => {
  if (work !== '') fs.rmSync(work, { recursive: true, force: true });
});

test('a due date edited, then a grader fixed, and the class re-graded: the honest student is never flagged, the one who edited a grader always', async () => {
  const config = JSON.parse(fs.readFileSync(path.join(kit, 'course.config.json'), 'utf8')) as { exercises: Record<string, { points: number; due?: string }> };
  const mse = config.exercises.mse.points;

  // 1. The due date moves (course settings are read from the instructor's config at grading time).
  config.exercises.mse.due = 'moved: end of week 2';
  fs.writeFileSync(path.join(kit, 'course.config.json'), `${JSON.stringify(config, null, 2)}\n`);
  git(['commit', '-qam', 'mse is due a week later']);
  let rows = await regrade();
  expect([rows.get('honest')!.status, rows.get('honest')!.detail, rows.get('honest')!.run!.exercises[0].score]).toEqual(['ok', [], mse]);
  expect(rows.get('honest')!.run!.exercises[0].due).toBe('moved: end of week 2');
  expect([rows.get('tamperer')!.status, rows.get('tamperer')!.detail]).toEqual(['graders modified', ['course/mse/grader.ts (changed)']]);

  // 2. A grader is fixed (a check's name reworded, a new helper file), the manifest regenerated and committed.
  const grader = path.join(kit, 'course', 'mse', 'grader.ts');
  fs.writeFileSync(grader, `${fs.readFileSync(grader, 'utf8')}\n// Fixed after the release: clearer feedback.\n`);
  fs.writeFileSync(path.join(kit, 'kit', 'grade', 'api', 'added-later.ts'), 'export const ADDED_LATER = 1;\n');
  writeManifest(kit);
  git(['add', '-A']);
  git(['commit', '-qm', 'fix the mse grader']);
  rows = await regrade();
  expect([rows.get('honest')!.status, rows.get('honest')!.detail, rows.get('honest')!.score]).toEqual(['ok', [], mse]);
  expect([rows.get('tamperer')!.status, rows.get('tamperer')!.detail]).toEqual(['graders modified', ['course/mse/grader.ts (changed)']]);
  const sheet = fs.readFileSync(path.join(work, 'grades', 'gradebook', 'scores.csv'), 'utf8');
  expect(sheet).toMatch(/,honest,ok,,/);
  expect(sheet).toMatch(/,tamperer,graders modified,FLAGGED: graders modified; course\/mse\/grader\.ts \(changed\),/);

  // The same folder graded on its own, with the instructor's config and the hidden tests: the same points.
  const out = path.join(work, 'single');
  expect(await main(['node', 'grade', path.join(work, 'subs', 'honest', 'exercises'), '--config', path.join(kit, 'course.config.json'), '--hidden', '--out', out, '--no-typecheck'])).toBe(0);
  const single = JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8')) as { score: number; max_score: number; tests: Array<{ name: string; score: number }> };
  const batch = rows.get('honest')!;
  expect([single.score, single.max_score]).toEqual([batch.score, batch.maxScore]);
  expect(single.tests.map((t) => [t.name, t.score])).toEqual(batch.run!.results.map((r) => [`${r.file} › ${r.name}`, r.points]));
  expect(fs.readFileSync(path.join(out, 'feedback.md'), 'utf8')).toContain(`with the hidden tests`);
}, 240_000);

test("a flat LMS download (files, no student folders) is refused with what to do, never graded as 0 submissions", async () => {
  const flat = path.join(work, 'canvas-download');
  fs.mkdirSync(flat);
  fs.writeFileSync(path.join(flat, 'kimminji_1234_5678_mse.ts'), 'export const x = 1;\n');
  await expect(gradeBatch({ root: ROOT, course: readProjectConfig(ROOT), submissions: flat, out: path.join(work, 'flat-grades') })).rejects.toThrow(
    /--batch needs one folder per student in .*canvas-download", and it holds 1 file\(s\) such as "kimminji_1234_5678_mse\.ts" but no student folder .*put each student's files \(or their repository\) in a folder named after them/,
  );
});
