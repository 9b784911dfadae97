/**
 * What stops a release, on a copy of the kit with one thing planted each time: solution code in a
 * chapter, an unclosed solution region, a grader that no longer matches the manifest, shipped code
 * importing the solutions or an instructor-only package, a bad DIR — and what a `solution` tag does.
 */
import fs from 'fs';
import path from 'path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { release } from '../../kit/release/release';
import { buildReleaseTree } from '../../kit/release/tree';
import { KIT, removeTemps, tempDir } from './helpers';

const COPIED = ['src', 'kit', 'course', 'exercises', 'solutions', 'notebooks'];
const FILES = ['package.json', 'package-lock.json', 'tsconfig.json', 'course.config.json'];
let kit = '';

beforeAll(() => {
  kit = path.join(tempDir('kitcopy'), 'kit');
  for (const d of COPIED) fs.cpSync(path.join(KIT, d), path.join(kit, d), { recursive: true });
  for (const f of FILES) fs.copyFileSync(path.join(KIT, f), path.join(kit, f));
  fs.symlinkSync(path.join(KIT, 'node_modules'), path.join(kit, 'node_modules'), 'junction');
});
afterAll(removeTemps);

/** Runs `body` with `file` (in the kit copy) changed by `edit`, then restores it. */
function withEdit(file: string, edit: (text: string) => string, body: () => void): void {
  const full = path.join(kit, file);
  const saved = fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : null;
  fs.writeFileSync(full, edit(saved ?? ''));
  try {
    body();
  } finally {
    if (saved === null) fs.rmSync(full);
    else fs.writeFileSync(full, saved);
  }
}

function addCell(nbText: string, source: string, tags: string[] = []): string {
  const nb = JSON.parse(nbText) as { cells: unknown[] };
  nb.cells.push({ cell_type: 'code', metadata: tags.length > 0 ? { tags } : {}, source: source.split(/(?<=\n)/), outputs: [], execution_count: null });
  return JSON.stringify(nb, null, 1);
}

const MSE_BODY = fs.readFileSync(path.join(KIT, 'solutions', 'mse.ts'), 'utf8').split('export function mse(')[1].split('\n}\n')[0];
const worked = `function myMse(yTrue: number[], yPred: number[]) {${MSE_BODY}\n}`;

describe('a release is refused', () => {
  test('when a chapter holds solution code (nothing written)', () => {
    const out = path.join(tempDir('leak'), 'student');
    withEdit('notebooks/01-mse.ipynb', (t) => addCell(t, worked), () => {
      expect(() => release(out, { kitRoot: kit })).toThrow(/^release: refused, \d+ leak\(s\) of solutions or hidden tests:\n {2}notebooks\/01-mse\.ipynb: line ".*" of solutions\/mse\.ts:\d+/);
    });
    expect(fs.existsSync(out)).toBe(false);
  });

  test('when a solution region is not closed', () => {
    withEdit('notebooks/01-mse.ipynb', (t) => addCell(t, '// BEGIN SOLUTION\nconst x = 1;\n'), () => {
      expect(() => buildReleaseTree({ kitRoot: kit })).toThrow(/^notebooks\/01-mse\.ipynb cell \d+: BEGIN SOLUTION without an END SOLUTION$/);
    });
  });

  test("when the kit's graders differ from its manifest", () => {
    withEdit('course/mse/grader.ts', (t) => `${t}// easier\n`, () => {
      expect(() => buildReleaseTree({ kitRoot: kit })).toThrow(
        "release: refused, the kit's own graders do not match its manifest: graders modified: course/mse/grader.ts",
      );
    });
  });

  test('when shipped code imports the solutions or an instructor-only package', () => {
    withEdit('src/peek.ts', () => "export { mse } from '../solutions/mse';\n", () => {
      expect(() => buildReleaseTree({ kitRoot: kit })).toThrow('release: src/peek.ts imports ../solutions/mse (solutions/mse.ts), inside solutions/, which never ships');
    });
    withEdit('src/peek.ts', () => "import YAML from 'yaml';\nexport const y = YAML;\n", () => {
      expect(() => buildReleaseTree({ kitRoot: kit })).toThrow('release: src/peek.ts imports "yaml", a dependency students do not get');
    });
  });

  test('when the config is wrong, DIR is inside the kit, or DIR is a file', () => {
    const bad = path.join(tempDir('cfg'), 'course.json');
    fs.writeFileSync(bad, JSON.stringify({ exercises: { mse: { points: 0 } } }));
    expect(() => buildReleaseTree({ kitRoot: kit, config: bad })).toThrow('course.json: exercises.mse: points must be a number > 0 with at most 2 decimals, received 0');
    expect(() => release(path.join(kit, 'student'), { kitRoot: kit })).toThrow(`release: DIR must be outside the kit (or under its build/), received ${JSON.stringify(path.join(kit, 'student'))}`);
    const file = path.join(tempDir('file'), 'f');
    fs.writeFileSync(file, '');
    expect(() => release(file, { kitRoot: kit })).toThrow(`release: DIR must be a folder, received ${JSON.stringify(file)}, which is a file`);
  });
});

test('a worked answer tagged `solution` ships as a stub, and the release passes the leak scan', () => {
  withEdit('notebooks/01-mse.ipynb', (t) => addCell(t, worked, ['solution']), () => {
    const tree = buildReleaseTree({ kitRoot: kit });
    const nb = JSON.parse((tree.files.get('notebooks/01-mse.ipynb') as Buffer).toString('utf8')) as { cells: Array<{ source: string[]; metadata: object }> };
    const last = nb.cells[nb.cells.length - 1];
    expect([last.source.join(''), last.metadata]).toEqual(['// YOUR CODE HERE', {}]);
  });
});
