import { describe, expect, it } from 'vitest';
import { checkDerivative, symbolicDerivative, texOf, DEFAULT_SAMPLES } from '../../src/symbolic';

/**
 * Oracles: hand derivations that are known to be right (and deliberately wrong variants that must
 * fail), plus central finite differences of the original function written in plain JS.
 */

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Central difference of f along one variable of a point. */
function centralDifference(f: (p: Record<string, number>) => number, at: Record<string, number>, v: string): number {
  const h = 1e-6;
  return (f({ ...at, [v]: at[v] + h }) - f({ ...at, [v]: at[v] - h })) / (2 * h);
}

describe('the MSE gradient 2(ŷ − y)/n (chapter 01)', () => {
  const expr = '((yhat1 - y1)^2 + (yhat2 - y2)^2 + (yhat3 - y3)^2) / 3';

  it('mathjs agrees with the hand formula for every prediction', () => {
    for (const k of [1, 2, 3]) {
      const r = checkDerivative({ expr, wrt: `yhat${k}`, expected: `2 * (yhat${k} - y${k}) / 3` });
      expect(r.ok).toBe(true);
      expect(r.points).toHaveLength(DEFAULT_SAMPLES);
      expect(r.maxAbsError).toBeLessThan(1e-12);
    }
  });

  it('the compared values are the true derivative (finite differences)', () => {
    const f = (p: Record<string, number>) =>
      ((p.yhat1 - p.y1) ** 2 + (p.yhat2 - p.y2) ** 2 + (p.yhat3 - p.y3) ** 2) / 3;
    const r = checkDerivative({ expr, wrt: 'yhat2', expected: '2 * (yhat2 - y2) / 3' });
    for (const p of r.points) {
      expect(p.symbolic).toBeCloseTo(centralDifference(f, p.at, 'yhat2'), 6);
      expect(p.expected).toBeCloseTo(2 * (p.at.yhat2 - p.at.y2) / 3, 12);
    }
  });

  it('catches a missing factor 2', () => {
    const r = checkDerivative({ expr, wrt: 'yhat1', expected: '(yhat1 - y1) / 3' });
    expect(r.ok).toBe(false);
    expect(r.maxAbsError).toBeGreaterThan(0.1);
    expect(r.toString()).toContain('FAILED');
  });

  it('catches a sign error', () => {
    expect(checkDerivative({ expr, wrt: 'yhat1', expected: '2 * (y1 - yhat1) / 3' }).ok).toBe(false);
  });

  it('catches a forgotten 1/n', () => {
    expect(checkDerivative({ expr, wrt: 'yhat1', expected: '2 * (yhat1 - y1)' }).ok).toBe(false);
  });

  it('the gradient with respect to w and b of a linear model ŷ = w x + b', () => {
    const loss = '((w*x1 + b - y1)^2 + (w*x2 + b - y2)^2) / 2';
    expect(checkDerivative({ expr: loss, wrt: 'w', expected: '(w*x1 + b - y1)*x1 + (w*x2 + b - y2)*x2' }).ok).toBe(true);
    expect(checkDerivative({ expr: loss, wrt: 'b', expected: '(w*x1 + b - y1) + (w*x2 + b - y2)' }).ok).toBe(true);
    expect(checkDerivative({ expr: loss, wrt: 'b', expected: '(w*x1 + b - y1)*x1 + (w*x2 + b - y2)*x2' }).ok).toBe(false);
  });
});

