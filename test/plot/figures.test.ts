import { describe, expect, it } from 'vitest';
import {
  contourFigure,
  lineFigure,
  lossCurves,
  scatterFigure,
  surfaceFigure,
  withTheme,
  THEMES,
  PALETTE,
  LOG_SCALE_EPSILON,
  DEFAULT_GRID_POINTS,
} from '../../src/plot';
import type { Figure, Trace } from '../../src/plot';
import { tensor } from '../../src/tensor';

/** A figure must survive JSON (what the notebook sends): no typed arrays, functions or undefined. */
function expectPlainJson(fig: Figure): void {
  expect(JSON.parse(JSON.stringify(fig))).toEqual(fig);
}

const rows = (t: Trace) => t.z as (number | null)[][];

describe('contourFigure', () => {
  const f = (x: number, y: number) => (x - 1) ** 2 + 3 * y * y;

  it('z[j][i] is f(x[i], y[j]) on the requested grid', () => {
    const fig = contourFigure({ f, x: [-2, 2, 5], y: [-1, 1, 3] });
    const c = fig.data[0];
    expect(c.type).toBe('contour');
    expect(c.x).toEqual([-2, -1, 0, 1, 2]);
    expect(c.y).toEqual([-1, 0, 1]);
    for (let j = 0; j < 3; j++) for (let i = 0; i < 5; i++) expect(rows(c)[j][i]).toBe(f(-2 + i, -1 + j));
    expectPlainJson(fig);
  });

  it('the default number of grid points and the axis ranges', () => {
    const fig = contourFigure({ f, x: [0, 1], y: [0, 2] });
    expect((fig.data[0].x as number[]).length).toBe(DEFAULT_GRID_POINTS);
    expect((fig.data[0].x as number[])[DEFAULT_GRID_POINTS - 1]).toBe(1);
    expect((fig.layout.yaxis as { range: number[] }).range).toEqual([0, 2]);
  });

  it('logScale plots log10(f − min f + ε)', () => {
    const fig = contourFigure({ f, x: [-2, 2, 5], y: [-1, 1, 3], logScale: true });
    const values = [] as number[];
    for (let j = 0; j < 3; j++) for (let i = 0; i < 5; i++) values.push(f(-2 + i, -1 + j));
    const min = Math.min(...values);
    const eps = (Math.max(...values) - min) * LOG_SCALE_EPSILON;
    expect(rows(fig.data[0])[1][3]).toBeCloseTo(Math.log10(f(1, 0) - min + eps), 12);
    expect(rows(fig.data[0])[0][0]).toBeCloseTo(Math.log10(f(-2, -1) - min + eps), 12);
  });

  it('a precomputed grid (rows or flat) gives the same figure as f', () => {
    const fromF = contourFigure({ f, x: [0, 1, 2], y: [0, 1, 2] });
    const grid = [
      [f(0, 0), f(1, 0)],
      [f(0, 1), f(1, 1)],
    ];
    expect(contourFigure({ grid, x: [0, 1, 2], y: [0, 1, 2] }).data[0].z).toEqual(fromF.data[0].z);
    expect(contourFigure({ grid: new Float64Array(grid.flat()), x: [0, 1, 2], y: [0, 1, 2] }).data[0].z).toEqual(fromF.data[0].z);
  });

  it('paths become a line and its two ends, in palette colours; divergent points become gaps', () => {
    const fig = contourFigure({
      f,
      x: [-2, 2],
      y: [-2, 2],
      paths: [
        { name: 'GD', points: [[1.5, 1], [1.2, 0.4], [1, 0.1]] },
        { name: 'diverging', points: [[0, 1], [0, -3], [0, Infinity]] },
      ],
      markers: [{ name: 'minimum', point: [1, 0] }],
    });
    const [, gd, gdEnds, div, divEnds, marks] = fig.data;
    expect(gd.name).toBe('GD');
    expect(gd.x).toEqual([1.5, 1.2, 1]);
    expect((gd.line as { color: string }).color).toBe(PALETTE[0]);
    expect(gdEnds.x).toEqual([1.5, 1]);
    expect((div.line as { color: string }).color).toBe(PALETTE[1]);
    expect(div.y).toEqual([1, -3, null]);
    expect(divEnds.y).toEqual([1, -3]);
    expect(marks.text).toEqual(['minimum']);
    expectPlainJson(fig);
  });

  it('levels and fill', () => {
    const a = contourFigure({ f, x: [0, 1], y: [0, 1], levels: 7 });
    expect(a.data[0].ncontours).toBe(7);
    const b = contourFigure({ f, x: [0, 1], y: [0, 1], levels: { start: 0, end: 4, size: 0.5 }, fill: true });
    expect(b.data[0].contours).toMatchObject({ start: 0, end: 4, size: 0.5, coloring: 'heatmap' });
    expect(b.data[0].colorscale).toBe('Viridis');
  });

  it('titles and labels: given or defaults', () => {
    const fig = contourFigure({ f, x: [0, 1], y: [0, 1], title: 'MSE surface', xLabel: 'w', yLabel: 'b' });
    expect(fig.layout.title).toEqual({ text: 'MSE surface' });
    expect((fig.layout.xaxis as { title: unknown }).title).toEqual({ text: 'w' });
    expect((contourFigure({ f, x: [0, 1], y: [0, 1] }).layout.yaxis as { title: unknown }).title).toEqual({ text: 'y' });
    expect(contourFigure({ f, x: [0, 1], y: [0, 1], zLabel: 'loss' }).data[0].colorbar).toMatchObject({ title: { text: 'loss' } });
    expect(contourFigure({ f, x: [0, 1], y: [0, 1] }).data[0].colorbar).toMatchObject({ title: { text: 'f' } });
  });

  it('error messages', () => {
    expect(() => contourFigure({ x: [0, 1], y: [0, 1] })).toThrow(
      'contourFigure: give exactly one of f (a function (x, y) => number) and grid (precomputed values), received neither',
    );
    expect(() => contourFigure({ f, grid: [[1]], x: [0, 1], y: [0, 1] })).toThrow(/received both/);
    expect(() => contourFigure({ f, x: [1, 0], y: [0, 1] })).toThrow(
      'contourFigure: x must be [min, max] or [min, max, n] with min < max and an integer n >= 2, received [1, 0] (array of length 2)',
    );
    expect(() => contourFigure({ f, x: [0, 1, 1], y: [0, 1] })).toThrow('contourFigure: x[2] must be an integer >= 2, received 1');
    expect(() => contourFigure({ grid: [[1, 2]], x: [0, 1, 2], y: [0, 1, 2] })).toThrow(
      /contourFigure: grid must be 2 rows \(one per y\)/,
    );
    expect(() => contourFigure({ f: () => 'a' as never, x: [0, 1], y: [0, 1] })).toThrow(
      'contourFigure: f must return numbers, returned string at (0, 0)',
    );
    expect(() => contourFigure({ f, x: [0, 1], y: [0, 1], paths: [{ name: 'p', points: [[1]] }] })).toThrow(
      'contourFigure: paths[0].points[0] must be a point [x, y] of numbers, received [1] (array of length 1)',
    );
    expect(() => contourFigure({ f, x: [0, 1], y: [0, 1], levels: 1 })).toThrow('contourFigure: levels must be an integer >= 2, received 1');
    expect(() => contourFigure({ f, x: [0, 1], y: [0, 1], theme: 'blue' as never })).toThrow(
      'contourFigure: theme must be "light" or "dark", received "blue"',
    );
    expect(() => contourFigure({ f, x: [0, 1], y: [0, 1], colour: 'red' } as never)).toThrow(/contourFigure: unknown option "colour"/);
  });
});

