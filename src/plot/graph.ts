/**
 * A computational graph drawn in the notebook (chapter 05-backpropagation): every value is a box
 * showing its label, the operation that made it, its data and its gradient; arrows run from the
 * operands to the result. Give it `graphOf(root)` from the `Value` engine (or any graph of the
 * same shape).
 *
 * Layout: a computed node's column is 1 + the largest column of its operands, and an input sits
 * one column left of its first use, so data flows left to right; inside a column nodes are ordered by the mean row of their
 * operands, which keeps arrows short.
 */
import { checkInteger, expected } from '../util/validate';
import { checkFigureOptions } from './figure';
import type { Figure, FigureOptions, Layout, Trace } from './figure';

export interface GraphFigureNode {
  id: number;
  label: string;
  /** `''` for an input (leaf), else the operation, e.g. `'*'`, `'tanh'`. */
  op: string;
  data: number;
  grad: number;
}

export interface GraphFigureInput {
  nodes: readonly GraphFigureNode[];
  /** From an operand (`from`) to the value computed from it (`to`), by node id. */
  edges: readonly { from: number; to: number }[];
}

export interface GraphFigureOptions extends FigureOptions {
  /** Digits after the decimal point of data and grad (default `DEFAULT_GRAPH_DIGITS`). */
  digits?: number;
}

export const DEFAULT_GRAPH_DIGITS = 4;
/** Pixels between columns and between rows. */
export const GRAPH_COLUMN_WIDTH = 190;
export const GRAPH_ROW_HEIGHT = 96;

const GRAPH_OPTIONS = ['digits'];
const MARGIN = { l: 20, r: 20, t: 56, b: 20 };
const CHAR_PX = 7.2;
const LINE_PX = 16;
const PAD_PX = 5;

/** Border colours: inputs, computed values, the output. */
const ROLE_COLOURS = { input: '#0072B2', computed: '#009E73', output: '#D55E00' } as const;