describe('the BCE-with-logits gradient σ(z) − y (chapter 02)', () => {
  const bce = '-(y * log(sigmoid(z)) + (1 - y) * log(1 - sigmoid(z)))';

  it('holds for the probability form and the logits form', () => {
    const range = { y: [0, 1] as [number, number], z: [-4, 4] as [number, number] };
    expect(checkDerivative({ expr: bce, wrt: 'z', expected: 'sigmoid(z) - y', at: { range } }).ok).toBe(true);
    // The stable form: log(1 + e^z) − y z.
    expect(checkDerivative({ expr: 'softplus(z) - y * z', wrt: 'z', expected: 'sigmoid(z) - y', at: { range } }).ok).toBe(true);
  });

  it('the values match finite differences of the loss written in plain JS', () => {
    const f = (p: Record<string, number>) =>
      -(p.y * Math.log(sigmoid(p.z)) + (1 - p.y) * Math.log(1 - sigmoid(p.z)));
    const r = checkDerivative({ expr: bce, wrt: 'z', expected: 'sigmoid(z) - y', at: { samples: 8, seed: 3 } });
    for (const p of r.points) expect(p.symbolic).toBeCloseTo(centralDifference(f, p.at, 'z'), 6);
  });

  it('catches the flipped sign y − σ(z)', () => {
    expect(checkDerivative({ expr: bce, wrt: 'z', expected: 'y - sigmoid(z)' }).ok).toBe(false);
  });

  it("σ'(z) = σ(z)(1 − σ(z)), and log(1 + e^{−z}) has derivative σ(z) − 1", () => {
    expect(checkDerivative({ expr: 'sigmoid(z)', wrt: 'z', expected: 'sigmoid(z) * (1 - sigmoid(z))' }).ok).toBe(true);
    expect(checkDerivative({ expr: 'log(1 + exp(-z))', wrt: 'z', expected: 'sigmoid(z) - 1' }).ok).toBe(true);
    expect(checkDerivative({ expr: 'sigmoid(z)', wrt: 'z', expected: 'sigmoid(z) * (1 + sigmoid(z))' }).ok).toBe(false);
  });
});

describe('the softmax cross-entropy gradient softmax − onehot for 3 classes (chapter 02)', () => {
  const define = { S: 'exp(z1) + exp(z2) + exp(z3)' };
  const ce = '-(y1 * log(exp(z1) / S) + y2 * log(exp(z2) / S) + y3 * log(exp(z3) / S))';

  it('∂L/∂z_k = p_k − y_k for every k and every one-hot target', () => {
    for (const target of [1, 2, 3]) {
      const given = { y1: target === 1 ? 1 : 0, y2: target === 2 ? 1 : 0, y3: target === 3 ? 1 : 0 };
      for (const k of [1, 2, 3]) {
        const r = checkDerivative({ expr: ce, wrt: `z${k}`, expected: `exp(z${k}) / S - y${k}`, define, given });
        expect(r.ok).toBe(true);
        for (const p of r.points) expect(p.at[`y${target}`]).toBe(1);
      }
    }
  });

  it('the values match the formula p − y computed in plain JS', () => {
    const r = checkDerivative({ expr: ce, wrt: 'z3', expected: 'exp(z3) / S - y3', define, given: { y1: 0, y2: 1, y3: 0 } });
    for (const { at, symbolic } of r.points) {
      const s = Math.exp(at.z1) + Math.exp(at.z2) + Math.exp(at.z3);
      expect(symbolic).toBeCloseTo(Math.exp(at.z3) / s - 0, 12);
    }
  });

  it('the softmax Jacobian ∂p₁/∂z₂ = −p₁p₂ and ∂p₁/∂z₁ = p₁(1 − p₁)', () => {
    expect(checkDerivative({ expr: 'exp(z1) / S', wrt: 'z2', expected: '-(exp(z1) / S) * (exp(z2) / S)', define }).ok).toBe(true);
    expect(checkDerivative({ expr: 'exp(z1) / S', wrt: 'z1', expected: '(exp(z1) / S) * (1 - exp(z1) / S)', define }).ok).toBe(true);
  });

  it('catches a forgotten − y_k', () => {
    const r = checkDerivative({ expr: ce, wrt: 'z1', expected: 'exp(z1) / S', define, given: { y1: 1, y2: 0, y3: 0 } });
    expect(r.ok).toBe(false);
  });
});

