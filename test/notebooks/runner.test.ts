/**
 * `npm run notebooks`: every committed notebook executes on tslab from Node alone, and a failing
 * cell stops the run with the notebook, the cell index and the error.
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { afterAll, describe, expect, it } from 'vitest';
import { listNotebooks, readNotebook } from '../../kit/notebooks/notebook';
import { ROOT, NOTEBOOKS_DIR } from '../../kit/notebooks/resolve';
import { executeNotebook, NotebookError, runNotebooks } from '../../kit/notebooks/run';

const out = mkdtempSync(join(tmpdir(), 'descent-nb-'));
const fixtures = join(__dirname, 'fixtures');
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('runNotebooks', () => {
  it('executes every committed notebook and writes executed copies with a progress line each', async () => {
    const lines: string[] = [];
    const results = await runNotebooks({ outDir: out, log: (l) => lines.push(l) });
    const names = listNotebooks(NOTEBOOKS_DIR);
    expect(results.map((r) => r.notebook)).toEqual(names.map((f) => `notebooks/${f.slice(NOTEBOOKS_DIR.length + 1)}`));
    expect(lines.slice(0, -1)).toEqual(results.map((r, k) => expect.stringMatching(
      new RegExp(`^\\[${k + 1}/${names.length}\\] ${r.notebook.replace(/\./g, '\\.')}  \\d+ cells  \\d+\\.\\d s$`))));
    for (const r of results) {
      const nb = readNotebook(join(ROOT, r.output));
      const code = nb.cells.filter((c) => c.cell_type === 'code' && String(c.source).trim() !== '');
      expect(code.every((c) => typeof c.execution_count === 'number')).toBe(true);
    }
  }, 600_000);

  it('records the setup notebook\'s figure as plotly JSON + HTML + text in one output', () => {
    const nb = readNotebook(join(out, '00-setup.ipynb'));
    const outputs = nb.cells.flatMap((c) => (c.outputs as Array<{ output_type: string; data?: Record<string, unknown> }> | undefined) ?? []);
    const figure = outputs.find((o) => o.data?.['application/vnd.plotly.v1+json']);
    expect(Object.keys(figure?.data ?? {}).sort()).toEqual(['application/vnd.plotly.v1+json', 'text/html', 'text/plain']);
    const fig = figure?.data?.['application/vnd.plotly.v1+json'] as { data: Array<{ x: number[]; y: number[] }> };
    // f(x) = x² at x = -2 + 0.1 k, computed by the library in the notebook
    expect(fig.data[0].x.length).toBe(41);
    fig.data[0].x.forEach((x, k) => expect(fig.data[0].y[k]).toBeCloseTo(x * x, 12));
    const setup = outputs.find((o) => String(o.data?.['text/plain'] ?? '').startsWith('plotly.js'));
    expect(String(setup?.data?.['text/html'])).toContain('window.Plotly = Plotly');
    const grad = outputs.find((o) => o.output_type === 'stream') as { text: string[] } | undefined;
    expect(grad?.text.join('')).toContain('f = 30');
  });
});

describe('a failing cell', () => {
  it('stops with the notebook, the cell index and the error, and writes the partial copy', async () => {
    const error = await executeNotebook(join(fixtures, 'failing.ipynb'), { outDir: out }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(NotebookError);
    const e = error as NotebookError;
    expect(e.notebook).toBe('test/notebooks/fixtures/failing.ipynb');
    expect(e.cellIndex).toBe(3);
    expect(e.detail).toContain('deliberate failure in cell 3');
    expect(e.message).toMatch(/^test\/notebooks\/fixtures\/failing\.ipynb: cell 3 failed/);
    const partial = readNotebook(join(out, 'failing.ipynb'));
    expect((partial.cells[1].outputs as Array<{ text: string[] }>)[0].text.join('')).toBe('before 42\n');
    expect(partial.cells[4].execution_count).toBeNull();
  }, 120_000);

  it('reports a type error (tslab replies with an empty error name) with its message', async () => {
    const e = await executeNotebook(join(fixtures, 'type-error.ipynb'), { outDir: out }).then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(NotebookError);
    expect((e as NotebookError).cellIndex).toBe(1);
    expect((e as NotebookError).detail).toContain("Type 'Tensor' is not assignable to type 'string'");
  }, 120_000);

  it('makes `npm run notebooks` exit 1 with the cell in its message', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'kit/notebooks/cli.ts', '--out', out, join(fixtures, 'failing.ipynb')],
      { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('[1/1] test/notebooks/fixtures/failing.ipynb  FAILED');
    expect(r.stderr).toContain('test/notebooks/fixtures/failing.ipynb: cell 3 failed');
    expect(r.stderr).toContain('deliberate failure in cell 3');
    expect(existsSync(join(out, 'failing.ipynb'))).toBe(true);
    expect(readFileSync(join(out, 'failing.ipynb'), 'utf8')).toContain('before 42');
  }, 120_000);
});
