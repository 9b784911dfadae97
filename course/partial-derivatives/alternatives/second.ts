/**
 * Alternative correct partial-derivatives.ts: built from named pieces with template strings, in
 * another notation (pow, division, unary minus, spaces and a tab).
 */
const u = 'pow(x, 2) + y - 11';
const v = 'x + pow(y, 2) - 7';

export function himmelblauGradient(): { x: string; y: string } {
  return {
    x: `2 * (${u}) * (2 * x) + 2 * (${v})`,
    y: `(4 * (${u}) + 8 * y * (${v})) / 2`,
  };
}

export function networkGradient(): { x: string; y: string } {
  const r = '(x*y - 1)';
  return { x: `-(-2 * ${r} * y)`, y: `2 * ${r}\t* x` };
}
