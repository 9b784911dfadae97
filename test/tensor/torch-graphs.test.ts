import { expect, it } from 'vitest';
import { describeEachBackend } from '../helpers/backends';
import { Tensor, tensor, crossEntropy, mse, binaryCrossEntropyWithLogits, softmax } from '../../src';
import { expectClose, flat, torchCases, Nested } from '../fixtures/torch-cases';

type Graph = (t: Record<string, Tensor>, raw: Record<string, Nested>) => Tensor;

/** The computations of the reference README, written with the public API. */
const graphs: Record<string, Graph> = {
  affine_tanh_sum: ({ X, W, b }) => X.matmul(W).add(b).tanh().sum(),
  reuse: ({ x }) => x.mul(x).add(x.exp().mul(x)).mean(),
  div_log_sigmoid: ({ a, b }) => a.pow(2).add(1).log().div(b.sigmoid().add(0.5)).sum(),
  sub_neg_relu_pow: ({ a, b }) => a.sub(b).relu().pow(3).sub(a.neg().relu().mul(2)).mean(),
  sum_axes: ({ X, v }) => X.sum(0).mul(v).sum().add(X.mean(1).pow(2).sum()),
  mlp_cross_entropy: ({ X, W1, b1, W2, b2 }, raw) =>
    crossEntropy(X.matmul(W1).add(b1).relu().matmul(W2).add(b2), raw.labels as number[]),
  mse_linear: ({ X, w, b }, raw) => mse(X.matmul(w).add(b), raw.y),
  bce_logits_linear: ({ X, w }, raw) => binaryCrossEntropyWithLogits(X.matmul(w), raw.y),
  softmax_weighted: ({ z, c }) => softmax(z).mul(c).sum(),
};

describeEachBackend('autograd graphs match PyTorch values and gradients', () => {
  it('has the 9 reference graphs, each with a builder', () => {
    expect(torchCases.graphs.map((g) => g.name).sort()).toEqual(Object.keys(graphs).sort());
  });
  for (const c of torchCases.graphs) {
    it(c.name, () => {
      const inputs: Record<string, Tensor> = {};
      for (const [name, value] of Object.entries(c.inputs)) {
        if (name === 'labels' || name === 'y') continue;
        inputs[name] = tensor(value, { requiresGrad: name in c.grads });
      }
      const out = graphs[c.name](inputs, c.inputs);
      expectClose(out.data, c.out, 1e-9, `${c.name} out`);
      out.backward();
      for (const [name, grad] of Object.entries(c.grads)) {
        const g = inputs[name].grad;
        expect(g, `${name}.grad`).not.toBeNull();
        expect(g!.shape).toEqual(inputs[name].shape);
        expectClose(g!.data, grad, 1e-9, `${c.name} ∂/∂${name}`);
        expect(flat(grad).length).toBe(inputs[name].size);
      }
    });
  }
});
