/**
 * The checksum manifest of the grading (kit/grade/manifest.json): it matches the committed tree,
 * it lists every file a grade depends on and nothing of the instructor's, it notices every change,
 * and `npm run grade` refuses to grade with modified graders.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { afterAll, describe, expect, test } from 'vitest';
import { computeManifest, hashContent, MANIFEST_PATH, verifyManifest, writeManifest } from '../../kit/grade/manifest';
import { removeDir, ROOT } from './helpers';

const temps: string[] = [];
afterAll(() => temps.forEach(removeDir));

/** A temp project root with what the grading needs: kit/grade, kit/shared, course, src/util, solutions, package.json. */
function gradingCopy(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'descent-manifest-'));
  temps.push(root);
  for (const dir of ['kit/grade', 'kit/gradebook', 'kit/shared', 'course', 'src/util', 'solutions']) {
    fs.cpSync(path.join(ROOT, dir), path.join(root, dir), { recursive: true });
  }
  for (const file of ['package.json', 'course.config.json']) fs.copyFileSync(path.join(ROOT, file), path.join(root, file));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'), 'junction');
  return root;
}

describe('the committed manifest', () => {
  test('matches the tree (after changing a grader, run `npm run manifest`)', () => {
    const check = verifyManifest(ROOT, MANIFEST_PATH);
    expect(
      check.ok,
      `kit/grade/manifest.json is out of date — ${check.message}. If the change is intended, run \`npm run manifest\` and commit kit/grade/manifest.json.`,
    ).toBe(true);
  });

  test('lists the public graders, their drivers, contracts and cases, the grading tool and the grade script; nothing of the instructor', () => {
    const files = Object.keys(computeManifest(ROOT).files);
    for (const expected of [
      'course/mse/grader.ts', 'course/mse/exercise.json', 'course/mse/cases.json', 'course/optimizers/drivers.ts', 'course/minibatch/seeded-shuffle.ts',
      'kit/grade/cli.ts', 'kit/grade/api/expect.ts', 'kit/grade/sandbox/harness.ts', 'kit/grade/sandbox/realm.ts', 'kit/shared/typescript.ts',
      'package.json#scripts.grade',
    ]) {
      expect(files).toContain(expected);
    }
    expect(files).not.toContain('kit/grade/manifest.json');
    expect(files.filter((f) => /\/(hidden|alternatives)\/|mutants\.ts$|\.py$|^solutions\/|^exercises\//.test(f))).toEqual([]);
    for (const hash of Object.values(computeManifest(ROOT).files)) expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('verifyManifest', () => {
  test('names every changed, missing and added file, and a changed grade script', () => {
    const root = gradingCopy();
    writeManifest(root);
    expect(verifyManifest(root)).toEqual({ ok: true, modified: [], message: '' });
    fs.appendFileSync(path.join(root, 'course/mse/grader.ts'), '\n// always pass\n');
    fs.rmSync(path.join(root, 'course/minibatch/drivers.ts'));
    fs.writeFileSync(path.join(root, 'kit/grade/extra.ts'), 'export {};\n');
    fs.writeFileSync(path.join(root, 'course/mse/cases.json'), '{}');
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    pkg.scripts.grade = 'echo 117/117';
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify(pkg));
    const check = verifyManifest(root);
    expect(check.modified).toEqual([
      'course/minibatch/drivers.ts (missing)', 'course/mse/cases.json (changed)', 'course/mse/grader.ts (changed)', 'kit/grade/extra.ts (added)',
      'package.json#scripts.grade (changed)',
    ]);
    expect(check.message).toBe(`graders modified: ${check.modified.join(', ')}`);
    // A hidden grader, a mutant or an alternative is the instructor's: changing it changes nothing here.
    fs.appendFileSync(path.join(root, 'course/mse/hidden/grader.ts'), '\n// harder\n');
    fs.appendFileSync(path.join(root, 'course/mse/mutants.ts'), '\n// more\n');
    expect(verifyManifest(root).modified).toEqual(check.modified);
  });

  test('a missing or broken manifest cannot verify anything', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'descent-manifest-'));
    temps.push(root);
    expect(verifyManifest(root).message).toBe('cannot verify the graders: kit/grade/manifest.json is missing or not a manifest');
    const broken = path.join(root, 'broken.json');
    fs.writeFileSync(broken, '{"files": 3}');
    expect(verifyManifest(root, broken)).toMatchObject({ ok: false, message: 'cannot verify the graders: broken.json is missing or not a manifest' });
  });

  test('text is hashed with CRLF turned into LF (a Windows checkout verifies), binary files as they are', () => {
    expect(hashContent(Buffer.from('a\r\nb\r\n'))).toBe(hashContent(Buffer.from('a\nb\n')));
    expect(hashContent(Buffer.from('a\nb'))).not.toBe(hashContent(Buffer.from('a\nb\n')));
    expect(hashContent(Buffer.from([0, 13, 10]))).not.toBe(hashContent(Buffer.from([0, 10])));
  });
});

describe('npm run grade with modified graders', () => {
  test('refuses: exit 1, "graders modified: …", and a results.json with score 0 and that message', () => {
    const root = gradingCopy();
    writeManifest(root);
    fs.appendFileSync(path.join(root, 'course/mse/grader.ts'), '\n// always pass\n');
    const out = path.join(root, 'results.json');
    const tsx = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const run = spawnSync(process.execPath, [tsx, path.join(root, 'kit/grade/cli.ts'), path.join(root, 'solutions'), '--json', out], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/grade: refusing to grade: graders modified: course\/mse\/grader\.ts \(changed\)\n/);
    expect(run.stderr).toMatch(/npm run manifest/);
    expect(run.stdout).not.toMatch(/total/);
    const results = JSON.parse(fs.readFileSync(out, 'utf8')) as { score: number; output: string; tests: unknown[] };
    expect(results).toMatchObject({ score: 0, output: 'refused to grade: graders modified: course/mse/grader.ts (changed)', tests: [] });
  }, 60_000);
});
