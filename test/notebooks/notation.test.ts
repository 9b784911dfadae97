/**
 * Issue 12: the chapters follow one notation (the table of chapter 0) and one shape. A test can
 * tell when a chapter uses a symbol against the table: γ for the learning rate, L for the
 * smoothness constant, λ for weight decay, b for the momentum buffer, N for the number of examples,
 * 1-based class indices, x Wᵀ + b, v for Adam's second moment. It also checks the shape every
 * chapter shares: short code cells without casts, section headings in one style, a "same in
 * PyTorch" block, sliders where the issue asks for them, and instructor answers to every question.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Cell {
  cell_type: 'markdown' | 'code' | 'raw';
  source: string | string[];
}

const root = join(__dirname, '..', '..');
const dir = join(root, 'notebooks');
const text = (c: Cell): string => (Array.isArray(c.source) ? c.source.join('') : c.source);
const cellsOf = (file: string): Cell[] => (JSON.parse(readFileSync(join(dir, file), 'utf8')) as { cells: Cell[] }).cells;
const chapters = readdirSync(dir).filter((f) => /^0[1-8]-.*\.ipynb$/.test(f)).sort();
const markdownOf = (file: string): string => cellsOf(file).filter((c) => c.cell_type === 'markdown').map(text).join('\n');
const codeOf = (file: string): string[] => cellsOf(file).filter((c) => c.cell_type === 'code').map(text);
/** Markdown without fenced code blocks (the PyTorch blocks use Python's names, e.g. `gamma`). */
const prose = (file: string): string => markdownOf(file).replace(/```[\s\S]*?```/g, '');
/** Sentences of the prose (split at a full stop, colon or semicolon followed by a space, or a blank line). */
const sentences = (s: string): string[] => s.split(/(?<=[.:;])\s+|\n\s*\n/);

/** Where `pattern` occurs, with some context, for a readable failure message. */
function occurrences(s: string, pattern: RegExp): string[] {
  const g = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  return [...s.matchAll(g)].map((m) => s.slice(Math.max(0, (m.index ?? 0) - 40), (m.index ?? 0) + m[0].length + 40).replace(/\n/g, ' '));
}

