/**
 * Issue 19: every series a figure compares can be told apart without colour (dash, marker symbol
 * or fill pattern as well as colour); guides, log axes and fixed ranges; grouped bars.
 */
import { describe, expect, it } from 'vitest';
import { barFigure, contourFigure, lineFigure, lossCurves, surfaceFigure, seriesStyle, DASHES, SYMBOLS, PALETTE, THEMES } from '../../src/plot';
import type { Trace } from '../../src/plot';
import { landscapeFigure, nonConvex1D } from '../../src/landscape';
import { expectError } from '../helpers/expect-error';

/** What a reader without colour vision sees of a trace: everything but the colours. */
function shape(t: Trace): string {
  const line = (t.line ?? {}) as { dash?: string };
  const marker = (t.marker ?? {}) as { symbol?: unknown; pattern?: { shape?: string } };
  return JSON.stringify([t.mode, line.dash, marker.symbol, marker.pattern?.shape]);
}

const distinct = (traces: Trace[]): number => new Set(traces.map(shape)).size;

describe('series differ without colour', () => {
  it('seriesStyle cycles colour, dash, symbol and pattern together', () => {
    expect(seriesStyle(0)).toEqual({ color: PALETTE[0], dash: 'solid', symbol: 'circle', pattern: '' });
    expect(seriesStyle(2)).toEqual({ color: PALETTE[2], dash: 'dot', symbol: 'diamond', pattern: '.' });
    expect(seriesStyle(DASHES.length).dash).toBe(DASHES[0]);
    expect(new Set(SYMBOLS).size).toBe(SYMBOLS.length);
  });

  it('lineFigure: six curves, six dash patterns; markers get six symbols', () => {
    const series = [1, 2, 3, 4, 5, 6].map((k) => ({ name: `k = ${k}`, f: (x: number) => k * x }));
    expect(distinct(lineFigure(series, { x: [0, 1, 3] }).data)).toBe(6);
    const dots = series.map((s) => ({ ...s, mode: 'markers' as const }));
    expect(new Set(lineFigure(dots, { x: [0, 1, 3] }).data.map((t) => (t.marker as { symbol: string }).symbol)).size).toBe(6);
  });

  it('lineFigure: style pairs a measurement with its prediction, legend hides one of them', () => {
    const fig = lineFigure([
      { name: 'a', y: [1, 2] },
      { name: 'measured b', y: [1, 3], mode: 'markers' },
      { name: 'predicted b', y: [1, 3], style: 1, dash: 'dash', legend: false },
    ]);
    expect((fig.data[2].line as { color: string }).color).toBe(PALETTE[1]);
    expect((fig.data[2].line as { dash: string }).dash).toBe('dash');
    expect(fig.data[2].showlegend).toBe(false);
    expect(fig.data[1].showlegend).toBeUndefined();
    expectError(() => lineFigure({ y: [1], style: -1 }), RangeError, 'lineFigure: series[0].style must be an integer >= 0, received -1');
  });

  it('a reference curve is thin neutral grey and does not use up a style', () => {
    const fig = lineFigure([
      { name: 'L(x)', f: (x) => x * x, reference: true },
      { name: 'path', x: [1, 0.5], y: [1, 0.25] },
    ], { x: [-1, 1, 5] });
    expect(fig.data[0].line).toEqual({ color: THEMES.light.axis, width: 1.8, dash: 'solid' });
    expect((fig.data[1].line as { color: string }).color).toBe(PALETTE[0]);
  });

  it('lossCurves, optimizer paths (2-D, 1-D and 3-D) and bars', () => {
    const runs = ['SGD', 'momentum', 'Adam', 'RMSProp'].map((name, k) => ({ name, losses: [4, 2 / (k + 1), 1 / (k + 1)] }));
    expect(distinct(lossCurves(runs).data)).toBe(4);
    const paths = runs.map((r, k) => ({ name: r.name, points: [[0, k], [1, k], [2, k]] }));
    const contour = contourFigure({ f: (x, y) => x * x + y * y, x: [-3, 3, 5], y: [-3, 3, 5], paths });
    const lines = contour.data.filter((t) => t.type === 'scatter' && paths.some((p) => p.name === t.name));
    expect(distinct(lines)).toBe(4);
    const oneD = landscapeFigure(nonConvex1D(), { paths: [{ name: 'a', points: [1, 2] }, { name: 'b', points: [-1, -0.5] }] });
    expect(distinct(oneD.data.filter((t) => t.name === 'a' || t.name === 'b'))).toBe(2);
    const surface = surfaceFigure({ f: (x, y) => x * y, x: [-1, 1, 3], y: [-1, 1, 3], paths: paths.slice(0, 3) });
    expect(distinct(surface.data.slice(1))).toBe(3);
    const bars = barFigure([{ name: 'MSE', y: [1, 2] }, { name: 'MAE', y: [2, 1] }], { title: 'pulls' });
    expect(distinct(bars.data)).toBe(2);
    expect(bars.layout.barmode).toBe('group');
  });
});

describe('axis options', () => {
  it('log axes write powers of ten; ranges are given in data units (log10 on a log axis)', () => {
    const fig = lineFigure({ x: [1, 10, 100], y: [1, 0.1, 0.01] }, { logX: true, logY: true, yRange: [1e-3, 10], xRange: [1, 200] });
    expect(fig.layout.xaxis).toMatchObject({ type: 'log', exponentformat: 'power' });
    expect((fig.layout.yaxis as { range: number[] }).range).toEqual([-3, 1]);
    expectError(
      () => lineFigure({ y: [1] }, { logX: true, xRange: [0, 1] }),
      RangeError,
      'lineFigure: xRange must be [min, max] with 0 < min < max, received [0, 1] (array of length 2)',
    );
  });

  it('guides: labelled vertical and horizontal lines; a log axis takes the label at log10', () => {
    const fig = lineFigure({ x: [0.01, 1], y: [1, 2] }, { logX: true, guides: [{ x: 0.1, label: '2/λmax' }, { y: 1 }] });
    const shapes = fig.layout.shapes as Record<string, unknown>[];
    expect(shapes).toHaveLength(2);
    expect(shapes[0]).toMatchObject({ x0: 0.1, x1: 0.1, yref: 'paper' });
    expect(shapes[1]).toMatchObject({ y0: 1, y1: 1, xref: 'paper' });
    const notes = fig.layout.annotations as Record<string, unknown>[];
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ text: '2/λmax' });
    expect(notes[0].x).toBeCloseTo(-1, 12);
    expectError(() => lineFigure({ y: [1] }, { guides: [{ x: 1, y: 2 }] }), TypeError, /guides\[0\] must be exactly one of x and y/);
  });
});