describe('surfaceFigure', () => {
  it('z is f on the grid and paths lie on the surface', () => {
    const f = (x: number, y: number) => x * x - y * y;
    const fig = surfaceFigure({ f, x: [-1, 1, 3], y: [-1, 1, 3], paths: [{ name: 'GD', points: [[1, 0.5], [0.5, 0.6]] }] });
    expect(fig.data[0].type).toBe('surface');
    expect(rows(fig.data[0])[0]).toEqual([0, -1, 0]);
    expect(fig.data[1].type).toBe('scatter3d');
    expect(fig.data[1].z).toEqual([f(1, 0.5), f(0.5, 0.6)]);
    expectPlainJson(fig);
  });

  it('a grid needs [x, y, z] path points', () => {
    expect(() =>
      surfaceFigure({ grid: [[0, 1], [1, 2]], x: [0, 1, 2], y: [0, 1, 2], paths: [{ name: 'p', points: [[0, 0]] }] }),
    ).toThrow('surfaceFigure: paths[0].points must be [x, y, z] points when the surface is given as grid (no f to compute z)');
    const fig = surfaceFigure({ grid: [[0, 1], [1, 2]], x: [0, 1, 2], y: [0, 1, 2], paths: [{ name: 'p', points: [[0, 0, 5]] }] });
    expect(fig.data[1].z).toEqual([5]);
  });
});

