/**
 * The computation graph behind a `Value`, as plain data to plot (e.g. with plotly) or as Graphviz
 * DOT text (chapter 05-backpropagation).
 */
import { checkInteger, checkOptions, expected } from '../util/validate';
import { topologicalSort } from './topo';
import { Value } from './value';

/** One node of `graphOf(root)`. `id` is its index in `nodes`. */
export interface GraphNode {
  id: number;
  /** The node's `label`, or `''` if it has none. */
  label: string;
  /** `''` for a leaf, else the operation that produced it (`'+'`, `'*'`, `'tanh'`, …). */
  op: string;
  data: number;
  grad: number;
}

/** An edge from an operand (`from`, a child) to the node computed from it (`to`); ids index `nodes`. */
export interface GraphEdge {
  from: number;
  to: number;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/**
 * The graph reachable from `root` in topological order: every node comes after all of its children
 * (inputs first, `root` last), so every edge has `from < to`. There is one edge per operand, so
 * `a.mul(a)` contributes two edges from `a`. `data` and `grad` are copied at the time of the call.
 */
export function graphOf(root: Value): Graph {
  checkRoot('graphOf', root);
  const order = topologicalSort(root);
  const ids = new Map<Value, number>();
  order.forEach((node, i) => ids.set(node, i));
  const nodes: GraphNode[] = order.map((node, id) => ({
    id,
    label: node.label ?? '',
    op: node.op,
    data: node.data,
    grad: node.grad,
  }));
  const edges: GraphEdge[] = [];
  order.forEach((node, to) => {
    for (const child of node.children) edges.push({ from: ids.get(child) as number, to });
  });
  return { nodes, edges };
}

/** Digits after the decimal point for `data` and `grad` in `toDot` (micrograd's `%.4f`). */
export const DEFAULT_DOT_DIGITS = 4;
/** Graphviz layout direction of `toDot`: left to right, inputs on the left. */
export const DEFAULT_DOT_RANKDIR = 'LR';

export interface DotOptions {
  /** Digits after the decimal point, an integer in [0, 100]; default `DEFAULT_DOT_DIGITS`. */
  digits?: number;
  /** `'LR'` (default) or `'TB'`, `'RL'`, `'BT'`. */
  rankdir?: 'LR' | 'TB' | 'RL' | 'BT';
}

const DOT_OPTIONS: readonly string[] = ['digits', 'rankdir'];
const RANKDIRS: readonly string[] = ['LR', 'TB', 'RL', 'BT'];

/**
 * Graphviz DOT text drawing the graph like micrograd's `draw_dot`: one record box per value
 * (`label | data … | grad …`) named `n<id>` with the ids of `graphOf`, and for each computed value a
 * small op node `n<id>_op` (e.g. `*`) with edges operand → op → result. Render it with
 * `dot -Tsvg` or any Graphviz viewer.
 */
export function toDot(root: Value, options?: DotOptions): string {
  checkRoot('toDot', root);
  checkOptions('toDot', options, DOT_OPTIONS);
  const digits = options?.digits ?? DEFAULT_DOT_DIGITS;
  checkInteger('toDot', 'digits', digits, 0);
  if (digits > 100) throw new RangeError(expected('toDot', 'digits', 'an integer in [0, 100]', digits));
  const rankdir = options?.rankdir ?? DEFAULT_DOT_RANKDIR;
  if (!RANKDIRS.includes(rankdir)) {
    throw new RangeError(expected('toDot', 'rankdir', `one of ${RANKDIRS.join(', ')}`, rankdir));
  }
  const { nodes, edges } = graphOf(root);
  const lines = ['digraph G {', `  rankdir=${rankdir};`];
  for (const n of nodes) {
    const fields = [
      ...(n.label === '' ? [] : [escapeRecord(n.label)]),
      `data ${formatNumber(n.data, digits)}`,
      `grad ${formatNumber(n.grad, digits)}`,
    ];
    lines.push(`  n${n.id} [shape=record, label="{ ${fields.join(' | ')} }"];`);
    if (n.op !== '') {
      lines.push(`  n${n.id}_op [label="${escapeQuoted(n.op)}"];`);
      lines.push(`  n${n.id}_op -> n${n.id};`);
    }
  }
  for (const e of edges) lines.push(`  n${e.from} -> n${e.to}_op;`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function checkRoot(where: string, root: unknown): void {
  if (!(root instanceof Value)) throw new TypeError(expected(where, 'root', 'a Value', root));
}

function formatNumber(x: number, digits: number): string {
  return Number.isFinite(x) ? x.toFixed(digits) : String(x);
}

/** Escapes `\` and `"` for a quoted DOT string. */
function escapeQuoted(text: string): string {
  return text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, '\\n');
}

/** Escapes the characters that structure a record label (`{ } | < >`) as well. */
function escapeRecord(text: string): string {
  return escapeQuoted(text).replace(/[{}|<>]/g, (c) => `\\${c}`);
}
