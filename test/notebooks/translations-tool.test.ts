/**
 * The translation generator (`npm run translations`, kit/notebooks/i18n) on a small course in a
 * temporary folder: what it writes, and every problem `--check` must name — a missing markdown
 * translation, a stale English hash (with the cell id and its first line), a string that is not a
 * literal of its cell, a template whose `${…}` expressions differ, changed math, a hand-edited or
 * orphaned generated notebook, code a translation must never touch.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { translateCourse } from '../../kit/notebooks/i18n/course';
import { findLiterals, maskedTokens, parseLiteralBody } from '../../kit/notebooks/i18n/literals';
import { formulas } from '../../kit/notebooks/i18n/markdown';
import { formatProblem, parseTranslation, sourceHash, type Problem } from '../../kit/notebooks/i18n/translation';
import { lintNotebook, readNotebook } from '../../kit/notebooks/notebook';

const work = mkdtempSync(join(tmpdir(), 'descent-i18n-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const md = (id: string, source: string) => ({ cell_type: 'markdown', id, metadata: {}, source: source.split(/(?<=\n)/) });
const code = (id: string, source: string) => ({ cell_type: 'code', id, metadata: {}, execution_count: null, outputs: [], source: source.split(/(?<=\n)/) });

const TITLE = '# 1 · Loss\n\nThe loss $L(\\theta)$ is a mean, $$L = \\frac1n\\sum_i \\ell_i .$$ Next: [chapter 2](02-next.ipynb).';
const PLOT = "import { show } from 'descent/notebook';\nconst n = 3;\n// a comment stays as it is\nshow({ data: [{ y: [1, 2], mode: 'lines', name: 'loss' }], layout: { title: { text: 'Loss per step' } } });\nconsole.log(`loss after ${n} steps: ${(2).toFixed(4)}`);";
const CHECK = "await check('mse');";
const english = {
  nbformat: 4, nbformat_minor: 5,
  metadata: { kernelspec: { name: 'tslab', display_name: 'TypeScript', language: 'typescript' } },
  cells: [md('m1', TITLE), code('c1', PLOT), md('m2', 'A second cell: `code` and $x^2$.'), code('c2', CHECK)],
};

function yamlOf(cells: string): string {
  return `notebook: 01-loss.ipynb\ncells:\n${cells}`;
}
const GOOD_M1 = `  - id: m1\n    en: "${sourceHash(TITLE)}"\n    md: |-\n      # 1 · 손실\n\n      손실 $L(\\theta)$는 평균입니다. $$L = \\frac1n\\sum_i \\ell_i .$$ 다음: [2장](02-next.ipynb).\n`;
const GOOD_C1 = `  - id: c1\n    en: "${sourceHash(PLOT)}"\n    strings:\n      - en: 'Loss per step'\n        ko: '스텝별 손실'\n      - en: 'loss'\n        ko: '손실'\n      - en: 'loss after \${n} steps: \${(2).toFixed(4)}'\n        ko: '\${n} 스텝 뒤 손실: \${(2).toFixed(4)}'\n`;
const GOOD_M2 = `  - id: m2\n    en: "${sourceHash('A second cell: `code` and $x^2$.')}"\n    md: "두 번째 셀: \`code\`와 $x^2$."\n`;

let dir = '';
function course(yaml: string, extra: Record<string, string> = {}): { problems: string[]; dir: string } {
  dir = mkdtempSync(join(work, 'course-'));
  mkdirSync(join(dir, 'i18n', 'ko'), { recursive: true });
  writeFileSync(join(dir, '01-loss.ipynb'), `${JSON.stringify(english, null, 1)}\n`);
  writeFileSync(join(dir, '02-next.ipynb'), `${JSON.stringify({ ...english, cells: [md('n1', 'Next.')] }, null, 1)}\n`);
  writeFileSync(join(dir, 'i18n', 'ko', '01-loss.yaml'), yaml);
  writeFileSync(join(dir, 'i18n', 'ko', '02-next.yaml'), `notebook: 02-next.ipynb\ncells:\n  - id: n1\n    en: "${sourceHash('Next.')}"\n    md: 다음.\n`);
  for (const [f, text] of Object.entries(extra)) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), text);
  }
  return { problems: translateCourse({ lang: 'ko', notebooksDir: dir }).problems.map(formatProblem), dir };
}

describe('a good translation', () => {
  let result: ReturnType<typeof course>;
  beforeEach(() => { result = course(yamlOf(GOOD_M1 + GOOD_C1 + GOOD_M2)); });

  it('generates the Korean notebook: same cells and ids, markdown translated, literals replaced, code otherwise identical', () => {
    expect(result.problems).toEqual([]);
    const ko = readNotebook(join(result.dir, 'ko', '01-loss.ipynb'));
    expect(ko.cells.map((c) => [c.id, c.cell_type])).toEqual(english.cells.map((c) => [c.id, c.cell_type]));
    const text = (i: number): string => (ko.cells[i].source as string[]).join('');
    expect(text(0)).toContain('# 1 · 손실');
    expect(text(1)).toBe(PLOT.replace("'Loss per step'", "'스텝별 손실'").replace("name: 'loss'", "name: '손실'")
      .replace('`loss after ${n} steps: ${(2).toFixed(4)}`', '`${n} 스텝 뒤 손실: ${(2).toFixed(4)}`'));
    expect(text(3)).toBe(CHECK);
    expect(maskedTokens(text(1))).toEqual(maskedTokens(PLOT));
    expect(lintNotebook(ko)).toEqual([]);
    expect(ko.metadata.descent).toMatchObject({ lang: 'ko', source: '../01-loss.ipynb', translation: '../i18n/ko/01-loss.yaml' });
    expect(ko.metadata.kernelspec).toEqual(english.metadata.kernelspec);
  });

  it('--check passes once generated, and names a generated notebook edited by hand', () => {
    expect(translateCourse({ lang: 'ko', notebooksDir: result.dir, check: true }).problems).toEqual([]);
    const file = join(result.dir, 'ko', '01-loss.ipynb');
    writeFileSync(file, readFileSync(file, 'utf8').replace('스텝별 손실', '손실 (고침)'));
    const check = translateCourse({ lang: 'ko', notebooksDir: result.dir, check: true });
    expect(check.problems.map(formatProblem)).toEqual([`${file}: differs from what its translation generates (edited by hand, or not regenerated): run npm run translations`]);
    expect(readFileSync(file, 'utf8')).toContain('손실 (고침)'); // --check writes nothing
  });
});

describe('--check names every problem', () => {
  const only = (problems: string[], what: RegExp): string[] => problems.filter((p) => what.test(p));

  it('a markdown cell without translation, with its id, first line and hash to use', () => {
    const { problems } = course(yamlOf(GOOD_M1 + GOOD_C1));
    expect(problems).toEqual([expect.stringMatching(new RegExp(`01-loss\\.yaml: markdown cell m2 has no translation; it begins "A second cell: \`code\` and \\$x\\^2\\$\\." \\(add an entry: id: m2, en: ${sourceHash('A second cell: `code` and $x^2$.')}, md: …\\)$`))]);
  });

  it('a stale English hash: the cell id, its line in the yaml, the first line of the changed English cell and the new hash', () => {
    const { problems } = course(yamlOf(GOOD_M1.replace(sourceHash(TITLE), '000000000000') + GOOD_C1 + GOOD_M2));
    expect(problems).toEqual([expect.stringContaining(`01-loss.yaml:3: cell m1 (markdown) changed in English since it was translated (en: 000000000000, now ${sourceHash(TITLE)}); it begins "# 1 · Loss". Update the translation, then set en: ${sourceHash(TITLE)}`)]);
  });

  it('a string that is not a whole literal of its cell', () => {
    const { problems } = course(yamlOf(GOOD_M1 + GOOD_C1.replace("en: 'Loss per step'", "en: 'Loss per'") + GOOD_M2));
    expect(problems).toEqual([expect.stringMatching(/01-loss\.yaml:\d+: cell c1: no string or template literal of the cell has exactly the text "Loss per"/)]);
  });

  it('a template whose ${…} expressions differ', () => {
    const { problems } = course(yamlOf(GOOD_M1 + GOOD_C1.replace("ko: '${n} 스텝 뒤", "ko: '${m} 스텝 뒤") + GOOD_M2));
    expect(problems).toEqual([expect.stringContaining("cell c1: the template's ${…} expressions differ: English has ${n} ${(2).toFixed(4)}, the translation ${m} ${(2).toFixed(4)}")]);
  });

  it('the same expressions in another order are fine', () => {
    const { problems } = course(yamlOf(GOOD_M1 + GOOD_C1.replace("ko: '${n} 스텝 뒤 손실: ${(2).toFixed(4)}'", "ko: '손실 ${(2).toFixed(4)}, ${n} 스텝 뒤'") + GOOD_M2));
    expect(problems).toEqual([]);
  });

  it('a translation that would break its literal (an unescaped quote)', () => {
    const { problems } = course(yamlOf(GOOD_M1 + GOOD_C1.replace("ko: '스텝별 손실'", `ko: "스텝별 '손실'"`) + GOOD_M2));
    expect(problems).toEqual([expect.stringContaining('cell c1: the translation "스텝별 \'손실\'" is not a valid \'…\' literal')]);
  });

  it('changed math, naming the formula', () => {
    const { problems } = course(yamlOf(GOOD_M1.replace('$L(\\theta)$', '$L(\\theta )$') + GOOD_C1 + GOOD_M2));
    expect(problems).toEqual([expect.stringContaining('cell m1: the math changed (formulas are kept byte for byte): missing $L(\\theta)$; not in the English $L(\\theta )$')]);
  });

  it('code a translation must never touch: import paths and exercise names', () => {
    const c2 = `  - id: c2\n    en: "${sourceHash(CHECK)}"\n    strings:\n      - en: mse\n        ko: 평균\n`;
    const c1 = GOOD_C1.replace("      - en: 'loss'\n", "      - en: 'descent/notebook'\n        ko: 'x'\n      - en: 'loss'\n");
    const { problems } = course(yamlOf(GOOD_M1 + c1 + GOOD_M2 + c2));
    expect(only(problems, /is code/)).toEqual([
      expect.stringContaining('cell c1: "descent/notebook" is an import path: it is code, never translated'),
      expect.stringContaining('cell c2: "mse" is an exercise name (check(\'…\')): it is code, never translated'),
    ]);
  });

  it('a link that does not resolve from notebooks/ko/, unknown and misplaced entries, bad keys', () => {
    const yaml = yamlOf(GOOD_M1.replace('(02-next.ipynb)', '(../README.md)').replace('다음:', '[x](missing.md) 다음:')
      + GOOD_C1 + GOOD_M2 + '  - id: gone\n    en: "0"\n    md: x\n  - id: m2\n    en: "1"\n    text: y\n');
    const { problems } = course(yaml);
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringContaining('cell m1: the link target "missing.md" does not exist from notebooks/ko/'),
      expect.stringMatching(/01-loss\.yaml:\d+: cell gone is not in notebooks\/01-loss\.ipynb/),
      expect.stringMatching(/01-loss\.yaml:\d+: cell m2 appears twice/),
      expect.stringMatching(/01-loss\.yaml:\d+: unknown key "text" in a cell entry/),
    ]));
    // ../README.md does not exist in the temporary course either: only links that resolve pass
    expect(only(problems, /README/)).toHaveLength(1);
  });

  it('a missing translation file, an orphaned translation and an orphaned Korean notebook', () => {
    const { problems, dir: d } = course(yamlOf(GOOD_M1 + GOOD_C1 + GOOD_M2), {
      'i18n/ko/03-gone.yaml': 'notebook: 03-gone.ipynb\ncells: []\n',
      'ko/04-gone.ipynb': '{}',
      '05-new.ipynb': `${JSON.stringify({ ...english, cells: [md('x', 'New.')] }, null, 1)}\n`,
    });
    expect(problems).toEqual([
      `${d}/i18n/ko/05-new.yaml: missing: the Korean translation of notebooks/05-new.ipynb (every English notebook has one)`,
      `${d}/i18n/ko/03-gone.yaml: a translation for notebooks/03-gone.ipynb, which does not exist (renamed or deleted?)`,
      `${d}/ko/04-gone.ipynb: a translated notebook for notebooks/04-gone.ipynb, which does not exist (renamed or deleted?)`,
    ]);
  });

  it('invalid YAML, with its line', () => {
    const { problems } = course('notebook: 01-loss.ipynb\ncells:\n  - id: m1\n    en: [unclosed\n');
    expect(problems).toEqual([expect.stringMatching(/01-loss\.yaml:\d+: not valid YAML/)]);
  });
});

describe('literals inside templates, quoted object keys, repeated math', () => {
  const TABLE = "const rows = [{ 'training loss': 1, name: `run ${ok ? 'passed' : 'failed'}` }];\nconst ok = true;\nconsole.log(`${rows.length} runs: ${ok ? 'passed' : 'failed'}`);";
  const tableCell = (strings: string): string => `  - id: c3\n    en: "${sourceHash(TABLE)}"\n    strings:\n${strings}`;
  const withTable = (cells: Record<string, unknown>[]): Record<string, unknown> => ({ ...english, cells: [...english.cells, ...cells] });
  function run(yaml: string, nb = withTable([code('c3', TABLE)])): { problems: string[]; text: (id: string) => string } {
    const d = mkdtempSync(join(work, 'course-'));
    mkdirSync(join(d, 'i18n', 'ko'), { recursive: true });
    writeFileSync(join(d, '01-loss.ipynb'), `${JSON.stringify(nb, null, 1)}\n`);
    writeFileSync(join(d, 'i18n', 'ko', '01-loss.yaml'), yaml);
    writeFileSync(join(d, '02-next.ipynb'), `${JSON.stringify({ ...english, cells: [md('n1', 'Next.')] }, null, 1)}\n`);
    writeFileSync(join(d, 'i18n', 'ko', '02-next.yaml'), `notebook: 02-next.ipynb\ncells:\n  - id: n1\n    en: "${sourceHash('Next.')}"\n    md: 다음.\n`);
    const problems = translateCourse({ lang: 'ko', notebooksDir: d }).problems.map(formatProblem);
    return { problems, text: (id) => (readNotebook(join(d, 'ko', '01-loss.ipynb')).cells.find((c) => c.id === id)?.source as string[]).join('') };
  }

  it('a string inside a template\'s ${…} is listed on its own, whether or not the template is translated', () => {
    const { problems, text } = run(yamlOf(GOOD_M1 + GOOD_C1 + GOOD_M2 + tableCell(
      "      - en: '${rows.length} runs: ${ok ? ''passed'' : ''failed''}'\n        ko: '실행 ${rows.length}번: ${ok ? ''passed'' : ''failed''}'\n"
      + "      - en: 'passed'\n        ko: '통과'\n      - en: 'failed'\n        ko: '실패'\n      - en: 'training loss'\n        ko: '훈련 손실'\n")));
    expect(problems).toEqual([]);
    expect(text('c3')).toBe("const rows = [{ '훈련 손실': 1, name: `run ${ok ? '통과' : '실패'}` }];\nconst ok = true;\nconsole.log(`실행 ${rows.length}번: ${ok ? '통과' : '실패'}`);");
    expect(maskedTokens(text('c3'))).toEqual(maskedTokens(TABLE));
  });

  it('a quoted object key is translated as a label only when no cell reads it by name', () => {
    const reads = code('c4', "console.log(rows[0]['training loss']);");
    const { problems } = run(yamlOf(GOOD_M1 + GOOD_C1 + GOOD_M2 + tableCell("      - en: 'training loss'\n        ko: '훈련 손실'\n")), withTable([code('c3', TABLE), reads]));
    expect(problems).toEqual([expect.stringMatching(/01-loss\.yaml:\d+: cell c3: the object key "training loss" is read by name in cell c4: it is code, never translated$/)]);
  });

  it('a formula the chapter shows may be repeated; new math may not', () => {
    const m2 = (text: string): string => `  - id: m2\n    en: "${sourceHash('A second cell: `code` and $x^2$.')}"\n    md: "${text}"\n`;
    expect(run(yamlOf(GOOD_M1 + GOOD_C1 + m2('두 번째 셀: `code`와 $x^2$. 여기서 $\\\\theta$와 $x$는 …')), english).problems).toEqual([]);
    expect(run(yamlOf(GOOD_M1 + GOOD_C1 + m2('두 번째 셀: `code`와 $x^2$, 그리고 $y^3$.')), english).problems)
      .toEqual([expect.stringContaining('cell m2: the math changed (formulas are kept byte for byte): not in the English $y^3$')]);
  });
});

describe('parseTranslation', () => {
  it('reads every value as a string (a hash of digits stays a string)', () => {
    const problems: Problem[] = [];
    const t = parseTranslation('notebook: a.ipynb\ncells:\n  - id: 0012\n    en: 123456789012\n    md: 1e5\n', 'a.yaml', problems);
    expect(problems).toEqual([]);
    expect(t?.cells).toEqual([{ id: '0012', en: '123456789012', md: '1e5', line: 3 }]);
  });
});

describe('literals, found by the TypeScript parser', () => {
  const cell = [
    "import { x } from 'descent';",
    'const re = /it\'s/g; // a regex and a comment with \'quotes\' are not literals',
    "const o = { 'key': \"Loss\", title: { text: 'It\\'s' } };",
    'type Mode = \'lines\';',
    "console.log(`a ${o['key']} b ${`${1}`}`);",
  ].join('\n');

  it('finds outermost string and template literals with their role and inner source text', () => {
    expect(findLiterals(cell).map((l) => [l.kind, l.role, l.inner])).toEqual([
      ['string', 'module', 'descent'],
      ['string', 'label', 'key'],
      ['string', 'text', 'Loss'],
      ['string', 'text', "It\\'s"],
      ['string', 'key', 'lines'],
      ['template', 'text', "a ${o['key']} b ${`${1}`}"],
    ]);
    expect(findLiterals(cell)[5].expressions).toEqual(["o['key']", '`${1}`']);
  });

  it('masks literals in the token stream, keeping everything else (comments included)', () => {
    const other = cell.replace('"Loss"', '"손실"').replace('`a ${o', '`가 ${o');
    expect(maskedTokens(other)).toEqual(maskedTokens(cell));
    expect(maskedTokens(cell.replace('a comment', 'a Comment'))).not.toEqual(maskedTokens(cell));
    expect(maskedTokens(cell.replace('title:', 'name:'))).not.toEqual(maskedTokens(cell));
  });

  it('accepts only a replacement that stays one literal of the same kind', () => {
    expect(parseLiteralBody("'", '스텝별 손실')?.inner).toBe('스텝별 손실');
    expect(parseLiteralBody("'", "it's")).toBeNull();
    expect(parseLiteralBody("'", 'two\nlines')).toBeNull();
    expect(parseLiteralBody('`', 'ok ${n} ${')).toBeNull();
    expect(parseLiteralBody('`', '${b} 그리고 ${a}')?.expressions).toEqual(['b', 'a']);
  });
});

describe('formulas, read as the book reads them', () => {
  it('finds inline and display math, not dollars in code spans, and after Korean particles', () => {
    expect(formulas('손실 $L$은 `$x$` 아님, $$\\sum_i \\ell_i$$ 그리고 $\\eta$는 학습률')).toEqual(['$L$', '$$\\sum_i \\ell_i$$', '$\\eta$']);
  });
});
