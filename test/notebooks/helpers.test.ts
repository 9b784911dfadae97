import { spawnSync } from 'child_process';
import { describe, expect, it } from 'vitest';
import { displayBundle, kernelWriter } from '../../kit/notebooks/helpers/display';
import { tableBundle, tableCells } from '../../kit/notebooks/helpers/html';
import { DEFAULT_PLOT_HEIGHT, figureBundle, normalizeFigure, PLOTLY_MIME, toPlain } from '../../kit/notebooks/helpers/plot';
import { describeFigure, MAX_TABLE_ROWS, num, trend } from '../../kit/notebooks/helpers/describe';
import { exerciseFiles } from '../../kit/notebooks/helpers/check';
import { kernelArgv, TEXT } from '../../kit/notebooks/kernelspec';
import { findPython, pythonCandidates } from '../../kit/notebooks/python';
import { ROOT } from '../../kit/notebooks/resolve';

describe('figures', () => {
  it('sends plotly JSON, HTML that draws it and a text line, in one bundle', () => {
    const b = figureBundle({ data: [{ type: 'scatter', x: [1, 2], y: [3, 4] }], layout: { title: { text: 'Loss' } } });
    expect(Object.keys(b).sort()).toEqual([PLOTLY_MIME, 'text/html', 'text/plain']);
    // The text is the figure's description (what terminals and screen readers get), also the HTML's label.
    expect(b['text/plain']).toBe('Line chart “Loss”. x axis from 1 to 2; y axis from 3 to 4. 1 trace: trace 1: rises from 3 to 4 over 2 points.');
    expect(b['text/html']).toContain('role="figure" aria-label="Line chart “Loss”. x axis from 1 to 2;');
    const fig = b[PLOTLY_MIME] as { data: unknown[]; layout: Record<string, unknown>; config: Record<string, unknown> };
    expect(fig.layout.height).toBe(DEFAULT_PLOT_HEIGHT);
    expect(fig.config.displaylogo).toBe(false);
    expect(b['text/html']).toContain('window.Plotly.newPlot(el, fig.data, fig.layout, fig.config)');
  });

  it('turns typed arrays and tensors into plain arrays', () => {
    const tensorLike = { shape: [2], toArray: () => [5, 6] };
    expect(toPlain({ x: new Float64Array([1.5, 2]), y: tensorLike, z: [NaN] })).toEqual({ x: [1.5, 2], y: [5, 6], z: [null] });
  });

  it('keeps data that looks like HTML from closing the script element', () => {
    const html = figureBundle([{ name: '</script><script>alert(1)</script>', y: [1] }])['text/html'] as string;
    expect(html.match(/<\/script>/g)?.length).toBe(1);
    expect(html).toContain('\\u003c/script>');
  });

  it('gives each figure its own element id', () => {
    const id = (h: unknown): string => /id="([^"]+)"/.exec(String(h))?.[1] ?? '';
    expect(id(figureBundle([{ y: [1] }])['text/html'])).not.toBe(id(figureBundle([{ y: [1] }])['text/html']));
  });

  it('rejects what is not a figure, and a bad height, naming the argument', () => {
    expect(() => normalizeFigure({ layout: {} } as never)).toThrow('show: figure must be { data: Trace[], layout?, config? } or an array of traces, received object');
    expect(() => normalizeFigure([{ y: [1] }], { height: -5 })).toThrow('show: options.height must be a positive number of pixels, received -5');
  });
});

