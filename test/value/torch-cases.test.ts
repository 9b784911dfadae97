import { readFileSync } from 'fs';
import { join } from 'path';
import { describe, expect, it } from 'vitest';
import { Value } from '../../src/value';

/** The `value` list of test/fixtures/torch-cases.json: micrograd's test_engine.py run in PyTorch (float64). */
interface ValueCase {
  name: string;
  out: number;
  grads: Record<string, number>;
}

const fixture = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'torch-cases.json'), 'utf8')) as {
  value: ValueCase[];
};

const TOL = 1e-12;

function expectClose(actual: number, want: number, what: string): void {
  const ok = Math.abs(actual - want) <= TOL + TOL * Math.abs(want);
  expect(ok, `${what}: got ${actual}, PyTorch ${want}`).toBe(true);
}

/** Each builder returns the output and the leaves named in the fixture's `grads`. */
const builders: Record<string, () => { out: Value; leaves: Record<string, Value> }> = {
  // x = -4; z = 2x + 2 + x; q = relu(z) + z·x; h = relu(z·z); y = h + q + q·x
  sanity_check: () => {
    const x = new Value(-4.0, { label: 'x' });
    const z = x.mul(2).add(2).add(x);
    const q = z.relu().add(z.mul(x));
    const h = z.mul(z).relu();
    const y = h.add(q).add(q.mul(x));
    return { out: y, leaves: { x } };
  },
  // micrograd's test_more_ops
  more_ops: () => {
    const a = new Value(-4.0, { label: 'a' });
    const b = new Value(2.0, { label: 'b' });
    let c = a.add(b);
    let d = a.mul(b).add(b.pow(3));
    c = c.add(c).add(1);
    c = c.add(1).add(c).add(a.neg());
    d = d.add(d.mul(2)).add(b.add(a).relu());
    d = d.add(d.mul(3)).add(b.sub(a).relu());
    const e = c.sub(d);
    const f = e.pow(2);
    let g = f.div(2.0);
    g = g.add(f.rdiv(10.0));
    return { out: g, leaves: { a, b } };
  },
  // a = 0.7, b = -1.3; c = tanh(a·b) + log(a + 2)·exp(b) − sigmoid(a − b) / (b·b); out = c²
  transcendental: () => {
    const a = new Value(0.7, { label: 'a' });
    const b = new Value(-1.3, { label: 'b' });
    const c = a
      .mul(b)
      .tanh()
      .add(a.add(2).log().mul(b.exp()))
      .sub(a.sub(b).sigmoid().div(b.mul(b)));
    return { out: c.pow(2), leaves: { a, b } };
  },
};

describe('Value matches PyTorch on micrograd test_engine cases (1e-12)', () => {
  it('the fixture has exactly the three described cases', () => {
    expect(fixture.value.map((c) => c.name).sort()).toEqual(Object.keys(builders).sort());
  });

  for (const c of fixture.value) {
    it(c.name, () => {
      const build = builders[c.name];
      expect(build, `no builder for fixture case ${c.name}`).toBeDefined();
      const { out, leaves } = build();
      expectClose(out.data, c.out, `${c.name} out`);
      out.backward();
      expect(Object.keys(leaves).sort()).toEqual(Object.keys(c.grads).sort());
      for (const [name, want] of Object.entries(c.grads)) expectClose(leaves[name].grad, want, `${c.name} d/d${name}`);
    });
  }

  it('sanity_check prints like micrograd', () => {
    const { out } = builders.sanity_check();
    out.backward();
    expect(out.toString()).toBe('Value(data=-20, grad=1)');
  });
});
