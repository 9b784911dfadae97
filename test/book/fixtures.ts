/**
 * A small course written to a temporary folder for the book's tests: committed notebooks,
 * executed copies (with every kind of output) and an exercise folder. Building it needs no kernel.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

type Cell = Record<string, unknown>;

export const markdownCell = (source: string, metadata: Record<string, unknown> = {}): Cell => ({ cell_type: 'markdown', metadata, source });
export const codeCell = (source: string, outputs: unknown[] = [], tags: string[] = []): Cell =>
  ({ cell_type: 'code', metadata: tags.length ? { tags } : {}, source, outputs, execution_count: outputs.length ? 1 : null });
export const notebook = (cells: Cell[], metadata: Record<string, unknown> = {}): Record<string, unknown> => ({
  nbformat: 4,
  nbformat_minor: 5,
  metadata: { kernelspec: { name: 'tslab', display_name: 'TypeScript', language: 'typescript' }, language_info: { name: 'typescript' }, ...metadata },
  cells,
});

/** The figure the intro chapter shows. */
export const FIGURE = {
  data: [{ type: 'scatter', mode: 'lines', x: [0, 1, 2, 3], y: [0, 1, 4, 9], name: 'x²' }],
  layout: { title: { text: 'Squares' }, height: 320 },
  config: { responsive: true, displaylogo: false },
};

/** A figure with a plotly slider (three steps restyling y): the book binds a range input to it. */
export const SLIDER_FIGURE = {
  data: [{ type: 'scatter', mode: 'lines+markers', x: [0, 1, 2], y: [0, 1, 2], name: 'η·x' }],
  layout: {
    title: { text: 'A line per learning rate' },
    height: 360,
    sliders: [{
      active: 0,
      currentvalue: { prefix: 'learning rate η = ' },
      transition: { duration: 400 },
      steps: [0.1, 0.5, 1].map((lr) => ({ label: String(lr), method: 'restyle', args: [{ y: [[0, lr, 2 * lr]] }] })),
    }],
  },
  config: { responsive: true, displaylogo: false },
};

/** Text that must appear only where its cell is kept. */
export const MARKERS = { solution: 'SOLUTION_CELL_MARKER', removed: 'REMOVED_CELL_MARKER', hidden: 'HIDDEN_INPUT_MARKER' };

export interface Course {
  root: string;
  notebooks: string;
  executed: string;
  exercises: string;
  out: string;
}

const plotSetupOutput = {
  output_type: 'display_data',
  data: { 'text/html': '<script>window.Plotly = {}; /* plotly.js inlined */</script>', 'text/plain': 'plotly.js 4.1.2 loaded (offline)' },
  metadata: { 'descent/plot-setup': true },
};
const figureOutput = {
  output_type: 'display_data',
  data: { 'application/vnd.plotly.v1+json': FIGURE, 'text/html': '<div class="descent-plot"></div>', 'text/plain': 'Figure "Squares": 1 trace (scatter)' },
  metadata: {},
};

/** The three chapters: source cells, and the outputs their executed copies carry. */
function chapters(executed: boolean): Record<string, Record<string, unknown>> {
  const out = (outputs: unknown[]): unknown[] => (executed ? outputs : []);
  return {
    '00-intro.ipynb': notebook([
      markdownCell('# 0 · Introduction\n\nWelcome to the test course. It has three chapters.'),
      codeCell("import { plotSetup, show } from 'descent/notebook';\nplotSetup();", out([plotSetupOutput])),
      codeCell('show(figure);', out([figureOutput])),
    ]),
    '01-alpha.ipynb': notebook([
      markdownCell('# 1 · Alpha and $\\alpha$\n\nThe mean squared error, e.g. of a line, in one line. More text follows.'),
      markdownCell('## Derivation\n\n$$\\frac{\\partial L}{\\partial \\hat y_i} = \\frac{2}{n}(\\hat y_i - y_i)$$\n\nOn to [the next chapter](02-beta.ipynb#second).'),
      codeCell("console.log('loss', 0.25);", out([{ output_type: 'stream', name: 'stdout', text: ['loss 0.25\n'] }])),
      codeCell(`const ${MARKERS.solution} = 1;`, out([]), ['solution']),
      codeCell(`const ${MARKERS.removed} = 2;`, out([]), ['remove-cell']),
      codeCell(`const ${MARKERS.hidden} = 3;`, out([{ output_type: 'execute_result', data: { 'text/plain': '3' }, metadata: {}, execution_count: 4 }]), ['hide-input']),
      markdownCell('## Your turn\n\nOpen [the exercise](../exercises/alpha.ts).'),
    ]),
    '02-beta.ipynb': notebook([
      markdownCell('# 2 · Beta\n\nThis lead is not the summary.'),
      markdownCell('## Second\n\nA formula KaTeX rejects: $\\undefinedmacro{x}$.'),
      codeCell('showTable(rows);', out([{
        output_type: 'display_data',
        data: { 'text/html': '<table><tr><th>loss</th></tr><tr><td>$$\\frac{1}{2}$$</td></tr></table>', 'text/plain': 'loss\n1/2' },
        metadata: {},
      }])),
      codeCell('show(sliderFigure);', out([{
        output_type: 'display_data',
        data: { 'application/vnd.plotly.v1+json': SLIDER_FIGURE, 'text/plain': 'a figure with a slider' },
        metadata: {},
      }])),
    ], { descent: { summary: 'A summary from the metadata, with $\\beta$.' } }),
  };
}

/** Writes the course to a new temporary folder. */
export function writeCourse(): Course {
  const root = mkdtempSync(join(tmpdir(), 'descent-book-'));
  const course = { root, notebooks: join(root, 'notebooks'), executed: join(root, 'executed'), exercises: join(root, 'exercises'), out: join(root, 'book') };
  for (const dir of [course.notebooks, course.executed, course.exercises]) mkdirSync(dir);
  for (const [name, nb] of Object.entries(chapters(false))) writeFileSync(join(course.notebooks, name), JSON.stringify(nb));
  for (const [name, nb] of Object.entries(chapters(true))) {
    // Executed: every code cell has run, whether or not it printed something.
    (nb.cells as Cell[]).filter((c) => c.cell_type === 'code').forEach((c, k) => { c.execution_count = k + 1; });
    writeFileSync(join(course.executed, name), JSON.stringify(nb));
  }
  writeFileSync(join(course.exercises, 'alpha.ts'), '/**\n * Exercise — chapter 01-alpha: the alpha function.\n */\nexport function alpha(): number {\n  throw new Error(\'TODO: implement alpha\');\n}\n');
  writeFileSync(join(course.exercises, 'helpers.ts'), 'export const notAnExercise = 1;\n');
  return course;
}
