/**
 * The release's parts on small inputs: notebook stubbing (nbgrader-style regions and `solution`
 * cells), the instructor config and the leak scan on planted leaks.
 */
import type { INotebookContent } from '@jupyterlab/nbformat';
import fs from 'fs';
import path from 'path';
import { afterAll, describe, expect, test } from 'vitest';
import { parseCourseConfig, readCourseConfig } from '../../kit/grade/config';
import { findLeaks, instructorOnly, isTrivialLine, secretLines } from '../../kit/release/leaks';
import { studentNotebook, stubRegions } from '../../kit/release/notebooks';
import { KIT, removeTemps, tempDir } from './helpers';

const KNOWN = ['mse', 'cross-entropy', 'autograd'];
afterAll(removeTemps);

function notebook(cells: Array<{ type: 'code' | 'markdown'; source: string; tags?: string[] }>): INotebookContent {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: 'tslab', display_name: 'TypeScript', language: 'typescript' } },
    cells: cells.map((c) =>
      c.type === 'code'
        ? { cell_type: 'code', source: c.source, metadata: c.tags ? { tags: c.tags } : {}, execution_count: 3, outputs: [{ output_type: 'stream', name: 'stdout', text: 'secret output\n' }] }
        : { cell_type: 'markdown', source: c.source, metadata: c.tags ? { tags: c.tags } : {} },
    ),
  } as INotebookContent;
}

const text = (nb: INotebookContent, i: number): string => {
  const s = nb.cells[i].source;
  return Array.isArray(s) ? s.join('') : s;
};

describe('notebooks', () => {
  test('outputs and execution counts go, solution cells and regions become stubs', () => {
    const nb = notebook([
      { type: 'code', source: 'const answer = 42;\nconsole.log(answer);', tags: ['solution', 'hide-input'] },
      { type: 'markdown', source: 'The derivative is $2x$.', tags: ['solution'] },
      { type: 'code', source: 'function f(x: number): number {\n  // BEGIN SOLUTION\n  return 2 * x;\n  // END SOLUTION\n}\nf(1);' },
      { type: 'code', source: '// BEGIN SOLUTION\nconst top = 1;\n// END SOLUTION\nshow(top);' },
      { type: 'markdown', source: 'Why?\n### BEGIN SOLUTION\nBecause the chain rule.\n### END SOLUTION\nNext.' },
      { type: 'code', source: 'const kept = 1;' },
    ]);
    const out = studentNotebook(nb, 'x.ipynb');
    expect(out.cells.every((c) => c.cell_type !== 'code' || ((c as { outputs: unknown[] }).outputs.length === 0 && c.execution_count === null))).toBe(true);
    expect(text(out, 0)).toBe('// YOUR CODE HERE');
    expect(out.cells[0].metadata).toEqual({ tags: ['hide-input'] });
    expect(text(out, 1)).toBe('YOUR ANSWER HERE');
    expect(out.cells[1].metadata).toEqual({});
    expect(text(out, 2)).toBe("function f(x: number): number {\n  // YOUR CODE HERE\n  throw new Error('TODO: your code here');\n}\nf(1);");
    expect(text(out, 3)).toBe('// YOUR CODE HERE\nshow(top);');
    expect(text(out, 4)).toBe('Why?\nYOUR ANSWER HERE\nNext.');
    expect(text(out, 5)).toBe('const kept = 1;');
    expect(JSON.stringify(out)).not.toMatch(/42|2 \* x|chain rule|secret output/);
    // the input is left alone
    expect(text(nb, 0)).toContain('42');
  });

  test('unbalanced markers are refused with the cell and the line', () => {
    expect(() => stubRegions('a\n// BEGIN SOLUTION\nb', 'code', 'ch.ipynb cell 4')).toThrow('ch.ipynb cell 4: BEGIN SOLUTION without an END SOLUTION');
    expect(() => stubRegions('a\n// END SOLUTION', 'code', 'ch.ipynb cell 2')).toThrow('ch.ipynb cell 2: END SOLUTION at line 2 without a BEGIN SOLUTION');
    expect(() => stubRegions('// BEGIN SOLUTION\n// BEGIN SOLUTION', 'code', 'c')).toThrow('c: BEGIN SOLUTION at line 2 inside another solution region');
  });
});