describe("tanh' = 1 − tanh² (chapter 05)", () => {
  it('holds, and a wrong formula fails', () => {
    expect(checkDerivative({ expr: 'tanh(x)', wrt: 'x', expected: '1 - tanh(x)^2' }).ok).toBe(true);
    expect(checkDerivative({ expr: 'tanh(x)', wrt: 'x', expected: '1 - tanh(x)' }).ok).toBe(false);
    expect(checkDerivative({ expr: 'tanh(x)', wrt: 'x', expected: '1 + tanh(x)^2' }).ok).toBe(false);
  });

  it('explicit points are used as given', () => {
    const r = checkDerivative({ expr: 'tanh(x)', wrt: 'x', expected: '1 - tanh(x)^2', at: [{ x: 0 }, { x: 1 }] });
    expect(r.points.map((p) => p.at.x)).toEqual([0, 1]);
    expect(r.points[0].symbolic).toBe(1);
    expect(r.points[1].expected).toBeCloseTo(1 - Math.tanh(1) ** 2, 15);
  });
});

describe('random points', () => {
  it('the same seed gives the same points, another seed others, all inside the range', () => {
    const opts = { expr: 'x^3', wrt: 'x', expected: '3*x^2' };
    const a = checkDerivative({ ...opts, at: { samples: 5, seed: 7, range: [1, 2] } });
    const b = checkDerivative({ ...opts, at: { samples: 5, seed: 7, range: [1, 2] } });
    const c = checkDerivative({ ...opts, at: { samples: 5, seed: 8, range: [1, 2] } });
    expect(a.points).toEqual(b.points);
    expect(a.points).not.toEqual(c.points);
    for (const p of a.points) {
      expect(p.at.x).toBeGreaterThanOrEqual(1);
      expect(p.at.x).toBeLessThanOrEqual(2);
    }
  });

  it('per-variable ranges', () => {
    const r = checkDerivative({ expr: 'log(p) * q', wrt: 'p', expected: 'q / p', at: { range: { p: [0.1, 0.9] } } });
    expect(r.ok).toBe(true);
    for (const pt of r.points) {
      expect(pt.at.p).toBeGreaterThanOrEqual(0.1);
      expect(pt.at.q).toBeGreaterThanOrEqual(-2);
      expect(pt.at.q).toBeLessThanOrEqual(2);
    }
  });
});

