/**
 * Every chapter keeps the course's rhythm (issue 4): LaTeX derivations, a mathjs check that throws
 * when the formula is wrong, at least two plots, a "Your turn" with the grader's check cell where
 * the chapter has an exercise, Korean key terms and a link onwards.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Cell {
  cell_type: 'markdown' | 'code' | 'raw';
  source: string | string[];
}

const dir = join(__dirname, '..', '..', 'notebooks');
const chapters = readdirSync(dir).filter((f) => /^0[1-8]-.*\.ipynb$/.test(f)).sort();
const text = (c: Cell): string => (Array.isArray(c.source) ? c.source.join('') : c.source);
/** The exercise each chapter practises (chapter 08 reuses earlier ones). */
const exercise: Record<string, string | null> = {
  '01': 'mse', '02': 'cross-entropy', '03': 'gradient-descent', '04': 'minibatch',
  '05': 'autograd', '06': 'partial-derivatives', '07': 'optimizers', '08': null,
};

describe('the eight chapters', () => {
  it('are all there, in order', () => {
    expect(chapters.map((f) => f.slice(0, 2))).toEqual(['01', '02', '03', '04', '05', '06', '07', '08']);
  });

  for (const file of chapters) {
    describe(file, () => {
      const cells = (JSON.parse(readFileSync(join(dir, file), 'utf8')) as { cells: Cell[] }).cells;
      const markdown = cells.filter((c) => c.cell_type === 'markdown').map(text).join('\n');
      const code = cells.filter((c) => c.cell_type === 'code').map(text);

      it('derives its formulas in LaTeX', () => {
        expect(markdown).toMatch(/\$\$[\s\S]+?\$\$/);
        expect((markdown.match(/\$/g) ?? []).length).toBeGreaterThan(20);
      });
      it('checks a derivation with mathjs, and the cell fails when the check does', () => {
        const checks = code.filter((c) => /check(Derivative|Identity)\(/.test(c));
        expect(checks.length).toBeGreaterThan(0);
        expect(checks.some((c) => /throw new Error/.test(c))).toBe(true);
      });
      it('draws at least two plots', () => {
        const shows = code.reduce((n, c) => n + (c.match(/\bshow\(/g) ?? []).length, 0);
        expect(shows).toBeGreaterThanOrEqual(2);
        expect(code.some((c) => /plotSetup\(\)/.test(c))).toBe(true);
      });
      it('has a "Your turn" section with the grader where it has an exercise', () => {
        expect(markdown).toMatch(/your turn/i);
        const name = exercise[file.slice(0, 2)];
        if (name !== null) expect(code.some((c) => c.includes(`check('${name}')`))).toBe(true);
      });
      it('names its key terms in Korean and links onwards', () => {
        expect(markdown).toMatch(/[\uac00-\ud7a3]/);
        const next = chapters[chapters.indexOf(file) + 1];
        expect(markdown).toContain(next ?? 'glossary');
      });
    });
  }
});
