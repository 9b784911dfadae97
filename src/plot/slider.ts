/**
 * Interactive figures without a widget server (chapters 03, 04 and 07: the learning rate, the
 * batch size, the momentum coefficient). Every step of the slider is an ordinary figure, built
 * with any builder of `src/plot` or `src/landscape`; `sliderFigure` stacks their traces in one
 * figure and adds a plotly slider (`layout.sliders`, method `update`) whose steps switch the
 * traces' `visible` flags and the title. Traces that are the same in every step (the contour
 * under optimizer paths, a reference curve) are drawn once and always shown. Everything is
 * precomputed JSON: it works offline in
 * JupyterLab, the classic Notebook, VS Code and the course book, and the static image shows the
 * active step.
 */
import { checkInteger, checkOptions, expected } from '../util/validate';
import type { Figure, Layout, Trace } from './figure';

/** One position of the slider: its label and the figure shown there. */
export interface SliderStep {
  /** The slider's tick label, e.g. `'0.1'`. */
  label: string;
  figure: Figure;
}

export interface SliderOptions {
  /** Written before the current label, e.g. `'η = '` (default `''`). */
  prefix?: string;
  /** The step shown first (default 0). */
  active?: number;
}

const OPTIONS = ['prefix', 'active'];
/** Extra height and bottom margin that make room for the slider under the plot. */
export const SLIDER_HEIGHT = 110;

/** One figure with a slider over `steps` (see the file comment). */
export function sliderFigure(given: readonly SliderStep[], options: SliderOptions = {}): Figure {
  const where = 'sliderFigure';
  checkOptions(where, options, OPTIONS);
  if (!Array.isArray(given) || given.length < 2) {
    throw new TypeError(expected(where, 'steps', 'an array of at least 2 steps { label, figure }', given));
  }
  const steps: readonly SliderStep[] = given;
  steps.forEach((s: unknown, k: number) => {
    const step = s as SliderStep;
    if (step === null || typeof step !== 'object' || typeof step.label !== 'string') {
      throw new TypeError(expected(where, `steps[${k}]`, 'a step { label: string, figure }', s));
    }
    if (step.figure === null || typeof step.figure !== 'object' || !Array.isArray(step.figure.data)) {
      throw new TypeError(expected(where, `steps[${k}].figure`, 'a figure { data, layout }', step.figure));
    }
  });
  const active = checkInteger(where, 'active', options.active ?? 0, 0);
  if (active >= steps.length) throw new RangeError(expected(where, 'active', `a step index below ${steps.length}`, active));
  const prefix = options.prefix ?? '';
  if (typeof prefix !== 'string') throw new TypeError(expected(where, 'prefix', 'a string', prefix));

  const shared = sharedTraces(steps);
  const data: Trace[] = [];
  const owner: number[] = [];
  steps[0].figure.data.forEach((t, i) => {
    if (!shared.has(i)) return;
    data.push({ ...t });
    owner.push(-1);
  });
  steps.forEach((s, k) => {
    s.figure.data.forEach((t, i) => {
      if (shared.has(i)) return;
      data.push({ ...t, visible: k === active });
      owner.push(k);
    });
  });

  const first = steps[active].figure.layout;
  const layout = JSON.parse(JSON.stringify(first)) as Layout;
  fixRanges(layout, steps.map((s) => s.figure.data.filter((_, i) => !shared.has(i))));
  const text = (l: Layout): string => ((l.title as { text?: string } | undefined)?.text ?? '');
  const margin = (layout.margin as Record<string, number> | undefined) ?? { l: 64, r: 24, t: 56, b: 56 };
  layout.margin = { ...margin, b: (margin.b ?? 56) + SLIDER_HEIGHT };
  layout.height = ((layout.height as number | undefined) ?? 420) + SLIDER_HEIGHT;
  // A legend under the plot (contour figures put it there) would sit on the slider: move it above.
  const legend = layout.legend as Record<string, unknown> | undefined;
  if (legend !== undefined && typeof legend.y === 'number' && legend.y < 0) {
    layout.legend = { ...legend, y: 1.01, yanchor: 'bottom', x: 0, xanchor: 'left' };
    layout.margin = { ...(layout.margin as object), t: (margin.t ?? 56) + 28 };
  }
  const font = (layout.font as Record<string, unknown> | undefined) ?? {};
  layout.sliders = [
    {
      active,
      len: 0.9,
      x: 0.05,
      y: 0,
      yanchor: 'top',
      pad: { t: 56 },
      currentvalue: { prefix, visible: true, xanchor: 'left', font: { color: font.color, size: 14 } },
      font: { color: font.color },
      steps: steps.map((s, k) => ({
        label: s.label,
        method: 'update',
        args: [
          { visible: owner.map((o) => o === -1 || o === k) },
          {
            'title.text': text(s.figure.layout),
            shapes: s.figure.layout.shapes ?? [],
            annotations: s.figure.layout.annotations ?? [],
          },
        ],
      })),
    },
  ];
  return { data, layout };
}

/** The indices of the traces that are the same (as JSON) in every step. */
function sharedTraces(steps: readonly SliderStep[]): Set<number> {
  const out = new Set<number>();
  const first = steps[0].figure.data;
  first.forEach((t, i) => {
    const json = JSON.stringify(t);
    if (steps.every((s) => s.figure.data.length > i && JSON.stringify(s.figure.data[i]) === json)) out.add(i);
  });
  return out;
}

/** Fixes unset cartesian axis ranges to the extent of every step, so the axes do not jump. */
function fixRanges(layout: Layout, stepTraces: Trace[][]): void {
  for (const a of ['x', 'y'] as const) {
    const axis = layout[`${a}axis`] as Record<string, unknown> | undefined;
    if (axis === undefined || axis.range !== undefined) continue;
    const log = axis.type === 'log';
    let lo = Infinity;
    let hi = -Infinity;
    for (const traces of stepTraces) {
      for (const t of traces) {
        if (t.type !== 'scatter' && t.type !== 'bar') continue;
        for (const v of (t[a] as unknown[] | undefined) ?? []) {
          if (typeof v !== 'number' || !Number.isFinite(v) || (log && v <= 0)) continue;
          const u = log ? Math.log10(v) : v;
          if (u < lo) lo = u;
          if (u > hi) hi = u;
        }
      }
    }
    if (!(hi >= lo)) continue;
    const pad = hi > lo ? 0.04 * (hi - lo) : 0.5;
    axis.range = [lo - pad, hi + pad];
  }
}
