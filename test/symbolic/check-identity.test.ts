import { describe, expect, it } from 'vitest';
import { checkIdentity } from '../../src/symbolic';

describe('checkIdentity', () => {
  it("Adam's bias correction: (1 − β)Σβ^{t−k} g = (1 − β^t) g for t = 3 (chapter 07)", () => {
    const r = checkIdentity('(1 - b) * (b^2*g + b*g + g)', '(1 - b^3) * g', ['b', 'g'], { at: { range: { b: [0, 1] } } });
    expect(r.ok).toBe(true);
    for (const p of r.points) expect(p.lhs).toBeCloseTo((1 - p.at.b ** 3) * p.at.g, 12);
  });

  it('catches the wrong power (1 − β²) g', () => {
    const r = checkIdentity('(1 - b) * (b^2*g + b*g + g)', '(1 - b^2) * g', ['b', 'g']);
    expect(r.ok).toBe(false);
    expect(r.toString()).toContain('FAILED');
  });

  it('softmax is unchanged by a shift of the logits (chapter 02, numerical stability)', () => {
    const lhs = 'exp(z1) / (exp(z1) + exp(z2) + exp(z3))';
    const rhs = 'exp(z1 - c) / (exp(z1 - c) + exp(z2 - c) + exp(z3 - c))';
    expect(checkIdentity(lhs, rhs).ok).toBe(true);
    expect(checkIdentity(lhs, 'exp(z1 - c) / (exp(z1) + exp(z2) + exp(z3))').ok).toBe(false);
  });

  it('the stable log-sum-exp with m = max(a, b), and 1 − σ(z) = σ(−z)', () => {
    expect(checkIdentity('log(exp(a) + exp(b))', 'm + log(exp(a - m) + exp(b - m))', undefined, { define: { m: 'max(a, b)' } }).ok).toBe(true);
    expect(checkIdentity('1 - sigmoid(z)', 'sigmoid(-z)').ok).toBe(true);
  });

  it('the softmax gradient identity Σ_k p_k (δ_1k − p_1)·… : Σ_j ∂p₁/∂z_j = 0', () => {
    const define = { S: 'exp(z1) + exp(z2) + exp(z3)', p1: 'exp(z1)/S', p2: 'exp(z2)/S', p3: 'exp(z3)/S' };
    expect(checkIdentity('p1*(1 - p1) - p1*p2 - p1*p3', '0', ['z1', 'z2', 'z3'], { define }).ok).toBe(true);
  });

  it('given values and the reported variables', () => {
    const r = checkIdentity('a * x', '2 * x', ['x'], { given: { a: 2 } });
    expect(r.ok).toBe(true);
    expect(r.vars).toEqual(['x']);
    expect(r.points.every((p) => p.at.a === 2)).toBe(true);
    expect(r.toMarkdown()).toContain('$$');
    expect(r.lhsTex).toContain('a');
    expect(r.toHtml()).toContain('<table>');
  });

  it('error messages', () => {
    expect(() => checkIdentity('a * x', 'x', ['x'])).toThrow(
      'checkIdentity: vars must list every variable of lhs and rhs that is not in options.given; missing a (received vars ["x"])',
    );
    expect(() => checkIdentity('a * x', 'x', 'x' as never)).toThrow(
      'checkIdentity: vars must be an array of variable names such as ["b", "g"], received "x"',
    );
    expect(() => checkIdentity('(', 'x')).toThrow(/checkIdentity: lhs is not a valid mathjs expression/);
    expect(() => checkIdentity('x', 'x', undefined, { samples: 3 } as never)).toThrow(/checkIdentity: unknown option "samples"/);
    expect(() => checkIdentity('sqrt(x)', 'x^0.5', undefined, { at: [{ x: -4 }] })).toThrow(
      /checkIdentity: lhs is not a finite real number at x = -4/,
    );
  });
});
