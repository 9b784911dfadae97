import { expect, it } from 'vitest';
import { describeEachBackend } from '../helpers/backends';
import { Linear, MLP, Module, ReLU, Sequential, Sigmoid, Tanh } from '../../src/nn';
import { Tensor, tensor } from '../../src/tensor';
import { rng } from '../../src/data/rng';

/** A network written by hand, as a student would: fields are found without registration. */
class TwoHeads extends Module {
  readonly trunk: Linear;
  readonly heads: Linear[];
  readonly scale = tensor([2]); // a constant (requiresGrad false): not a parameter
  readonly temperature = tensor([1.5], { requiresGrad: true }); // a parameter of its own
  constructor() {
    super();
    const r = rng(1);
    this.trunk = new Linear(2, 3, { rng: r });
    this.heads = [new Linear(3, 1, { rng: r }), new Linear(3, 1, { rng: r, bias: false })];
  }
  override forward(x: Tensor): Tensor {
    const h = this.trunk.forward(x).relu();
    return this.heads[0].forward(h).add(this.heads[1].forward(h)).mul(this.temperature);
  }
}

describeEachBackend('Module', () => {
  it('finds parameters in fields, arrays and sub-modules, each once, named by path', () => {
    const net = new TwoHeads();
    const names = net.namedParameters().map(([name, p]) => `${name} [${p.shape.join(', ')}]`);
    expect(names).toEqual([
      'temperature [1]',
      'trunk.weight [2, 3]',
      'trunk.bias [3]',
      'heads.0.weight [3, 1]',
      'heads.0.bias [1]',
      'heads.1.weight [3, 1]',
    ]);
    expect(net.parameters()[1]).toBe(net.trunk.weight);
    expect(net.numParameters()).toBe(1 + 6 + 3 + 3 + 1 + 3);
    expect(net.children().map(([name]) => name)).toEqual(['trunk', 'heads.0', 'heads.1']);
  });

  it('lists a layer used twice once', () => {
    const shared = new Linear(4, 4);
    const net = new Sequential(shared, new Tanh(), shared);
    expect(net.parameters()).toEqual([shared.weight, shared.bias]);
    expect(net.numParameters()).toBe(20);
    const outer = new Sequential(net, new Sequential(shared));
    expect(outer.parameters().length).toBe(2);
  });

  it('zeroGrad forgets every gradient', () => {
    const net = new TwoHeads();
    net.forward(tensor([[1, 2], [3, -4]])).sum().backward();
    expect(net.parameters().every((p) => p.grad !== null)).toBe(true);
    net.zeroGrad();
    expect(net.parameters().every((p) => p.grad === null)).toBe(true);
  });

  it('prints nested modules indented, as PyTorch does', () => {
    expect(String(new TwoHeads())).toBe(
      [
        'TwoHeads(',
        '  (trunk): Linear(inFeatures=2, outFeatures=3)',
        '  (heads.0): Linear(inFeatures=3, outFeatures=1)',
        '  (heads.1): Linear(inFeatures=3, outFeatures=1, bias=false)',
        ')',
      ].join('\n'),
    );
    const net = new Sequential(new Linear(2, 8), new ReLU(), new Sequential(new Linear(8, 1), new Sigmoid()));
    expect(net.toString()).toBe(
      [
        'Sequential(',
        '  (0): Linear(inFeatures=2, outFeatures=8)',
        '  (1): ReLU()',
        '  (2): Sequential(',
        '    (0): Linear(inFeatures=8, outFeatures=1)',
        '    (1): Sigmoid()',
        '  )',
        ')',
      ].join('\n'),
    );
    expect(String(new Sequential())).toBe('Sequential()');
  });
});

describeEachBackend('activations', () => {
  it('apply max(x, 0), tanh x and 1/(1 + e⁻ˣ) elementwise, keeping the shape', () => {
    const x = tensor([[-1, 0, 2]]);
    expect(new ReLU().forward(x).toArray()).toEqual([[0, 0, 2]]);
    const t = new Tanh().forward(x).toArray() as number[][];
    expect(t[0][0]).toBeCloseTo(-0.7615941559557649, 15);
    expect(t[0][2]).toBeCloseTo(0.9640275800758169, 15);
    const s = new Sigmoid().forward(x).toArray() as number[][];
    expect(s[0][1]).toBe(0.5);
    expect(s[0][2]).toBeCloseTo(0.8807970779778823, 15);
    expect(s[0][0]).toBeCloseTo(0.2689414213699951, 15);
  });

  it('have no parameters and print with empty parentheses', () => {
    for (const m of [new ReLU(), new Tanh(), new Sigmoid()]) {
      expect(m.parameters()).toEqual([]);
      expect(m.numParameters()).toBe(0);
    }
    expect(`${new ReLU()} ${new Tanh()} ${new Sigmoid()}`).toBe('ReLU() Tanh() Sigmoid()');
  });
});