describe('lineFigure', () => {
  it('samples functions on options.x and keeps data series as given', () => {
    const fig = lineFigure(
      [
        { name: '|e|', f: Math.abs },
        { name: 'e²', f: (e) => e * e, dash: 'dash' },
        { name: 'data', y: [3, 1, 2] },
      ],
      { x: [-2, 2, 5], title: 'Penalties' },
    );
    expect(fig.data[0].x).toEqual([-2, -1, 0, 1, 2]);
    expect(fig.data[0].y).toEqual([2, 1, 0, 1, 2]);
    expect(fig.data[1].y).toEqual([4, 1, 0, 1, 4]);
    expect(fig.data[2].x).toEqual([0, 1, 2]);
    expect(new Set(fig.data.map((t) => (t.line as { color: string }).color)).size).toBe(3);
    expectPlainJson(fig);
  });

  it('typed arrays become plain arrays, non-finite values gaps, logY a log axis', () => {
    const fig = lineFigure({ x: new Float64Array([1, 2]), y: new Float64Array([1, Infinity]) }, { logY: true });
    expect(fig.data[0].x).toEqual([1, 2]);
    expect(fig.data[0].y).toEqual([1, null]);
    expect((fig.layout.yaxis as { type: string }).type).toBe('log');
    expectPlainJson(fig);
  });

  it('error messages', () => {
    expect(() => lineFigure({ name: 'f', f: Math.abs })).toThrow(
      'lineFigure: series[0] is a function; give options.x = [min, max] (or series[0].x) to sample it',
    );
    expect(() => lineFigure({ x: [1, 2], y: [1] })).toThrow(
      'lineFigure: series[0].x and series[0].y must have the same length, received 2 and 1',
    );
    expect(() => lineFigure({ ys: [1] } as never)).toThrow(/lineFigure: series\[0\] has an unknown key "ys"/);
    expect(() => lineFigure([])).toThrow(/lineFigure: series must be a series/);
    expect(() => lineFigure({ y: [1, 'a'] as never })).toThrow('lineFigure: series[0].y[1] must be a number, received "a"');
    expect(() => lineFigure({ y: [1], dash: 'wavy' as never })).toThrow(
      'lineFigure: series[0].dash must be one of solid, dash, dot, dashdot, longdash, longdashdot, received "wavy"',
    );
  });
});

describe('lossCurves', () => {
  it('one line per run, x from xStart (default 1: epochs)', () => {
    const fig = lossCurves({ train: [1, 0.5, 0.25], test: [1.2, 0.8, NaN] });
    expect(fig.data.map((t) => t.name)).toEqual(['train', 'test']);
    expect(fig.data[0].x).toEqual([1, 2, 3]);
    expect(fig.data[1].y).toEqual([1.2, 0.8, null]);
    expect(fig.layout.title).toEqual({ text: 'Loss' });
    expect((fig.layout.xaxis as { title: unknown }).title).toEqual({ text: 'epoch' });
    expectPlainJson(fig);
  });

  it('explicit x, arrays of { name, losses } and xStart', () => {
    const a = lossCurves({ SGD: { x: [10, 20], y: [2, 1] } }, { xLabel: 'gradient evaluations', logY: true });
    expect(a.data[0].x).toEqual([10, 20]);
    expect((a.layout.yaxis as { type: string }).type).toBe('log');
    const b = lossCurves([{ name: 'Adam', losses: [3, 2, 1] }], { xStart: 0, xLabel: 'step' });
    expect(b.data[0].x).toEqual([0, 1, 2]);
    expect(b.data[0].name).toBe('Adam');
  });

  it('error messages', () => {
    expect(() => lossCurves({})).toThrow('lossCurves: curves must be at least one curve, received object');
    expect(() => lossCurves({ a: 'x' as never })).toThrow('lossCurves: curves.a must be an array of numbers, received "x"');
    expect(() => lossCurves({ a: { x: [1], y: [1, 2] } })).toThrow(
      'lossCurves: curves.a.x and .y must have the same length, received 1 and 2',
    );
    expect(() => lossCurves([{ losses: [1] }] as never)).toThrow('lossCurves: curves[0].name must be a string, received undefined');
  });
});