describe('chapter 0 has the notation table every chapter follows', () => {
  const table = markdownOf('00-setup.ipynb');
  it('is a table of symbols, meanings and code names', () => {
    expect(table).toMatch(/\| symbol \| meaning \| in code \|/);
  });
  const rows: [string, RegExp][] = [
    ['learning rate η', /\| \$\\eta\$ \| the \*\*learning rate\*\*/],
    ['loss L', /\| \$L\(\\theta\)\$, \$\\ell_i\$ \| the loss/],
    ['parameters θ', /\| \$\\theta\$ \| all parameters/],
    ['n examples', /\| \$n\$, \$i\$ \| number of examples/],
    ['batch size B', /\| \$B\$, \$\\mathcal B\$ \| the batch size/],
    ['0-based classes', /\$K\$, \$k\$ \| the number of classes; a class index \$k \\in \\\{0, 1, \\dots, K - 1\\\}\$/],
    ['row-vector layers', /A linear layer computes \$XW \+ b\$/],
    ['eigenvalues λ only', /\$\\lambda\$, \$\\lambda_\{\\max\}\$, \$\\lambda_\{\\min\}\$ \| eigenvalues of the Hessian \(curvatures\) — \$\\lambda\$ means nothing else/],
    ['condition number κ', /\| \$\\kappa\$ \| the condition number/],
    ['smoothness constant M', /\| \$M\$ \| the smoothness constant/],
    ['momentum μ and buffer v', /\| \$\\mu\$, \$v_t\$ \| the momentum coefficient; the momentum buffer/],
    ['Adam β₁, β₂', /\$\\beta_1\$, \$\\beta_2\$/],
    ['ε', /\| \$\\epsilon\$ \| a small constant/],
    ['weight decay ω', /\| \$\\omega\$ \| the weight-decay coefficient/],
    ['predictions ŷ', /\$\\hat y_i\$ \| the target and the model's prediction/],
  ];
  for (const [name, pattern] of rows) it(`defines ${name}`, () => expect(table).toMatch(pattern));
});

describe('no chapter uses a symbol against the table', () => {
  const files = [...chapters, 'glossary.ipynb'];
  /** [rule, pattern that breaks it]: each is checked in the prose of every chapter and the glossary. */
  const forbidden: [string, RegExp][] = [
    ['the learning rate is η, never γ', /γ|\\gamma/],
    ['the smoothness constant is M, never L', /2\s*\/\s*L\b(?!['′])|\\frac\{?2\}?\{?L\}|\bL-smooth|\$L\$-smooth/],
    ['n examples, never N', /\\frac\s*1\s*N|\\frac\{1\}\{N\}|\^\{?N\b|\$N\$|\bN\/B\b|\$N = |\bN - 1\b/],
    ['classes are numbered from 0', /\\sum_\{[a-z]\s*=\s*1\}\^\{?[KC]\b|\{1,\s*\\dots,\s*[KC]\\?\}|\$C\$ classes|z_1,\s*\\dots,\s*z_[KC]\b/],
    ['a layer is XW + b (row vectors)', /W\^\{?(\\top|T)\}?\s*\+\s*b|\bW\s*x\s*\+\s*b/],
    ['the momentum buffer is v, never b', /\bb_\{?t\}?\s*=\s*\\mu|\\mu\\?,?\s*b_/],
    ["Adam's second moment is s, never v", /\\hat v|v_t\s*=\s*\\beta_2/],
    ['the small constant is ε (\\epsilon)', /\\varepsilon/],
  ];
  for (const file of files) {
    describe(file, () => {
      const p = prose(file);
      for (const [rule, pattern] of forbidden) {
        it(rule, () => expect(occurrences(p, pattern)).toEqual([]));
      }
      it('λ is never the weight-decay coefficient', () => {
        const bad = sentences(p).filter((s) => /weight[- ]decay|weightDecay|L2 penalty/i.test(s) && /\\lambda|λ/.test(s));
        expect(bad).toEqual([]);
      });
      it('the Lipschitz constant of the gradient is never written L', () => {
        const bad = sentences(p).filter((s) => /Lipschitz|smoothness constant/i.test(s) && /\$L\$|\bL\s*=\s*\\lambda/.test(s));
        expect(bad).toEqual([]);
      });
    });
  }

  it('chapter 0 names γ only to say that the course writes η instead', () => {
    const p = prose('00-setup.ipynb');
    expect(occurrences(p, /γ|\\gamma/)).toHaveLength(1);
    expect(p).toMatch(/learning rate as \$\\gamma\$[^.]*here they are \$\\eta\$/);
  });
});

describe('every chapter has the same shape', () => {
  for (const file of chapters) {
    const number = Number(file.slice(0, 2));
    describe(file, () => {
      const md = markdownOf(file);
      const code = codeOf(file);

      it('a title "# N · …" and section headings "## N.M …" (or the standard end sections)', () => {
        expect(md).toMatch(new RegExp(`^# ${number} · `, 'm'));
        const standard = ['The same in PyTorch', 'Your turn', 'Questions to think about', 'Summary'];
        const headings = md.split('\n').filter((l) => /^## /.test(l)).map((l) => l.slice(3));
        const odd = headings.filter((h) => !standard.includes(h) && !new RegExp(`^${number}\\.\\d+ \\S`).test(h));
        expect(odd).toEqual([]);
        expect(headings.filter((h) => standard.includes(h))).toEqual(standard);
      });

      it('code cells of at most 25 non-blank lines, without `as unknown as` or non-null assertions', () => {
        const long = code.map((c, k) => ({ k, lines: c.split('\n').filter((l) => l.trim() !== '').length })).filter((c) => c.lines > 25);
        expect(long).toEqual([]);
        expect(code.filter((c) => c.includes('as unknown as'))).toEqual([]);
        // x!, x!.y, x![0], f()! — not != or !==
        expect(code.flatMap((c) => occurrences(c, /[\w\)\]]!(?![=])(?=[.\[\)\s,;:]|$)/m))).toEqual([]);
      });

      it('"The same in PyTorch": the chapter\'s code as a PyTorch user writes it', () => {
        const block = /## The same in PyTorch\n[\s\S]*?```python\n([\s\S]*?)```/.exec(md);
        expect(block, 'a "## The same in PyTorch" section with a ```python block').not.toBeNull();
        expect(block?.[1]).toMatch(/^import torch/m);
        expect(block?.[1]).toMatch(/torch\.(optim|nn|autograd)|F\.(mse_loss|cross_entropy|binary_cross_entropy)/);
      });

      it('an answer for every question, in solutions/answers/ (never shipped to students)', () => {
        const questions = /## Questions to think about\n([\s\S]*?)\n## /.exec(md)?.[1] ?? '';
        const count = (questions.match(/^\d+\. /gm) ?? []).length;
        expect(count).toBeGreaterThanOrEqual(4);
        const answers = join(root, 'solutions', 'answers', file.replace('.ipynb', '.md'));
        expect(existsSync(answers), answers).toBe(true);
        const answered = (readFileSync(answers, 'utf8').match(/^## Question \d+/gm) ?? []).length;
        expect(answered).toBe(count);
      });
    });
  }

  for (const file of chapters.filter((f) => ['03', '04', '07'].includes(f.slice(0, 2)))) {
    it(`${file} has an interactive slider (plotly's own, no widget server)`, () => {
      expect(codeOf(file).some((c) => /\bshow\(sliderFigure\(/.test(c))).toBe(true);
    });
  }
});
