import { describe, expect, it } from 'vitest';
import { DEFAULT_DOT_DIGITS, DEFAULT_DOT_RANKDIR, Value, graphOf, toDot } from '../../src/value';

/** The lecture's small expression d = a·b + c, labelled, after backward. */
function lectureGraph() {
  const a = new Value(2, { label: 'a' });
  const b = new Value(-3, { label: 'b' });
  const c = new Value(10, { label: 'c' });
  const e = a.mul(b);
  e.label = 'e';
  const d = e.add(c);
  d.label = 'd';
  d.backward();
  return { a, b, c, e, d };
}

describe('graphOf', () => {
  it('lists nodes in topological order with label, op, data and grad', () => {
    const { d } = lectureGraph();
    const g = graphOf(d);
    expect(g.nodes).toEqual([
      { id: 0, label: 'a', op: '', data: 2, grad: -3 },
      { id: 1, label: 'b', op: '', data: -3, grad: 2 },
      { id: 2, label: 'e', op: '*', data: -6, grad: 1 },
      { id: 3, label: 'c', op: '', data: 10, grad: 1 },
      { id: 4, label: 'd', op: '+', data: 4, grad: 1 },
    ]);
    expect(g.edges).toEqual([
      { from: 0, to: 2 },
      { from: 1, to: 2 },
      { from: 2, to: 4 },
      { from: 3, to: 4 },
    ]);
  });

  it('every edge points forward, ids index nodes, the root is last; ops are named', () => {
    const x = new Value(0.3, { label: 'x' });
    const y = x.pow(2).sub(x.exp()).div(x.tanh().add(x.relu()).add(x.sigmoid())).add(x.log());
    const g = graphOf(y);
    g.nodes.forEach((n, i) => expect(n.id).toBe(i));
    for (const e of g.edges) expect(e.from).toBeLessThan(e.to);
    expect(g.nodes[g.nodes.length - 1].op).toBe('+');
    const ops = new Set(g.nodes.map((n) => n.op));
    for (const op of ['', '+', '*', '**2', '**-1', 'exp', 'log', 'tanh', 'relu', 'sigmoid']) expect(ops.has(op)).toBe(true);
    // Number operands are unlabelled constant leaves: neg is x·(−1), div multiplies by **-1.
    expect(g.nodes.some((n) => n.op === '' && n.label === '' && n.data === -1)).toBe(true);
  });

  it('has one edge per operand, so a·a gives two edges from a', () => {
    const a = new Value(3, { label: 'a' });
    const g = graphOf(a.mul(a));
    expect(g.nodes.length).toBe(2);
    expect(g.edges).toEqual([
      { from: 0, to: 1 },
      { from: 0, to: 1 },
    ]);
  });

  it('a leaf alone is a graph of one node and no edges', () => {
    expect(graphOf(new Value(5))).toEqual({ nodes: [{ id: 0, label: '', op: '', data: 5, grad: 0 }], edges: [] });
  });

  it('copies data and grad at the time of the call', () => {
    const { d } = lectureGraph();
    const before = graphOf(d);
    d.backward();
    expect(before.nodes[0].grad).toBe(-3);
    expect(graphOf(d).nodes[0].grad).toBe(-6);
  });
});

describe('toDot', () => {
  it('draws records and op nodes like micrograd draw_dot', () => {
    const a = new Value(2, { label: 'a' });
    const b = new Value(-3, { label: 'b' });
    const y = a.mul(b);
    y.label = 'y';
    y.backward();
    expect(toDot(y)).toBe(
      [
        'digraph G {',
        '  rankdir=LR;',
        '  n0 [shape=record, label="{ a | data 2.0000 | grad -3.0000 }"];',
        '  n1 [shape=record, label="{ b | data -3.0000 | grad 2.0000 }"];',
        '  n2 [shape=record, label="{ y | data -6.0000 | grad 1.0000 }"];',
        '  n2_op [label="*"];',
        '  n2_op -> n2;',
        '  n0 -> n2_op;',
        '  n1 -> n2_op;',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('has one record per node, one op node per computed node and one edge per graphOf edge', () => {
    const { d } = lectureGraph();
    const dot = toDot(d);
    const g = graphOf(d);
    expect(dot.match(/shape=record/g)!.length).toBe(g.nodes.length);
    expect(dot.match(/^ {2}n\d+_op \[/gm)!.length).toBe(g.nodes.filter((n) => n.op !== '').length);
    expect(dot.match(/^ {2}n\d+ -> n\d+_op;$/gm)!.length).toBe(g.edges.length);
    expect(dot).toContain('  n4_op [label="+"];');
    expect(dot).toContain('  n3 -> n4_op;');
  });

  it('leaves out the label field of unlabelled nodes and shows non-finite numbers', () => {
    const dot = toDot(new Value(1000).exp());
    expect(dot).toContain('n0 [shape=record, label="{ data 1000.0000 | grad 0.0000 }"];');
    expect(dot).toContain('n1 [shape=record, label="{ data Infinity | grad 0.0000 }"];');
    expect(dot).toContain('n1_op [label="exp"];');
  });

  it('escapes quotes, backslashes and record syntax in labels', () => {
    const dot = toDot(new Value(1, { label: 'w|<in>{"x"}\\' }));
    expect(dot).toContain('label="{ w\\|\\<in\\>\\{\\"x\\"\\}\\\\ | data 1.0000 | grad 0.0000 }"');
  });

  it('takes digits and rankdir options with exported defaults', () => {
    expect(DEFAULT_DOT_DIGITS).toBe(4);
    expect(DEFAULT_DOT_RANKDIR).toBe('LR');
    const dot = toDot(new Value(Math.PI, { label: 'pi' }), { digits: 2, rankdir: 'TB' });
    expect(dot).toContain('rankdir=TB;');
    expect(dot).toContain('{ pi | data 3.14 | grad 0.00 }');
  });
});