describe('scatterFigure', () => {
  it('one trace per class with its points, colour and shape; Tensors and arrays alike', () => {
    const X = [[0, 0], [1, 1], [2, 2], [3, 3]];
    const y = [0, 1, 0, 2];
    const fig = scatterFigure({ X, y }, { classNames: ['a', 'b', 'c'] });
    expect(fig.data.map((t) => t.name)).toEqual(['a', 'b', 'c']);
    expect(fig.data[0].x).toEqual([0, 2]);
    expect(fig.data[2].y).toEqual([3]);
    const markers = fig.data.map((t) => t.marker as { color: string; symbol: string });
    expect(new Set(markers.map((m) => m.color)).size).toBe(3);
    expect(new Set(markers.map((m) => m.symbol)).size).toBe(3);
    const fromTensors = scatterFigure({ X: tensor(X), y: tensor(y) }, { classNames: ['a', 'b', 'c'] });
    expect(fromTensors).toEqual(fig);
    expectPlainJson(fig);
  });

  it('without labels: one trace', () => {
    const fig = scatterFigure({ X: [[0, 1], [2, 3]] });
    expect(fig.data).toHaveLength(1);
    expect(fig.data[0].name).toBe('points');
  });

  it('error messages', () => {
    expect(() => scatterFigure({ X: tensor([1, 2, 3]) })).toThrow('scatterFigure: data.X must be a Tensor of shape [N, 2], received shape [3]');
    expect(() => scatterFigure({ X: [[0, 0]], y: [0.5] })).toThrow(
      'scatterFigure: data.y must hold integer class labels >= 0, received 0.5 at index 0',
    );
    expect(() => scatterFigure({ X: [[0, 0]], y: [0, 1] })).toThrow('scatterFigure: data.y must have one label per point (1), received 2');
    expect(() => scatterFigure({ X: [[0, 0]], y: [1] }, { classNames: ['a'] })).toThrow(
      'scatterFigure: classNames must name all 2 classes, received 1 names',
    );
    expect(() => scatterFigure(null as never)).toThrow(/scatterFigure: data must be an object \{ X, y \}/);
  });
});

describe('themes and palette', () => {
  it('light by default; dark on request; withTheme swaps the theme colours only', () => {
    const light = lineFigure({ y: [1, 2] });
    expect(light.layout.paper_bgcolor).toBe(THEMES.light.background);
    const dark = lineFigure({ y: [1, 2] }, { theme: 'dark' });
    expect(dark.layout.paper_bgcolor).toBe(THEMES.dark.background);
    expect(withTheme(light, 'dark')).toEqual(dark);
    expect(withTheme(dark, 'light')).toEqual(light);
  });

  /** Relative luminance and contrast ratio as defined by WCAG 2.1. */
  function luminance(hex: string): number {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
    const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  }
  const contrast = (a: string, b: string) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };

  it('theme text reads on its background (WCAG AA, 4.5:1)', () => {
    for (const t of [THEMES.light, THEMES.dark]) expect(contrast(t.text, t.background)).toBeGreaterThan(4.5);
  });

  it('the first six palette colours stand out from both backgrounds (≥ 2:1)', () => {
    for (const colour of PALETTE.slice(0, 6)) {
      for (const t of [THEMES.light, THEMES.dark]) expect(contrast(colour, t.background)).toBeGreaterThan(2);
    }
  });

  it('the first five palette colours stay distinct for deuteranopes and protanopes', () => {
    // Brettel/Viénot (1999) simulation matrices in linear RGB.
    const sims = [
      [[0.29275, 0.70725, 0], [0.29275, 0.70725, 0], [-0.02234, 0.02234, 1]], // deuteranopia
      [[0.11238, 0.88762, 0], [0.11238, 0.88762, 0], [0.00401, -0.00401, 1]], // protanopia
    ];
    const lin = (hex: string) =>
      [1, 3, 5].map((i) => {
        const c = parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
    for (const m of sims) {
      const seen = PALETTE.slice(0, 5).map((h) => {
        const v = lin(h);
        return m.map((row) => row[0] * v[0] + row[1] * v[1] + row[2] * v[2]);
      });
      for (let i = 0; i < seen.length; i++) {
        for (let j = i + 1; j < seen.length; j++) {
          expect(Math.hypot(...seen[i].map((v, k) => v - seen[j][k]))).toBeGreaterThan(0.05);
        }
      }
    }
  });
});
