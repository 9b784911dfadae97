import { spawnSync } from 'child_process';
import { describe, expect, it } from 'vitest';
import { displayBundle, kernelWriter } from '../../kit/notebooks/helpers/display';
import { tableBundle, tableCells } from '../../kit/notebooks/helpers/html';
import { DEFAULT_PLOT_HEIGHT, figureBundle, normalizeFigure, PLOTLY_MIME, toPlain } from '../../kit/notebooks/helpers/plot';
import { exerciseFiles } from '../../kit/notebooks/helpers/check';
import { INSTALL_HINT, kernelArgv } from '../../kit/notebooks/kernelspec';
import { findPython, pythonCandidates } from '../../kit/notebooks/python';
import { ROOT } from '../../kit/notebooks/resolve';

describe('figures', () => {
  it('sends plotly JSON, HTML that draws it and a text line, in one bundle', () => {
    const b = figureBundle({ data: [{ type: 'scatter', x: [1, 2], y: [3, 4] }], layout: { title: { text: 'Loss' } } });
    expect(Object.keys(b).sort()).toEqual([PLOTLY_MIME, 'text/html', 'text/plain']);
    expect(b['text/plain']).toBe('Figure "Loss": 1 trace (scatter)');
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
    expect(INSTALL_HINT).toContain('pip install jupyterlab');
  });
});
