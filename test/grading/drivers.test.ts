/**
 * Drivers read the student's arrays by index, never through the arrays' own methods: a wrong
 * optimizer that updates params in place and gives them an own `every()` (so a driver calling
 * `params.every(...)` would see "unchanged") must still lose points. It returns a new array, so
 * only the in-place update is wrong.
 */
import fs from 'fs';
import path from 'path';
import { afterAll, expect, test } from 'vitest';
import { grade } from '../../kit/grade/engine';
import { removeDir, solutionsCopy, SOLUTIONS } from './helpers';

const source = fs.readFileSync(path.join(SOLUTIONS, 'optimizers.ts'), 'utf8');
const honest = 'return (params, grads) => params.map((p, i) => p - lr * grads[i]);';
const cheat = `return (params, grads) => {
    for (let i = 0; i < params.length; i++) params[i] -= lr * grads[i];
    Object.defineProperty(params, 'every', { value: () => true });
    Object.defineProperty(params, 'some', { value: () => false });
    return params.map((p) => p); // a new array, so only the in-place update is wrong
  };`;
const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

test('an sgd that mutates its params and forges their own array methods loses points', async () => {
  expect(source).toContain(honest);
  const dir = solutionsCopy({ 'optimizers.ts': source.replace(honest, cheat) });
  dirs.push(dir);
  const [full, cheated] = await Promise.all([
    grade({ dir: SOLUTIONS, only: ['optimizers'] }),
    grade({ dir, only: ['optimizers'] }),
  ]);
  expect(full.score).toBe(full.maxScore);
  expect(cheated.score).toBeLessThan(full.maxScore);
  const lost = cheated.results.filter((r) => r.points < r.maxPoints).map((r) => r.name);
  expect(lost.some((name) => /new array|leaves params/.test(name))).toBe(true);
});