describeEachBackend('Sequential', () => {
  it('applies its modules in order', () => {
    const double = new Linear(1, 1, { bias: false });
    double.weight.data[0] = 2;
    const shift = new Linear(1, 1);
    shift.weight.data[0] = 1;
    shift.bias!.data[0] = -3;
    const x = tensor([[1], [2]]);
    // (2x) − 3 then ReLU: [−1, 1] → [0, 1]; the other order: ReLU(x − 3)·2 = [0, 0]
    expect(new Sequential(double, shift, new ReLU()).forward(x).toArray()).toEqual([[0], [1]]);
    expect(new Sequential(shift, new ReLU(), double).forward(x).toArray()).toEqual([[0], [0]]);
    expect(new Sequential(double, shift).length).toBe(2);
  });

  it('is the identity when empty', () => {
    const x = tensor([1, 2]);
    expect(new Sequential().forward(x)).toBe(x);
  });
});

describeEachBackend('MLP', () => {
  it('is Linear layers with the activation between them and none after the last', () => {
    const net = new MLP([2, 64, 64, 3]);
    expect(net.toString()).toBe(
      [
        'MLP(',
        '  (0): Linear(inFeatures=2, outFeatures=64)',
        '  (1): ReLU()',
        '  (2): Linear(inFeatures=64, outFeatures=64)',
        '  (3): ReLU()',
        '  (4): Linear(inFeatures=64, outFeatures=3)',
        ')',
      ].join('\n'),
    );
    // (2·64 + 64) + (64·64 + 64) + (64·3 + 3) = 192 + 4160 + 195
    expect(net.numParameters()).toBe(4547);
    expect(net.parameters().length).toBe(6);
    expect(net.sizes).toEqual([2, 64, 64, 3]);
    expect(net.forward(tensor([[0.5, -1], [2, 0], [0, 0]])).shape).toEqual([3, 3]);
    const tanhNet = new MLP([3, 4, 1], { activation: 'tanh' });
    expect(tanhNet.layers.map((m) => m.typeName)).toEqual(['Linear', 'Tanh', 'Linear']);
    expect(tanhNet.numParameters()).toBe(3 * 4 + 4 + 4 + 1);
    expect(new MLP([5, 2]).layers.map((m) => m.typeName)).toEqual(['Linear']);
  });

  it('is reproducible from a seed, and its equal-sized layers start different', () => {
    const flat = (net: MLP): number[] => net.parameters().flatMap((p) => Array.from(p.data));
    expect(flat(new MLP([4, 4, 4], { seed: 5 }))).toEqual(flat(new MLP([4, 4, 4], { seed: 5 })));
    expect(flat(new MLP([4, 4, 4], { rng: rng(5) }))).toEqual(flat(new MLP([4, 4, 4], { seed: 5 })));
    expect(flat(new MLP([4, 4, 4], { seed: 6 }))).not.toEqual(flat(new MLP([4, 4, 4], { seed: 5 })));
    expect(flat(new MLP([4, 4, 4]))).toEqual(flat(new MLP([4, 4, 4], { seed: 0 })));
    const net = new MLP([4, 4, 4]);
    const [first, , second] = net.layers as Linear[];
    expect(Array.from(first.weight.data)).not.toEqual(Array.from(second.weight.data));
    // One generator, layer by layer: the same numbers as two Linear layers sharing rng(5).
    const r = rng(5);
    const byHand = [new Linear(4, 4, { rng: r }), new Linear(4, 4, { rng: r })];
    expect(flat(new MLP([4, 4, 4], { seed: 5 }))).toEqual(byHand.flatMap((l) => l.parameters()).flatMap((p) => Array.from(p.data)));
  });
});