describe('figure descriptions (one describer for show(), the book and the live editor)', () => {
  const steps = Array.from({ length: 61 }, (_, t) => t);

  it('says what each curve does: falls, diverges, oscillates — with its numbers', () => {
    // loss(t) = 2.3·e^{−t/17.4} + 0.08 − 2.3·e^{−60/17.4}·(t/60): falls from 2.3 to 0.08 over 61 points
    const loss = steps.map((t) => 2.22 * Math.exp(-t / 10) + 0.08 - 2.22 * Math.exp(-6) * (t / 60));
    const diverging = steps.map((t) => 2 * (-1.1) ** t); // |1 − ηa| = 1.1 > 1: x_t = 2(−1.1)^t
    const fig = {
      data: [{ type: 'scatter', mode: 'lines', name: 'η = 0.1', x: steps, y: loss }, { type: 'scatter', mode: 'lines', name: 'η = 0.5', x: steps, y: diverging }],
      layout: { title: { text: '<b>Loss</b> per step' }, xaxis: { title: { text: 'step' } }, yaxis: { title: 'loss', type: 'log', range: [-2, 1] } },
    };
    const d = describeFigure(fig);
    expect(d.title).toBe('Loss per step');
    expect(d.text).toBe('Line chart “Loss per step”. x axis “step” from 0 to 60; y axis “loss” (log scale) from 0.01 to 10. 2 traces: '
      + 'η = 0.1: falls from 2.3 to 0.08 over 61 points; η = 0.5: diverges: grows from 2 to 609 over 61 points.');
    expect(trend([1, -1, 1, -1, 1, -1, 1])).toBe('oscillates between -1 and 1, from 1 to 1 over 7 points');
    expect(trend([3, 3, 3])).toBe('stays at 3 over 3 points');
    // L = x² on a grid: a valley; a loss that falls, then blows up after step 4 (the example).
    expect(trend([4, 1, 0, 1, 4], [-2, -1, 0, 1, 2])).toBe('falls from 4 to 0 at x = 0, then rises to 4 over 5 points');
    expect(trend([2.3, 1.2, 0.7, 0.5, 0.45, 0.9, 3, 40, 900])).toBe('diverges: grows from 2.3 to 900 over 9 points after x = 4');
    expect(trend(Array.from({ length: 41 }, (_, i) => 1 / (1 + Math.exp(-(i - 20) / 2))))).toMatch(/^rises from 4.54e-5 to 1 over 41 points$/); // levels off: not divergence
    expect(trend([1, 2, NaN])).toBe('runs from 1 to 2 and becomes NaN at x = 2');
    expect([num(0.000912), num(1234.5), num(-2e7), num(Infinity)]).toEqual(['9.12e-4', '1230', '-2e7', 'infinity']);
  });

  it('gives the data as tables: one per trace, sampled evenly when long, with a note', () => {
    const x = Array.from({ length: 200 }, (_, i) => i);
    const d = describeFigure({ data: [{ name: 'f', x, y: x.map((v) => v * v) }] });
    expect(d.tables).toHaveLength(1);
    const [t] = d.tables;
    expect(t.columns).toEqual(['x', 'y']);
    expect(t.rows.length).toBeLessThanOrEqual(MAX_TABLE_ROWS + 1);
    expect(t.rows[0]).toEqual(['0', '0']);
    expect(t.rows[t.rows.length - 1]).toEqual(['199', '39600']); // the last point is always kept: 199² = 39601, in 3 digits
    expect(t.note).toBe(`every 4th point and the last: ${t.rows.length} of 200 rows`);
  });

  it('describes a surface by its grid, range and lowest point; names its 3-D axes', () => {
    const g = [-2, -1, 0, 1, 2];
    const z = g.map((y) => g.map((x) => (x - 1) ** 2 + y * y)); // lowest at (1, 0)
    const d = describeFigure({ data: [{ type: 'surface', name: 'bowl', x: g, y: g, z }], layout: { scene: { zaxis: { title: { text: 'L' } } } } });
    expect(d.text).toBe('3-D plot. x axis; y axis; z axis “L”. 1 trace: bowl: a surface of z over a 5 × 5 grid (x from -2 to 2, y from -2 to 2), z from 0 to 13, lowest at (1, 0).');
    expect(d.tables[0].columns).toEqual(['y \\ x', '-2', '-1', '0', '1', '2']);
    expect(d.tables[0].rows[2]).toEqual(['0', '9', '4', '1', '0', '1']);
  });

  it('mentions sliders and names subplots as panels', () => {
    const d = describeFigure({
      data: [{ y: [1, 2] }, { y: [2, 1], xaxis: 'x2', yaxis: 'y2' }],
      layout: { sliders: [{ steps: [{ label: 'a' }] }], xaxis2: { title: { text: 't' } } },
    });
    expect(d.text).toContain('panel 1: x axis from 0 to 1; y axis from 1 to 2. panel 2: x axis “t” from 0 to 1; y axis from 1 to 2.');
    expect(d.text).toContain('It has a slider that changes what is shown.');
  });
});

describe('tables and displays', () => {
  it('lays out rows of objects or arrays as HTML and aligned text', () => {
    expect(tableCells([{ test: 'zero', points: 1 }, { test: 'long name', points: 0.333333333 }])).toEqual([
      ['test', 'points'], ['zero', '1'], ['long name', '0.333333'],
    ]);
    const b = tableBundle([[1, 'a<b']], { columns: ['n', 's'], caption: 'T' });
    expect(b['text/plain']).toBe('T\nn  s\n-  ---\n1  a<b');
    expect(b['text/html']).toBe('<table class="descent-table"><caption>T</caption><thead><tr><th>n</th><th>s</th></tr></thead><tbody><tr><td>1</td><td>a&lt;b</td></tr></tbody></table>');
  });

  it('prints the text form outside a kernel, and needs one', () => {
    expect(kernelWriter()).toBeNull();
    const r = spawnSync(process.execPath, ['-e', "require('descent/notebook').showTable([{ a: 1 }])"], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('a\n-\n1\n');
    expect(() => displayBundle({ 'text/html': '<b>x</b>' })).toThrow(`displayBundle: data must have a 'text/plain' string, received keys ["text/html"]`);
  });

  it('type-checks the named exercise file, or all of them', () => {
    expect(exerciseFiles('no-such-exercise')).toEqual([]);
    expect(exerciseFiles(undefined, `${ROOT}/test/notebooks/fixtures`)).toEqual([]);
    expect(exerciseFiles('env', `${ROOT}/test/notebooks`)).toEqual([`${ROOT}/test/notebooks/env.ts`]);
    expect(exerciseFiles(undefined, `${ROOT}/test/notebooks`)[0]).toBe(`${ROOT}/test/notebooks/browser.test.ts`);
  });
});

describe('kernel registration', () => {
  it('runs this node on this tslab by absolute path', () => {
    const argv = kernelArgv();
    expect(argv[0]).toBe(process.execPath);
    expect(argv[1]).toBe(`${ROOT}/node_modules/tslab/bin/tslab`);
    expect(argv.slice(2)).toEqual(['kernel', '--config-path', '{connection_file}']);
  });

  it('tries $DESCENT_PYTHON first and finds no Python for a module nobody has', () => {
    expect(pythonCandidates({ DESCENT_PYTHON: '/opt/py/bin/python', PATH: '' })[0]).toEqual({ command: '/opt/py/bin/python', args: [] });
    expect(findPython(['descent_no_such_module'])).toBeNull();
    expect(TEXT.installHint).toContain('pipx install jupyterlab');
    expect(TEXT.installHint).toContain('sudo apt install jupyter-notebook');
  });
});
