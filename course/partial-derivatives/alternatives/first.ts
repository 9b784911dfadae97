/** Alternative correct partial-derivatives.ts: the derivatives multiplied out into polynomials. */
export function himmelblauGradient(): { x: string; y: string } {
  return { x: '4x^3 + 4x y - 42x + 2y^2 - 14', y: '2 x^2 + 4 x*y + 4 y^3 - 26 y - 22' };
}

export function networkGradient(): { x: string; y: string } {
  return { x: '2*x*y^2 - 2*y', y: '2*x^2*y - 2*x' };
}
