/**
 * `npm run notebooks`: notebooks execute on tslab from Node alone, one progress line each, and a
 * failing cell stops the run with the notebook, the cell index and the error. Every notebook of
 * the course executes, in English and in Korean (notebooks/ko/, whose kernel starts in that
 * folder): one shared execution (test/notebooks/executed.ts), which the figures and the book's
 * tests read too.
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { basename, join } from 'path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeRun } from '../../kit/book/execute';
import { Kernel } from '../../kit/notebooks/kernel';
import { EXERCISES_ENV } from '../../kit/notebooks/live';
import { listNotebooks, readNotebook } from '../../kit/notebooks/notebook';
import { ROOT, NOTEBOOKS_DIR } from '../../kit/notebooks/resolve';
import { executeNotebook, NotebookError, runNotebooks } from '../../kit/notebooks/run';
import { editionDirs, executedCourse, EXECUTION_TIMEOUT_MS, type Edition } from './executed';

const out = mkdtempSync(join(tmpdir(), 'descent-nb-'));
const fixtures = join(__dirname, 'fixtures');
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('runNotebooks', () => {
  it('executes the notebooks in order and writes executed copies, with a progress line each', async () => {
    const lines: string[] = [];
    const files = ['passing-1.ipynb', 'passing-2.ipynb'].map((f) => join(fixtures, f));
    const results = await runNotebooks({ files, outDir: out, log: (l) => lines.push(l) });
    expect(results.map((r) => r.notebook)).toEqual(['test/notebooks/fixtures/passing-1.ipynb', 'test/notebooks/fixtures/passing-2.ipynb']);
    expect(lines.slice(0, -1)).toEqual(results.map((r, k) => expect.stringMatching(
      new RegExp(`^\\[${k + 1}/2\\] ${r.notebook.replace(/\./g, '\\.')}  1 cells  \\d+\\.\\d s$`))));
    expect(lines[2]).toMatch(/^2 notebook\(s\) executed in \d+\.\d s -> /);
    for (const [k, r] of results.entries()) {
      const nb = readNotebook(join(ROOT, r.output));
      expect(nb.cells[1].execution_count).toBe(1);
      expect((nb.cells[1].outputs as Array<{ text: string[] }>)[0].text.join('')).toBe(`fixture ${(k + 1) * 10}\n`);
    }
  }, 120_000);
});

/** Every code cell of an executed copy ran (the runner stops at a failing cell, leaving the rest unrun). */
function ranCompletely(dir: string, name: string): void {
  const copy = join(dir, name);
  expect(existsSync(copy), `${copy}: not executed`).toBe(true);
  expect(completeRun(copy), `${copy}: a cell did not run`).toBe(true);
}

type Output = { output_type: string; name?: string; text?: string[]; data?: Record<string, unknown> };
const outputsOf = (file: string): Output[] => readNotebook(file).cells.flatMap((c) => (c.outputs as Output[] | undefined) ?? []);

const english = listNotebooks(NOTEBOOKS_DIR).map((f) => basename(f));
for (const edition of ['en', 'ko'] as Edition[]) {
  describe(`every notebook of the course executes: ${edition === 'en' ? 'English' : 'Korean, in notebooks/ko/'}`, () => {
    let dir = '';
    beforeAll(async () => { dir = await executedCourse(edition); }, EXECUTION_TIMEOUT_MS);

    for (const name of english) {
      it(name, () => {
        if (edition !== 'en') {
          const twin = join(editionDirs(edition).sources, name);
          expect(existsSync(twin), `${twin} is missing: every English notebook has a Korean twin (npm run translations)`).toBe(true);
        }
        ranCompletely(dir, name);
      });
    }

    it('the setup notebook shows its figure as plotly JSON + HTML + text in one output, and prints its checks', () => {
      const outputs = outputsOf(join(dir, '00-setup.ipynb'));
      const figure = outputs.find((o) => o.data?.['application/vnd.plotly.v1+json']);
      expect(Object.keys(figure?.data ?? {}).sort()).toEqual(['application/vnd.plotly.v1+json', 'text/html', 'text/plain']);
      const fig = figure?.data?.['application/vnd.plotly.v1+json'] as { data: Array<{ x: number[]; y: number[] }>; layout: { title: { text: string }; yaxis: { title: { text: string } } } };
      // f(x) = x² at x = -2 + 0.1 k, computed by the library in the notebook
      expect(fig.data[0].x.length).toBe(41);
      fig.data[0].x.forEach((x, k) => expect(fig.data[0].y[k]).toBeCloseTo(x * x, 12));
      const setup = outputs.find((o) => String(o.data?.['text/plain'] ?? '').startsWith('plotly.js'));
      expect(String(setup?.data?.['text/html'])).toContain('window.Plotly = Plotly');
      const printed = outputs.filter((o) => o.output_type === 'stream').map((o) => o.text?.join('')).join('');
      if (edition === 'en') {
        expect(printed).toContain('f = 30, ∇f = 2, 4, 6, 8 (row by row)');
        expect([fig.layout.title.text, fig.layout.yaxis.title.text]).toEqual(['A function and its derivative', 'value']);
      } else {
        // the translated strings reach the outputs: printed lines, the figure's title and axis
        expect(printed).toContain('f = 30, ∇f = 2, 4, 6, 8 (행 순서대로)');
        expect(printed).toMatch(/맞춘 직선: w = 1\.99\d, b = 0\.99\d \(데이터는 w = 2, b = 1로 만들었습니다\)/);
        expect([fig.layout.title.text, fig.layout.yaxis.title.text]).toEqual(['함수와 그 미분', '값']);
        expect(String(figure?.data?.['text/plain'])).toContain('“함수와 그 미분”');
      }
    });
  });
}

describe('a kernel started in notebooks/ko/ (where the Korean notebooks run)', () => {
  let kernel: Kernel;
  beforeAll(async () => {
    kernel = await Kernel.start(join(NOTEBOOKS_DIR, 'ko'), { env: { [EXERCISES_ENV]: join(ROOT, 'solutions') } });
  }, 120_000);
  afterAll(async () => { await kernel?.shutdown(); });

  it('imports the library, the exercises and the helpers, and check() grades an exercise', async () => {
    const imported = await kernel.execute("import { tensor } from 'descent';\nimport { mse as myMse } from 'descent/exercises';\nimport { check } from 'descent/notebook';\nconsole.log(tensor([1, 2]).sum().item(), myMse([1, 4], [1, 2]));");
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe('ok');
    expect(imported.outputs.map((o) => (o.text as string[] | undefined)?.join('')).join('')).toBe('3 2\n');
    const checked = await kernel.execute("await check('mse');");
    expect(checked.stderr).toBe('');
    expect(checked.status).toBe('ok');
    const report = checked.outputs.map((o) => String((o.data as Record<string, unknown> | undefined)?.['text/plain'] ?? '')).join('\n');
    // the reference solutions score every point: the grader ran on exercises resolved from notebooks/ko/,
    // and check() speaks the notebook's language there (kit/grade/i18n/ko.ts)
    expect(report).toMatch(/^mse\.ts {2}/m);
    expect(report).toMatch(/^합계\s+(\d+)\/\1점 \(검사 (\d+)개 중 \2개 통과/m);
  }, 120_000);
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
