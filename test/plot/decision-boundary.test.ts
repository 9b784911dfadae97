import { describe, expect, it } from 'vitest';
import { decisionBoundary, DEFAULT_BOUNDARY_RESOLUTION, BOUNDARY_PADDING } from '../../src/plot';
import { Tensor, tensor } from '../../src/tensor';

const data = { X: [[-1, -1], [1, -1], [-1, 1], [1, 1]], y: [0, 1, 0, 1] };

/** The class of a grid cell read back from the heatmap. */
function classAt(fig: ReturnType<typeof decisionBoundary>, x: number, y: number): number {
  const t = fig.data[0];
  const xs = t.x as number[];
  const ys = t.y as number[];
  const nearest = (arr: number[], v: number) => arr.reduce((best, a, i) => (Math.abs(a - v) < Math.abs(arr[best] - v) ? i : best), 0);
  return (t.z as number[][])[nearest(ys, y)][nearest(xs, x)];
}

describe('decisionBoundary', () => {
  it('labels from predict: the regions follow the rule, the data is drawn on top', () => {
    const rule = (X: Tensor) => {
      const out = new Float64Array(X.shape[0]);
      for (let i = 0; i < out.length; i++) out[i] = X.data[2 * i] + X.data[2 * i + 1] > 0 ? 1 : 0;
      return out;
    };
    const fig = decisionBoundary(rule, data);
    expect(fig.data[0].type).toBe('heatmap');
    expect(classAt(fig, 0.9, 0.5)).toBe(1);
    expect(classAt(fig, -0.9, 0.5)).toBe(0);
    expect(classAt(fig, -0.3, -1)).toBe(0);
    expect(fig.data.slice(1).map((t) => t.name)).toEqual(['class 0', 'class 1']);
    // The default window: the data's box widened by BOUNDARY_PADDING on each side.
    const xs = fig.data[0].x as number[];
    expect(xs).toHaveLength(DEFAULT_BOUNDARY_RESOLUTION);
    expect(xs[0]).toBeCloseTo(-1 - 2 * BOUNDARY_PADDING, 12);
    expect(xs[xs.length - 1]).toBeCloseTo(1 + 2 * BOUNDARY_PADDING, 12);
    expect(JSON.parse(JSON.stringify(fig))).toEqual(fig);
  });

  it('scores of shape [M, C]: the argmax; one score per row: compared with the threshold', () => {
    const logits = (X: Tensor) => X.matmul(tensor([[1, 0, -1], [0, 1, 0]])); // classes by the larger of x, y, −x
    const fig = decisionBoundary(logits, { X: data.X, y: [0, 1, 2, 1] }, { x: [-2, 2, 41], y: [-2, 2, 41] });
    expect(classAt(fig, 1.5, 0)).toBe(0);
    expect(classAt(fig, 0, 1.5)).toBe(1);
    expect(classAt(fig, -1.5, 0)).toBe(2);
    const prob = (X: Tensor) => X.matmul(tensor([[1], [0]])).sigmoid();
    const a = decisionBoundary(prob, data, { resolution: 21 });
    expect(classAt(a, 0.2, 0)).toBe(1);
    expect(classAt(a, -0.2, 0)).toBe(0);
    // Logits with threshold 0 give the same regions as probabilities with 0.5.
    const b = decisionBoundary((X) => X.matmul(tensor([[1], [0]])), data, { resolution: 21, threshold: 0 });
    expect(b.data[0].z).toEqual(a.data[0].z);
  });

  it('predict runs without recording a graph', () => {
    const w = tensor([[1], [1]], { requiresGrad: true });
    let recorded = true;
    decisionBoundary((X) => {
      const out = X.matmul(w);
      recorded = out.requiresGrad;
      return out.reshape(-1);
    }, data, { resolution: 5 });
    expect(recorded).toBe(false);
  });

  it('error messages', () => {
    expect(() => decisionBoundary('model' as never, data)).toThrow(
      'decisionBoundary: predict must be a function (X: Tensor [M, 2]) => Tensor of scores or labels, received "model"',
    );
    expect(() => decisionBoundary(() => tensor([1, 2]), data, { resolution: 3 })).toThrow(
      'decisionBoundary: predict must return shape [9] or [9, C] for a grid of 9 points, received [2]',
    );
    expect(() => decisionBoundary(() => [1], data, { resolution: 3 })).toThrow(
      'decisionBoundary: predict must return one value per grid point (9), received 1',
    );
    expect(() => decisionBoundary(() => 'x' as never, data)).toThrow(
      'decisionBoundary: the result of predict must be a Tensor or an array of numbers, received "x"',
    );
    expect(() => decisionBoundary(() => [0], data, { resolution: 1 })).toThrow(
      'decisionBoundary: resolution must be an integer >= 2, received 1',
    );
  });
});