describe('display', () => {
  const r = checkDerivative({ expr: 'log(1 + exp(-z))', wrt: 'z', expected: 'sigmoid(z) - 1' });

  it('gives mathjs’s derivative as text and both expressions in LaTeX', () => {
    expect(r.symbolic).toContain('exp(-z)');
    expect(r.expected).toBe('sigmoid(z) - 1');
    expect(r.expectedTex).toContain('\\sigma');
    expect(r.symbolicTex).toContain('\\frac');
    expect(r.exprTex).toContain('\\ln');
  });

  it('toString, toMarkdown and toHtml show the verdict and the math', () => {
    expect(r.toString()).toMatch(/OK \(20 points/);
    expect(r.toMarkdown()).toContain('$$\\frac{\\partial}{\\partial');
    expect(r.toMarkdown()).toContain(r.expectedTex);
    const html = r.toHtml();
    expect(html).toContain('$$');
    expect(html).toContain('<table>');
    expect(html).toContain('✓');
  });

  it('subscripts and hats in LaTeX', () => {
    expect(texOf('yhat1 - y1')).toMatch(/\\hat\{\s*y\}_\{1\}\s*-\s*y_\{1\}/);
    expect(texOf('beta2^t')).toContain('\\beta_{2}');
  });

  it('symbolicDerivative returns mathjs’s derivative', () => {
    const d = symbolicDerivative('x^2 * y', 'x');
    expect(d.text.replace(/\s/g, '')).toMatch(/^(2\*x\*y|2\*y\*x|y\*2\*x|x\*y\*2|y\*x\*2|x\*2\*y)$/);
    expect(d.tex).toContain('x');
  });
});

describe('error messages', () => {
  const base = { expr: 'x^2', wrt: 'x', expected: '2*x' };

  it('names a bad expression', () => {
    expect(() => checkDerivative({ ...base, expr: 'x +* 2' })).toThrow(/checkDerivative: expr is not a valid mathjs expression/);
    expect(() => checkDerivative({ ...base, expected: '' })).toThrow(
      'checkDerivative: expected must be a non-empty expression string such as "x^2 + 1", received ""',
    );
  });

  it('names a wrt that is not in expr', () => {
    expect(() => checkDerivative({ ...base, wrt: 'y' })).toThrow(
      'checkDerivative: wrt must be a variable of expr (x), received "y"',
    );
    expect(() => checkDerivative({ ...base, wrt: 3 as unknown as string })).toThrow(
      'checkDerivative: wrt must be a variable name such as "z", received 3',
    );
  });

  it('rejects unknown options', () => {
    expect(() => checkDerivative({ ...base, point: 1 } as never)).toThrow(/checkDerivative: unknown option "point"/);
    expect(() => checkDerivative(null as never)).toThrow(/checkDerivative: options must be an object/);
  });

  it('explains non-differentiable functions', () => {
    expect(() => checkDerivative({ expr: 'max(x, 0)', wrt: 'x', expected: '1' })).toThrow(
      /checkDerivative: mathjs cannot differentiate expr .*no max\/relu\/abs/,
    );
  });

  it('explains a point where an expression is not real', () => {
    expect(() => checkDerivative({ expr: 'x * log(p)', wrt: 'x', expected: 'log(p)', at: [{ x: 1, p: -1 }] })).toThrow(
      /checkDerivative: mathjs's derivative is not a finite real number at x = 1, p = -1 \(it evaluates to .*i\)/,
    );
  });

  it('names missing variables of explicit points and bad sampling options', () => {
    expect(() => checkDerivative({ expr: 'x*y', wrt: 'x', expected: 'y', at: [{ x: 1 }] })).toThrow(
      'checkDerivative: at[0] must give a value to every variable (x, y), missing y',
    );
    expect(() => checkDerivative({ ...base, at: [] })).toThrow('checkDerivative: at must be a non-empty array of points');
    expect(() => checkDerivative({ ...base, at: { samples: 0 } })).toThrow(
      'checkDerivative: at.samples must be an integer >= 1, received 0',
    );
    expect(() => checkDerivative({ ...base, at: { range: [2, 1] } })).toThrow(
      'checkDerivative: at.range of x must be a range [lo, hi] of finite numbers with lo <= hi, received [2, 1] (array of length 2)',
    );
    expect(() => checkDerivative({ ...base, at: { sample: 3 } as never })).toThrow(/unknown option "sample"/);
    expect(() => checkDerivative({ ...base, given: { x: Number.NaN } })).toThrow(
      'checkDerivative: given.x must be a finite number, received NaN',
    );
  });

  it('names a bad tolerance and a circular definition', () => {
    expect(() => checkDerivative({ ...base, tolerance: 0 })).toThrow(
      'checkDerivative: tolerance must be a finite number > 0, received 0',
    );
    expect(() => checkDerivative({ expr: 'A * x', wrt: 'x', expected: 'A', define: { A: 'B + 1', B: 'A' } })).toThrow(
      'checkDerivative: define is circular (a name refers to itself through its definition)',
    );
    expect(() => checkDerivative({ ...base, define: { '1a': 'x' } })).toThrow(
      'checkDerivative: a name in define must be an identifier such as S or p1, received "1a"',
    );
  });

  it('sigmoid takes one argument', () => {
    expect(() => checkDerivative({ expr: 'sigmoid(x, 2)', wrt: 'x', expected: '1' })).toThrow(
      'checkDerivative: sigmoid takes one argument, received 2',
    );
  });
});
