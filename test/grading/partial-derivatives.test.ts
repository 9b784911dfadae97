/**
 * The partial-derivatives exercise reads a student's derivative as hostile text
 * (course/partial-derivatives/derivative.ts): only numbers, x, y, arithmetic, parentheses and a few
 * functions pass; its feedback says where and what, gives a hint, and never the derivative itself.
 * Pure functions, no sandbox: cheap.
 */
import { describe, expect, test } from 'vitest';
import { Feedback } from '../../kit/grade/api';
import { messages as catalogue, render } from '../../kit/grade/i18n/catalogue';
import { checkPartial, MAX_EXPRESSION_LENGTH, parseAnswer } from '../../course/partial-derivatives/derivative';
import type { Point } from '../../course/partial-derivatives/derivative';
import { PARTIALS } from '../../course/partial-derivatives/losses';
import messages from '../../course/partial-derivatives/messages';
import { symbolicDerivative } from '../../src/symbolic';

const POINTS: Point[] = [{ x: 1, y: 2 }, { x: -1.5, y: 0.5 }, { x: 3, y: -2 }];

/** The feedback of a failing check (the Feedback error's message), or undefined when it passes. */
function feedback(answer: string, key: keyof typeof PARTIALS, m = messages.en): string | undefined {
  try {
    checkPartial(answer, PARTIALS[key], POINTS, m);
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
    expect(parseAnswer(text, messages.en).ok).toBe(true);
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
    const parsed = parseAnswer(text, messages.en);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(why);
  });

  test('a deeply nested answer under the length cap is refused by its node count, not by a crash', () => {
    const nested = `${'('.repeat(150)}x${')'.repeat(150)}`;
    expect(parseAnswer(nested, messages.en).ok).toBe(true); // parentheses are not counted as parts…
    const sum = Array.from({ length: 190 }, () => 'x').join('+');
    const parsed = parseAnswer(sum, messages.en);
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

describe('in Korean: the same checks, every sentence from messages.ko', () => {
  /** The Korean feedback of a failing check (labels from the ko catalogue, sentences from messages.ko). */
  function korean(answer: string, key: keyof typeof PARTIALS): string {
    try {
      checkPartial(answer, PARTIALS[key], POINTS, messages.ko);
    } catch (error) {
      return render((error as Feedback).descentText, catalogue('ko'));
    }
    throw new Error(`${answer} passed`);
  }

  test('a wrong answer: the point, both values and the chain-rule hint, in Korean', () => {
    const text = korean('2*(x^2 + y - 11) + 2*(x + y^2 - 7)', 'himmelblauX');
    expect(text).toMatch(/^입력: +himmelblauGradient\(\)\.x {2}\(f\(x, y\) = \(x² \+ y − 11\)² \+ \(x \+ y² − 7\)²의 ∂f\/∂x\)$/m);
    expect(text).toMatch(/^문제: +\(x, y\) = \(1, 2\)에서 여러분의 식은 -20인데, 그 점의 ∂f\/∂x 값은 -36입니다$/m);
    expect(text).toMatch(/^힌트: +제곱마다 연쇄 법칙을 적용하세요/m);
  });

  test('the recognised mistakes and the refusals have Korean hints', () => {
    expect(korean('2*x*(x*y - 1)', 'networkX')).toContain('이것은 ∂L/∂y입니다. y를 고정하고 x에 대해 미분하세요');
    expect(korean('2*x*(1 - x*y)', 'networkY')).toContain('부호가 반대입니다');
    expect(korean('y*(x*y - 1)', 'networkX')).toContain('여러분의 식은 모든 점에서 편미분의 0.5배입니다');
    expect(korean('derivative("(x*y - 1)^2", "x")', 'networkX')).toMatch(/허용되지 않는 함수를 호출했습니다: derivative\(…\)[\s\S]*변수 x와 y/);
    for (const [text, why] of [['', '식이 비어 있습니다'], ['2x² − y', 'ASCII'], ['g = 2*x', '대입(=)'], ['z * x', '기호를 썼습니다: z'], ['x!', '연산자를 썼습니다: "!"']]) {
      const parsed = parseAnswer(text, messages.ko);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.problem).toContain(why);
    }
  });

  test('no English sentence is left in messages.ko (what stays Latin is code, names and symbols)', () => {
    const sentences: string[] = [];
    const collect = (v: unknown): void => {
      if (typeof v === 'string') sentences.push(v);
      else if (typeof v === 'function') sentences.push(String(v(...Array.from({ length: v.length }, () => ['x']))));
      else if (v !== null && typeof v === 'object') Object.values(v).forEach(collect);
    };
    collect(messages.ko);
    for (const s of sentences.filter((t) => t !== 'x')) expect(s, s).toMatch(/[\uac00-\ud7a3]/);
  });
});
