/**
 * The partial-derivatives exercise reads a student's derivative as hostile text
 * (course/partial-derivatives/derivative.ts): only numbers, x, y, arithmetic, parentheses and a few
 * functions pass; its feedback says where and what, gives a hint, and never the derivative itself.
 * Pure functions, no sandbox: cheap.
 */
import { describe, expect, test } from 'vitest';
import { checkPartial, MAX_EXPRESSION_LENGTH, parseAnswer } from '../../course/partial-derivatives/derivative';
import type { Point } from '../../course/partial-derivatives/derivative';
import { PARTIALS } from '../../course/partial-derivatives/losses';
import { symbolicDerivative } from '../../src/symbolic';

const POINTS: Point[] = [{ x: 1, y: 2 }, { x: -1.5, y: 0.5 }, { x: 3, y: -2 }];

/** The feedback of a failing check (the Feedback error's message), or undefined when it passes. */
function feedback(answer: string, key: keyof typeof PARTIALS): string | undefined {
  try {
    checkPartial(answer, PARTIALS[key], POINTS);
    return undefined;
  } catch (error) {
    expect((error as Error).name).toBe('Feedback');
    return (error as Error).message;
  }
}

describe('parseAnswer accepts the notations of a correct answer', () => {
  test.each([
    '4*x*(x^2 + y - 11) + 2*(x + y^2 - 7)',
    '4x^3 + 4x y - 42x + 2y^2 - 14',
    '2 * (pow(x, 2) + y - 11) * (2 * x)\t+ 2 * (x + pow(y, 2) - 7)',
    '-(-2 * (x*y - 1) * y)',
    'exp(log(2)) * sqrt(4) / 2 * y * (x*y - 1) + 0 * sin(x) * cos(y) * tanh(x)',
  ])('%s', (text) => {
    expect(parseAnswer(text).ok).toBe(true);
  });
});

describe('parseAnswer refuses everything else, saying why', () => {
  test.each([
    ['', /empty/],
    ['x'.repeat(MAX_EXPRESSION_LENGTH + 1), /401 characters; at most 400/],
    ['2x² − y', /character other than ASCII/],
    ['2*x\n+ y', /character other than ASCII/],
    ['2*x + (', /mathjs cannot parse it/],
    ['derivative("(x*y - 1)^2", "x")', /calls derivative\(…\)/],
    ['evaluate("2*x")', /calls evaluate\(…\)/],
    ['import({ y: 1 })', /calls import\(…\)/],
    ['simplify("x")', /calls simplify\(…\)/],
    ['g(x, y) = 2*x*y', /a function definition/],
    ['g = 2*x', /an assignment/],
    ['2*x; 3*y', /several statements/],
    ['z * x', /the symbol z/],
    ['pi * x', /the symbol pi/],
    ['2 cm * x', /the symbol cm/],
    ['"2*x"', /is not a finite number/],
    ['1e400 * x', /is not a finite number/],
    ['[2*x, y]', /a matrix or list/],
    ['{a: x}', /an object/],
    ['x > 0 ? x : y', /a condition/],
    ['1:3', /a range/],
    ['x == y', /operator "=="/],
    ['x!', /operator "!"/],
    ["x'", /operator "'"/],
    ['x mod 2', /operator "mod"/],
  ])('%j', (text, why) => {
    const parsed = parseAnswer(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(why);
  });

  test('a deeply nested answer under the length cap is refused by its node count, not by a crash', () => {
    const nested = `${'('.repeat(150)}x${')'.repeat(150)}`;
    expect(parseAnswer(nested).ok).toBe(true); // parentheses are not counted as parts…
    const sum = Array.from({ length: 190 }, () => 'x').join('+');
    const parsed = parseAnswer(sum);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(/more than 300 parts/);
  });
});

describe('checkPartial', () => {
  test('passes a correct derivative in any notation', () => {
    expect(feedback('4*x*(x^2 + y - 11) + 2*(x + y^2 - 7)', 'himmelblauX')).toBeUndefined();
    expect(feedback('2 x^2 + 4 x*y + 4 y^3 - 26 y - 22', 'himmelblauY')).toBeUndefined();
    expect(feedback('2*x*y^2 - 2*y', 'networkX')).toBeUndefined();
  });

  test('a wrong one: which derivative, the point, both values, a hint — never the derivative', () => {
    const text = feedback('2*(x^2 + y - 11) + 2*(x + y^2 - 7)', 'himmelblauX') ?? '';
    expect(text).toContain('input:    himmelblauGradient().x  (∂f/∂x of f(x, y) = (x² + y − 11)² + (x + y² − 7)²)');
    expect(text).toContain('problem:  at (x, y) = (1, 2) your expression is -20, but ∂f/∂x there is -36');
    expect(text).toMatch(/hint: +apply the chain rule to each square/);
    const answer = symbolicDerivative('(x^2 + y - 11)^2 + (x + y^2 - 7)^2', 'x').text;
    for (const part of [answer, '4*x*(x^2 + y - 11)', '4 x (x ^ 2 + y - 11)']) expect(text).not.toContain(part);
  });

  test('recognised mistakes get their own hint: the other variable, a flipped sign, a constant factor', () => {
    expect(feedback('2*x*(x*y - 1)', 'networkX')).toMatch(/hint: +this is ∂L\/∂y: differentiate with respect to x, holding y fixed/);
    expect(feedback('2*x*(1 - x*y)', 'networkY')).toMatch(/hint: +the sign is flipped/);
    expect(feedback('y*(x*y - 1)', 'networkX')).toMatch(/hint: +your expression is 0\.5 times the derivative everywhere/);
  });

  test('an answer that is not a finite real number somewhere fails there, with the point', () => {
    expect(feedback('2*y*(x*y - 1) + 0*log(x)', 'networkX')).toMatch(/at \(x, y\) = \(-1\.5, 0\.5\) it is .*not a finite real number/);
    expect(feedback('2*y*(x*y - 1)/(x - 1)', 'networkX')).toMatch(/at \(x, y\) = \(1, 2\) it is (Infinity|-Infinity|NaN), not a finite real number/);
  });

  test('the refusal of a cheat quotes it safely and says what is allowed', () => {
    const text = feedback('derivative("(x*y - 1)^2", "x")', 'networkX') ?? '';
    expect(text).toContain('problem:  it calls derivative(…), which is not allowed (derive it by hand)');
    expect(text).toContain('received: "derivative(\\"(x*y - 1)^2\\", \\"x\\")"');
    expect(text).toMatch(/hint: +use numbers, x and y/);
  });
});
