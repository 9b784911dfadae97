/**
 * The figures the chapters actually show (issue 12 and issue 19): read from the executed notebooks
 * (one execution with the stub exercises, shared with the book's tests), every figure has a title
 * and titled axes (the book generates text descriptions from them), the series a figure compares
 * differ by dash, marker or fill pattern as well as by colour, and chapters 3, 4 and 7 contain an
 * interactive plotly slider whose steps switch precomputed traces.
 */
import { readFileSync } from 'fs';
import { basename, join } from 'path';
import { beforeAll, describe, expect, it } from 'vitest';
import { courseNotebooks, executedWithStubs, EXECUTION_TIMEOUT_MS } from '../book/shared';

interface Trace {
  type?: string;
  name?: string;
  mode?: string;
  showlegend?: boolean;
  visible?: boolean;
  xaxis?: string;
  yaxis?: string;
  line?: { dash?: string };
  marker?: { symbol?: unknown; pattern?: { shape?: string } };
}
interface Figure {
  data: Trace[];
  layout: Record<string, unknown>;
}
type Slider = { steps: { method: string; args: [{ visible?: boolean[] }, ...unknown[]] }[] };

const PLOTLY = 'application/vnd.plotly.v1+json';
const chapters = courseNotebooks().map((f) => basename(f)).filter((f) => /^0\d-/.test(f));
let executedDir = '';

beforeAll(async () => {
  executedDir = await executedWithStubs();
}, EXECUTION_TIMEOUT_MS);

function figuresOf(file: string): Figure[] {
  const nb = JSON.parse(readFileSync(join(executedDir, file), 'utf8')) as { cells: { outputs?: { data?: Record<string, unknown> }[] }[] };
  return nb.cells.flatMap((c) => c.outputs ?? []).map((o) => o.data?.[PLOTLY] as Figure | undefined).filter((f): f is Figure => f !== undefined);
}

const titleOf = (o: unknown): string => {
  const t = (o as { title?: unknown } | undefined)?.title;
  return typeof t === 'string' ? t : ((t as { text?: string } | undefined)?.text ?? '');
};

/** The axes a figure's traces use, with their titles (hidden axes, as in the computational graph, excluded). */
function axisTitles(fig: Figure): { axis: string; title: string }[] {
  const scene = fig.layout.scene as Record<string, unknown> | undefined;
  if (fig.data.some((t) => t.type === 'surface' || t.type === 'scatter3d')) {
    return ['xaxis', 'yaxis', 'zaxis'].map((a) => ({ axis: `scene.${a}`, title: titleOf(scene?.[a]) }));
  }
  const used = new Set(fig.data.flatMap((t) => [`xaxis${(t.xaxis ?? 'x').slice(1)}`, `yaxis${(t.yaxis ?? 'y').slice(1)}`]));
  return [...used]
    .map((axis) => ({ axis, layout: fig.layout[axis] as { visible?: boolean } | undefined }))
    .filter((a) => a.layout?.visible !== false)
    .map((a) => ({ axis: a.axis, title: titleOf(a.layout) }));
}

/** What a reader who cannot tell the colours apart sees of a trace. */
const shape = (t: Trace): string => JSON.stringify([t.type, t.mode, t.line?.dash, t.marker?.symbol, t.marker?.pattern?.shape]);

/** Groups of legend entries that are drawn together (per subplot, and per slider step). */
function comparedGroups(fig: Figure): Trace[][] {
  const slider = (fig.layout.sliders as Slider[] | undefined)?.[0];
  const shown = slider === undefined ? [fig.data.map((t) => t.visible !== false)] : slider.steps.map((s) => s.args[0].visible ?? []);
  return shown.flatMap((visible) => {
    const bySubplot = new Map<string, Trace[]>();
    fig.data.forEach((t, i) => {
      if (!visible[i] || t.showlegend === false || !['scatter', 'scatter3d', 'bar'].includes(t.type ?? 'scatter')) return;
      const key = `${t.xaxis ?? 'x'}${t.yaxis ?? 'y'}`;
      bySubplot.set(key, [...(bySubplot.get(key) ?? []), t]);
    });
    return [...bySubplot.values()];
  });
}

describe('the figures of every chapter, as executed', () => {
  for (const file of chapters) {
    describe(file, () => {
      it('every figure has a title and titled axes', () => {
        const figures = figuresOf(file);
        expect(figures.length).toBeGreaterThan(0);
        const untitled = figures.filter((f) => titleOf(f.layout).trim() === '').map((f) => f.data.map((t) => t.name));
        expect(untitled).toEqual([]);
        const missing = figures.flatMap((f) => {
          const axes = axisTitles(f);
          // small multiples title one axis per row and column: at least one x and one y title
          if (f.layout.grid !== undefined) {
            return ['x', 'y'].filter((a) => !axes.some((t) => t.axis.startsWith(`${a}axis`) && t.title !== '')).map((a) => `${titleOf(f.layout)}: ${a} axes`);
          }
          return axes.filter((a) => a.title.trim() === '').map((a) => `${titleOf(f.layout)}: ${a.axis}`);
        });
        expect(missing).toEqual([]);
      });

      it('series drawn together differ by dash, marker or pattern, not only by colour', () => {
        const clashes = figuresOf(file).flatMap((f) => comparedGroups(f).flatMap((group) => {
          const seen = new Map<string, string>();
          return group.flatMap((t) => {
            const other = seen.get(shape(t));
            seen.set(shape(t), t.name ?? '');
            return other === undefined ? [] : [`${titleOf(f.layout)}: "${other}" and "${t.name}" look alike`];
          });
        }));
        expect(clashes).toEqual([]);
      });
    });
  }

  for (const file of chapters.filter((f) => ['03', '04', '07'].includes(f.slice(0, 2)))) {
    it(`${file} shows an interactive slider over precomputed traces`, () => {
      const sliders = figuresOf(file).flatMap((f) => ((f.layout.sliders as Slider[] | undefined) ?? []).map((s) => ({ f, s })));
      expect(sliders.length).toBeGreaterThan(0);
      for (const { f, s } of sliders) {
        expect(s.steps.length).toBeGreaterThanOrEqual(3);
        for (const step of s.steps) {
          expect(['update', 'restyle']).toContain(step.method);
          expect(step.args[0].visible).toHaveLength(f.data.length);
        }
        // every step shows something of its own
        const own = s.steps.map((step) => JSON.stringify(step.args[0].visible));
        expect(new Set(own).size).toBe(s.steps.length);
      }
    });
  }
});
