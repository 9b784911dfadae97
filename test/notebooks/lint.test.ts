import { spawnSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';
import { describe, expect, it } from 'vitest';
import { lintNotebook, listNotebooks, readNotebook, stripNotebook, TSLAB_KERNELSPEC } from '../../kit/notebooks/notebook';
import { NOTEBOOKS_DIR, ROOT } from '../../kit/notebooks/resolve';

const committed = listNotebooks(NOTEBOOKS_DIR);
const fixtures = join(__dirname, 'fixtures');

describe('committed notebooks', () => {
  it('exist (at least the setup notebook)', () => {
    expect(committed.map((f) => f.slice(NOTEBOOKS_DIR.length + 1))).toContain('00-setup.ipynb');
  });

  for (const file of [...committed, ...listNotebooks(fixtures)]) {
    it(`${file.slice(file.lastIndexOf('/') + 1)} has no outputs and the tslab kernelspec`, () => {
      expect(lintNotebook(readNotebook(file))).toEqual([]);
    });
  }
});

describe('lintNotebook', () => {
  const clean = readNotebook(join(NOTEBOOKS_DIR, '00-setup.ipynb'));

  it('reports outputs and execution counts with the cell index', () => {
    const nb = structuredClone(clean);
    const i = nb.cells.findIndex((c) => c.cell_type === 'code');
    Object.assign(nb.cells[i], { outputs: [{ output_type: 'stream', name: 'stdout', text: ['x'] }], execution_count: 3 });
    expect(lintNotebook(nb)).toEqual([
      `cell ${i} has 1 output(s): commit notebooks without outputs`,
      `cell ${i} has execution_count 3: expected null`,
    ]);
  });

  it('reports another kernel', () => {
    const nb = structuredClone(clean);
    nb.metadata.kernelspec = { name: 'python3', display_name: 'Python 3', language: 'python' };
    expect(lintNotebook(nb)).toEqual([
      'metadata.kernelspec.name must be "tslab", received "python3"',
      'metadata.kernelspec.language must be "typescript", received "python"',
    ]);
  });

  it('stripNotebook makes an executed notebook committable', () => {
    const nb = structuredClone(clean);
    const i = nb.cells.findIndex((c) => c.cell_type === 'code');
    nb.cells[i] = { ...nb.cells[i], outputs: [{ output_type: 'stream', name: 'stdout', text: 'x' }], execution_count: 1 } as never;
    delete nb.metadata.kernelspec;
    expect(lintNotebook(nb).length).toBe(3);
    const stripped = stripNotebook(nb);
    expect(lintNotebook(stripped)).toEqual([]);
    expect(stripped.metadata.kernelspec).toEqual(TSLAB_KERNELSPEC);
  });

  it('readNotebook names the file that is not a notebook', () => {
    expect(() => readNotebook(join(__dirname, 'lint.test.ts'))).toThrow(/lint\.test\.ts: not a JSON notebook/);
    expect(readFileSync(join(fixtures, 'failing.ipynb'), 'utf8')).toContain('"nbformat": 4');
  });
});

describe('the notebook machinery itself', () => {
  const check = (tsc: string): { status: number | null; out: string } => {
    const r = spawnSync(process.execPath, [join(ROOT, tsc), '-p', 'kit/notebooks/tsconfig.check.json', '--noEmit'], { cwd: ROOT, encoding: 'utf8' });
    return { status: r.status, out: r.stdout + r.stderr };
  };
  // The helpers are type-loaded by tslab (TypeScript 5.0) in every notebook; the CLIs run under tsx.
  it('compiles with tslab\'s TypeScript 5.0', () => {
    expect(check('node_modules/@tslab/typescript-for-tslab/bin/tsc')).toEqual({ status: 0, out: '' });
  }, 60_000);
  it('compiles with the project\'s TypeScript', () => {
    expect(check('node_modules/typescript/bin/tsc')).toEqual({ status: 0, out: '' });
  }, 60_000);
});
