/**
 * `sliderFigure` (plotly's own slider: one `update` step per precomputed figure) and
 * `panelsFigure` (small multiples with shared legend entries).
 */
import { describe, expect, it } from 'vitest';
import { contourFigure, lineFigure, lossCurves, panelsFigure, sliderFigure, SLIDER_HEIGHT } from '../../src/plot';
import type { Figure } from '../../src/plot';
import { expectError } from '../helpers/expect-error';

const bowl = (x: number, y: number): number => x * x + 4 * y * y;
const pathFigure = (lr: number): Figure =>
  contourFigure({
    f: bowl,
    x: [-2, 2, 9],
    y: [-2, 2, 9],
    paths: [{ name: `η = ${lr}`, points: [[1, 1], [1 - 2 * lr, 1 - 8 * lr]] }],
    title: `η = ${lr}`,
  });

describe('sliderFigure', () => {
  const lrs = [0.05, 0.1, 0.2];
  const fig = sliderFigure(lrs.map((lr) => ({ label: String(lr), figure: pathFigure(lr) })), { prefix: 'η = ', active: 1 });

  it('draws the traces every step shares once, and each step its own', () => {
    expect(fig.data.filter((t) => t.type === 'contour')).toHaveLength(1);
    expect(fig.data).toHaveLength(1 + 3 * 2);
    expect(fig.data.filter((t) => t.visible === true).map((t) => t.name)).toEqual(['η = 0.1', 'η = 0.1 (start, end)']);
    expect(fig.data[0].visible).toBeUndefined();
  });

  it('each slider step shows its traces and its title, and nothing else', () => {
    const slider = (fig.layout.sliders as { active: number; currentvalue: { prefix: string }; steps: { label: string; method: string; args: [{ visible: boolean[] }, Record<string, unknown>] }[] }[])[0];
    expect(slider.active).toBe(1);
    expect(slider.currentvalue.prefix).toBe('η = ');
    expect(slider.steps.map((s) => s.label)).toEqual(['0.05', '0.1', '0.2']);
    slider.steps.forEach((s, k) => {
      expect(s.method).toBe('update');
      const shown = fig.data.filter((_, i) => s.args[0].visible[i]).map((t) => t.name);
      expect(shown).toEqual(['f', `η = ${lrs[k]}`, `η = ${lrs[k]} (start, end)`]);
      expect(s.args[1]['title.text']).toBe(`η = ${lrs[k]}`);
    });
    expect(fig.layout.title).toEqual({ text: 'η = 0.1' });
  });

  it('makes room for the slider and fixes the axes to the extent of every step', () => {
    expect(fig.layout.height).toBe((pathFigure(0.1).layout.height as number) + SLIDER_HEIGHT);
    // the contour figure's legend sits under the plot, where the slider goes: it moves above the plot
    expect((pathFigure(0.1).layout.legend as { y: number }).y).toBeLessThan(0);
    expect((fig.layout.legend as { y: number }).y).toBeGreaterThan(1);
    const curves = sliderFigure(
      [1, 2, 3].map((a) => ({ label: String(a), figure: lineFigure({ x: [0, 1], y: [0, a] }, { title: `a = ${a}` }) })),
    );
    const [lo, hi] = (curves.layout.yaxis as { range: number[] }).range;
    expect(lo).toBeLessThan(0);
    expect(hi).toBeGreaterThan(3);
    expect(hi).toBeLessThan(3.2);
    const logged = sliderFigure(
      [1, 2].map((a) => ({ label: String(a), figure: lineFigure({ y: [1, 10 ** a] }, { logY: true }) })),
    );
    const [llo, lhi] = (logged.layout.yaxis as { range: number[] }).range;
    expect(llo).toBeLessThan(0);
    expect(lhi).toBeGreaterThan(2);
  });

  it('error messages', () => {
    expectError(() => sliderFigure([]), TypeError, 'sliderFigure: steps must be an array of at least 2 steps { label, figure }, received [] (array of length 0)');
    const steps = [{ label: 'a', figure: pathFigure(0.1) }, { label: 'b', figure: pathFigure(0.2) }];
    expectError(() => sliderFigure(steps, { active: 2 }), RangeError, 'sliderFigure: active must be a step index below 2, received 2');
    expectError(() => sliderFigure([steps[0], { label: 'b', figure: null as never }]), TypeError, /sliderFigure: steps\[1\]\.figure must be a figure/);
    expectError(() => sliderFigure(steps, { shared: 1 } as never), TypeError, /sliderFigure: unknown option "shared"/);
  });
});

describe('panelsFigure', () => {
  const panels = [0.01, 0.1, 1].map((lr) => ({
    title: `η = ${lr}`,
    figure: lossCurves({ training: [1, lr], validation: [1.1, 2 * lr] }, { title: 'unused', guides: [{ y: 0.5, label: 'target' }] }),
  }));
  const fig = panelsFigure(panels, { title: 'A learning-rate sweep', columns: 2 });

  it('puts each panel on its own axes in a grid, with its title above it', () => {
    expect(fig.layout.grid).toMatchObject({ rows: 2, columns: 2, pattern: 'independent' });
    expect(fig.data.map((t) => t.xaxis)).toEqual(['x', 'x', 'x2', 'x2', 'x3', 'x3']);
    expect(fig.layout.yaxis3).toMatchObject({ title: { text: 'loss' } }); // first column
    expect(fig.layout.yaxis2).toMatchObject({ title: { text: '' } });
    expect(fig.layout.xaxis2).toMatchObject({ title: { text: 'epoch' } }); // bottom of its column
    expect(fig.layout.xaxis).toMatchObject({ title: { text: '' } });
    const titles = (fig.layout.annotations as { text: string; xref: string }[]).filter((a) => a.text.startsWith('<b>'));
    expect(titles.map((a) => [a.text, a.xref])).toEqual([['<b>η = 0.01</b>', 'x domain'], ['<b>η = 0.1</b>', 'x2 domain'], ['<b>η = 1</b>', 'x3 domain']]);
    expect(fig.layout.title).toEqual({ text: 'A learning-rate sweep' });
  });

  it('one legend entry per series name, grouped across panels; guides follow their panel', () => {
    expect(fig.data.map((t) => t.showlegend)).toEqual([true, true, false, false, false, false]);
    expect(new Set(fig.data.map((t) => t.legendgroup))).toEqual(new Set(['training', 'validation']));
    const shapes = fig.layout.shapes as { yref: string; xref: string }[];
    expect(shapes.map((s) => [s.xref, s.yref])).toEqual([['x domain', 'y'], ['x2 domain', 'y2'], ['x3 domain', 'y3']]);
  });

  it('error messages', () => {
    expectError(() => panelsFigure([]), TypeError, /panelsFigure: panels must be a non-empty array/);
    expectError(() => panelsFigure([{ title: 'a', figure: { data: [], layout: {} } }]), TypeError, /panels\[0\]\.figure must be a 2-D figure/);
    expectError(() => panelsFigure(panels, { columns: 0 }), RangeError, 'panelsFigure: columns must be an integer >= 1, received 0');
  });
});