describe('course config', () => {
  test('valid settings are kept, trimmed, and defaults fill the rest', () => {
    const c = parseCourseConfig({ title: ' T ', exercises: { mse: { points: 12.5, due: ' Friday ' }, autograd: {} } }, KNOWN);
    expect(c).toEqual({ title: 'T', exercises: { mse: { points: 12.5, due: 'Friday' }, autograd: {} } });
    expect(readCourseConfig(path.join(KIT, 'no-such-config.json'), KNOWN).exercises).toEqual({});
  });

  test('every mistake names the field, what was expected and what was received', () => {
    expect(() => parseCourseConfig([], KNOWN)).toThrow('course.config.json: the file must be a JSON object, received [] (array of length 0)');
    expect(() => parseCourseConfig({ exercises: { 'mse.ts': {} } }, KNOWN)).toThrow(
      'course.config.json: exercises must be named mse, cross-entropy, autograd, received "mse.ts" (did you mean "mse"?)',
    );
    expect(() => parseCourseConfig({ exercises: { crossentropy: {} } }, KNOWN)).toThrow('(did you mean "cross-entropy"?)');
    expect(() => parseCourseConfig({ exercises: { mse: { points: -1 } } }, KNOWN)).toThrow(
      'course.config.json: exercises.mse: points must be a number > 0 with at most 2 decimals, received -1',
    );
    expect(() => parseCourseConfig({ exercises: { mse: { points: 1.234 } } }, KNOWN)).toThrow('received 1.234');
    expect(() => parseCourseConfig({ exercises: { mse: { due: 'a\nb' } } }, KNOWN)).toThrow('exercises.mse: due must be a non-empty one-line string, received "a\\nb"');
    expect(() => parseCourseConfig({ exercises: { mse: { point: 3 } } }, KNOWN)).toThrow('exercises.mse: unknown option "point"');
    expect(() => parseCourseConfig({ titel: 'x' }, KNOWN)).toThrow('course.config.json: unknown option "titel"');
    expect(() => parseCourseConfig({ title: '' }, KNOWN)).toThrow('title must be a non-empty one-line string, received ""');
    expect(() => parseCourseConfig({ exercises: { mse: 5 } }, KNOWN)).toThrow('exercises.mse must be an object like { "points": 10, "due": "…" }, received 5');
    const bad = path.join(tempDir('cfg'), 'c.json');
    fs.writeFileSync(bad, '{ nope');
    expect(() => readCourseConfig(bad, KNOWN)).toThrow(`${bad}: not valid JSON`);
  });
});

describe('leak scan', () => {
  const secrets = secretLines(KIT);
  const solution = fs.readFileSync(path.join(KIT, 'solutions', 'mse.ts'), 'utf8');
  const hidden = fs.readFileSync(path.join(KIT, 'course', 'mse', 'hidden', 'grader.ts'), 'utf8');

  test('knows distinctive lines of every solution, alternative, hidden grader and oracle, and nothing generic', () => {
    const from = new Set([...secrets.values()].map((v) => v.replace(/:\d+$/, '')));
    for (const f of fs.readdirSync(path.join(KIT, 'solutions')).filter((n) => n.endsWith('.ts'))) expect(from.has(`solutions/${f}`)).toBe(true);
    const instructors = (fs.readdirSync(path.join(KIT, 'course'), { recursive: true }) as string[])
      .map((f) => `course/${f.split(path.sep).join('/')}`)
      .filter((f) => /\/(hidden|alternatives)\/.*\.ts$/.test(f));
    expect(instructors.length).toBeGreaterThanOrEqual(20);
    for (const f of instructors) expect(from.has(f), f).toBe(true);
    expect(isTrivialLine('for (let i = 0; i < n; i++) {')).toBe(true);
    expect(isTrivialLine('epochs: number;')).toBe(true);
    expect(isTrivialLine('return total / yTrue.length;')).toBe(false);
  });

  test('finds a planted leak in code, notebook outputs, JSON strings, inline source maps and forbidden paths', () => {
    const nb = notebook([{ type: 'code', source: 'x' }]);
    (nb.cells[0] as { outputs: unknown[] }).outputs = [{ output_type: 'execute_result', data: { 'text/plain': solution.split('\n') }, metadata: {}, execution_count: 1 }];
    const inline = `var x;\n//# sourceMappingURL=data:application/json;base64,${Buffer.from(JSON.stringify({ sourcesContent: [solution] })).toString('base64')}\n`;
    const files = new Map<string, Buffer>([
      ['src/clean.ts', Buffer.from('export const a = 1;\n')],
      ['src/copied.ts', Buffer.from(solution)],
      ['notebooks/01.ipynb', Buffer.from(JSON.stringify(nb, null, 1))],
      ['kit/x.js', Buffer.from(inline)],
      ['README.md', Buffer.from(`notes\n${hidden}`)],
      ['kit/y.js.map', Buffer.from('{}')],
      ['solutions/empty.ts', Buffer.from('')],
    ]);
    const leaks = findLeaks(files, secrets);
    const where = new Set(leaks.map((l) => l.file));
    expect([...where].sort()).toEqual(['README.md', 'kit/x.js', 'kit/y.js.map', 'notebooks/01.ipynb', 'solutions/empty.ts', 'src/copied.ts']);
    expect(leaks.find((l) => l.file === 'solutions/empty.ts')?.what).toBe('inside solutions/');
    expect(leaks.some((l) => l.file === 'src/copied.ts' && l.what.includes('solutions/mse.ts:'))).toBe(true);
    expect(leaks.some((l) => l.file === 'README.md' && l.what.includes('course/mse/hidden/grader.ts:'))).toBe(true);
  });

  test("an exercise's instructor parts never ship; its public parts do", () => {
    for (const f of ['course/mse/hidden/grader.ts', 'course/optimizers/hidden/oracle.ts', 'course/mse/mutants.ts', 'course/mse/alternatives/first.ts', 'course/mse/cases.py', 'course/make-cases.py', 'solutions/mse.ts', 'test/x.ts', 'kit/author/sync.ts']) {
      expect(instructorOnly(f), f).toBeDefined();
    }
    for (const f of ['course/mse/grader.ts', 'course/mse/cases.json', 'course/mse/exercise.json', 'course/minibatch/drivers.ts', 'course/minibatch/seeded-shuffle.ts', 'kit/grade/cli.ts']) {
      expect(instructorOnly(f), f).toBeUndefined();
    }
  });
});
