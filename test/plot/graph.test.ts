import { describe, expect, it } from 'vitest';
import { graphFigure, DEFAULT_GRAPH_DIGITS } from '../../src/plot';
import { Value, graphOf } from '../../src/value';

type Annotation = { x: number; y: number; ax?: number; ay?: number; text: string; showarrow: boolean; bordercolor?: string };

/** L = (a·b + c)·f with micrograd's numbers; by hand ∂L/∂a = b·f = 6, ∂L/∂b = a·f = −4, ∂L/∂c = f = −2, ∂L/∂f = 4. */
function example() {
  const a = new Value(2, { label: 'a' });
  const b = new Value(-3, { label: 'b' });
  const c = new Value(10, { label: 'c' });
  const f = new Value(-2, { label: 'f' });
  const e = a.mul(b);
  e.label = 'e';
  const d = e.add(c);
  d.label = 'd';
  const L = d.mul(f);
  L.label = 'L';
  L.backward();
  return graphOf(L);
}

describe('graphFigure', () => {
  const graph = example();
  const fig = graphFigure(graph);
  const annotations = fig.layout.annotations as Annotation[];
  const boxes = annotations.filter((a) => !a.showarrow);
  const arrows = annotations.filter((a) => a.showarrow);
  const box = (label: string) => boxes.find((b) => b.text.startsWith(`<b>${label}</b>`)) as Annotation;

  it('one box per node and one arrow per edge', () => {
    expect(boxes).toHaveLength(graph.nodes.length);
    expect(arrows).toHaveLength(graph.edges.length);
    expect(JSON.parse(JSON.stringify(fig))).toEqual(fig);
  });

  it('boxes show label, op, data and grad (the hand-derived gradients)', () => {
    expect(box('a').text).toBe(`<b>a</b><br>data ${(2).toFixed(DEFAULT_GRAPH_DIGITS)}<br>grad ${(6).toFixed(DEFAULT_GRAPH_DIGITS)}`);
    expect(box('b').text).toContain('grad -4.0000');
    expect(box('c').text).toContain('grad -2.0000');
    expect(box('f').text).toContain('grad 4.0000');
    expect(box('L').text).toBe('<b>L</b> <i>(*)</i><br>data -8.0000<br>grad 1.0000');
    expect(box('d').text).toContain('<i>(+)</i>');
  });

  it('every arrow points left to right, from an operand box to its result box', () => {
    for (const e of graph.edges) {
      const from = box(graph.nodes[e.from].label);
      const to = box(graph.nodes[e.to].label);
      const arrow = arrows.find((a) => a.ax === from.x && a.ay === from.y && a.x === to.x && a.y === to.y);
      expect(arrow).toBeDefined();
      expect(to.x).toBeGreaterThan(from.x);
    }
    // Inputs sit just before their first use: c feeds d, which is one column right of e.
    expect(box('c').x).toBe(box('e').x);
    expect(box('L').x).toBe(Math.max(...boxes.map((b) => b.x)));
  });

  it('digits, labels without names, and the dark theme', () => {
    const x = new Value(0.5);
    const y = x.tanh();
    y.backward();
    const g = graphFigure(graphOf(y), { digits: 2, theme: 'dark', title: 'tanh' });
    const texts = (g.layout.annotations as Annotation[]).filter((a) => !a.showarrow).map((a) => a.text);
    expect(texts).toContain(`<b>v0</b><br>data 0.50<br>grad ${(1 - Math.tanh(0.5) ** 2).toFixed(2)}`);
    expect(g.layout.title).toEqual({ text: 'tanh' });
    expect(g.layout.paper_bgcolor).not.toBe(fig.layout.paper_bgcolor);
  });

  it('error messages', () => {
    expect(() => graphFigure({ nodes: [], edges: [] })).toThrow('graphFigure: graph.nodes must be a non-empty array, received [] (array of length 0)');
    const node = (id: number) => ({ id, label: '', op: '', data: 0, grad: 0 });
    expect(() => graphFigure({ nodes: [node(0)], edges: [{ from: 0, to: 5 }] })).toThrow(
      'graphFigure: graph.edges[0].to must be the id of a node in graph.nodes, received 5',
    );
    expect(() => graphFigure({ nodes: [node(0), node(1)], edges: [{ from: 0, to: 1 }, { from: 1, to: 0 }] })).toThrow(
      'graphFigure: graph must be acyclic, but its edges form a cycle',
    );
    expect(() => graphFigure({ nodes: [node(0), node(0)], edges: [] })).toThrow(
      'graphFigure: graph.nodes[1].id 0 is used by an earlier node too',
    );
    expect(() => graphFigure(example(), { digits: -1 })).toThrow('graphFigure: digits must be an integer >= 0, received -1');
  });
});