/** The graph as a plotly figure (see the file comment). */
export function graphFigure(graph: GraphFigureInput, options: GraphFigureOptions = {}): Figure {
  const where = 'graphFigure';
  const c = checkFigureOptions(where, options, GRAPH_OPTIONS);
  const digits = checkInteger(where, 'digits', options.digits ?? DEFAULT_GRAPH_DIGITS, 0);
  if (digits > 20) throw new RangeError(expected(where, 'digits', 'an integer in [0, 20]', digits));
  const { nodes, edges, index } = checkGraph(where, graph);
  const n = nodes.length;

  // Depth by longest path from the inputs (Kahn's algorithm; a cycle is an error).
  const incoming: number[][] = nodes.map(() => []);
  const outgoing: number[][] = nodes.map(() => []);
  for (const e of edges) {
    const a = index.get(e.from) as number;
    const b = index.get(e.to) as number;
    incoming[b].push(a);
    outgoing[a].push(b);
  }
  const depth = new Array<number>(n).fill(0);
  const pending = incoming.map((list) => list.length);
  const queue: number[] = [];
  for (let i = 0; i < n; i++) if (pending[i] === 0) queue.push(i);
  let seen = 0;
  while (seen < queue.length) {
    const a = queue[seen++];
    for (const b of outgoing[a]) {
      depth[b] = Math.max(depth[b], depth[a] + 1);
      if (--pending[b] === 0) queue.push(b);
    }
  }
  if (seen < n) throw new RangeError(`${where}: graph must be acyclic, but its edges form a cycle`);
  // Inputs sit just left of their first use (like Graphviz ranks), not all in column 0.
  for (let i = 0; i < n; i++) {
    if (incoming[i].length === 0 && outgoing[i].length > 0) depth[i] = Math.min(...outgoing[i].map((b) => depth[b])) - 1;
  }

  // Rows inside each column, ordered by the mean row of the operands.
  const columns: number[][] = [];
  for (const i of queue) (columns[depth[i]] ??= []).push(i);
  const row = new Array<number>(n).fill(0);
  const tallest = Math.max(...columns.map((col) => col.length));
  for (const col of columns) {
    const key = (i: number) =>
      incoming[i].length === 0 ? i / n - 1e6 : incoming[i].reduce((s, a) => s + row[a], 0) / incoming[i].length;
    col.sort((a, b) => key(a) - key(b) || a - b);
    const offset = (tallest - col.length) / 2;
    col.forEach((i, r) => (row[i] = offset + r));
  }

  const width = options.width ?? Math.max(480, columns.length * GRAPH_COLUMN_WIDTH + MARGIN.l + MARGIN.r);
  const height = options.height ?? Math.max(260, tallest * GRAPH_ROW_HEIGHT + MARGIN.t + MARGIN.b);
  const xRange: [number, number] = [-0.5, columns.length - 0.5];
  const yRange: [number, number] = [tallest - 0.5, -0.5];
  const pxPerX = (width - MARGIN.l - MARGIN.r) / (xRange[1] - xRange[0]);
  const pxPerY = (height - MARGIN.t - MARGIN.b) / (yRange[0] - yRange[1]);

  const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(digits) : String(v));
  const outputs = new Set(nodes.map((_, i) => i).filter((i) => outgoing[i].length === 0));
  const annotations: Record<string, unknown>[] = [];
  const boxes = nodes.map((node, i) => {
    const name = node.label !== '' ? node.label : `v${node.id}`;
    const head = `<b>${escapeHtml(name)}</b>${node.op !== '' ? ` <i>(${escapeHtml(node.op)})</i>` : ''}`;
    const lines = [head, `data ${fmt(node.data)}`, `grad ${fmt(node.grad)}`];
    const chars = Math.max(name.length + (node.op !== '' ? node.op.length + 3 : 0), ...lines.slice(1).map((l) => l.length));
    const role = outputs.has(i) && incoming[i].length > 0 ? 'output' : incoming[i].length === 0 ? 'input' : 'computed';
    annotations.push({
      x: depth[i],
      y: row[i],
      xref: 'x',
      yref: 'y',
      text: lines.join('<br>'),
      showarrow: false,
      align: 'left',
      font: { family: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', size: 12, color: c.text },
      bgcolor: c.background,
      bordercolor: ROLE_COLOURS[role],
      borderwidth: 2,
      borderpad: PAD_PX,
    });
    return { w: chars * CHAR_PX + 2 * PAD_PX + 4, h: lines.length * LINE_PX + 2 * PAD_PX + 4 };
  });

  // Arrows from operand to result, stopped at the edges of both boxes.
  const arrows = edges.map((e) => {
    const a = index.get(e.from) as number;
    const b = index.get(e.to) as number;
    const dx = (depth[b] - depth[a]) * pxPerX;
    const dy = (row[b] - row[a]) * pxPerY;
    return {
      x: depth[b],
      y: row[b],
      ax: depth[a],
      ay: row[a],
      xref: 'x',
      yref: 'y',
      axref: 'x',
      ayref: 'y',
      text: '',
      showarrow: true,
      arrowhead: 2,
      arrowsize: 1.2,
      arrowwidth: 1.6,
      arrowcolor: c.neutral,
      standoff: exitDistance(boxes[b], dx, dy) + 2,
      startstandoff: exitDistance(boxes[a], dx, dy) + 2,
    };
  });

  const hover: Trace = {
    type: 'scatter',
    mode: 'markers',
    x: nodes.map((_, i) => depth[i]),
    y: nodes.map((_, i) => row[i]),
    marker: { size: 36, opacity: 0, color: c.background },
    text: nodes.map(
      (node) =>
        `${escapeHtml(node.label || `v${node.id}`)}${node.op ? ` = ${escapeHtml(node.op)}(…)` : ' (input)'}` +
        `<br>data ${node.data}<br>grad ${node.grad}`,
    ),
    hovertemplate: '%{text}<extra></extra>',
    showlegend: false,
  };
  const hidden = { visible: false, fixedrange: true };
  const layout: Layout = {
    title: { text: options.title ?? 'Computational graph' },
    // Arrows first so the boxes are drawn over their ends.
    annotations: [...arrows, ...annotations],
    xaxis: { ...hidden, range: xRange },
    yaxis: { ...hidden, range: yRange },
    paper_bgcolor: c.background,
    plot_bgcolor: c.background,
    font: { color: c.text, family: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', size: 13 },
    margin: MARGIN,
    width,
    height,
    showlegend: false,
    hovermode: 'closest',
  };
  return { data: [hover], layout };
}

/** Distance in pixels from a box's centre to its border along the direction (dx, dy). */
function exitDistance(box: { w: number; h: number }, dx: number, dy: number): number {
  const len = Math.hypot(dx, dy);
  if (len === 0) return 0;
  const ux = Math.abs(dx) / len;
  const uy = Math.abs(dy) / len;
  const tx = ux > 0 ? box.w / 2 / ux : Infinity;
  const ty = uy > 0 ? box.h / 2 / uy : Infinity;
  return Math.min(tx, ty);
}

function checkGraph(
  where: string,
  graph: unknown,
): { nodes: GraphFigureNode[]; edges: { from: number; to: number }[]; index: Map<number, number> } {
  const what = 'a graph { nodes, edges } such as graphOf(root) from the Value engine';
  if (graph === null || typeof graph !== 'object') throw new TypeError(expected(where, 'graph', what, graph));
  const { nodes, edges } = graph as { nodes?: unknown; edges?: unknown };
  if (!Array.isArray(nodes) || nodes.length === 0) throw new TypeError(expected(where, 'graph.nodes', 'a non-empty array', nodes));
  if (!Array.isArray(edges)) throw new TypeError(expected(where, 'graph.edges', 'an array of { from, to }', edges));
  const index = new Map<number, number>();
  nodes.forEach((node: unknown, i: number) => {
    const n = (node ?? {}) as Partial<GraphFigureNode>;
    if (typeof n.id !== 'number' || typeof n.data !== 'number' || typeof n.grad !== 'number') {
      throw new TypeError(expected(where, `graph.nodes[${i}]`, 'a node { id, label, op, data, grad }', node));
    }
    if (typeof n.label !== 'string' || typeof n.op !== 'string') {
      throw new TypeError(expected(where, `graph.nodes[${i}].label and .op`, 'strings', node));
    }
    if (index.has(n.id)) throw new RangeError(`${where}: graph.nodes[${i}].id ${n.id} is used by an earlier node too`);
    index.set(n.id, i);
  });
  edges.forEach((e: unknown, k: number) => {
    const { from, to } = (e ?? {}) as { from?: unknown; to?: unknown };
    for (const [key, id] of [['from', from], ['to', to]] as const) {
      if (typeof id !== 'number' || !index.has(id)) {
        throw new RangeError(expected(where, `graph.edges[${k}].${key}`, 'the id of a node in graph.nodes', id));
      }
    }
  });
  return { nodes: nodes as GraphFigureNode[], edges: edges as { from: number; to: number }[], index };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

