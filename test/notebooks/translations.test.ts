/**
 * Issue 13, the notebooks: every English notebook has a Korean twin in notebooks/ko/, generated
 * from notebooks/i18n/ko/<name>.yaml and up to date (`npm run translations -- --check`); the code
 * cells of each pair are the same code (token streams compared with the TypeScript parser, string
 * literals aside); the Korean prose is mostly Hangul; and every chapter's key-term table, English
 * and Korean, writes each term in the glossary's one chosen spelling. (The notebooks execute in
 * runner.test.ts and, under Jupyter, in nbclient.test.ts and .ci/run.)
 */
import { spawnSync } from 'child_process';
import { existsSync } from 'fs';
import { basename, join } from 'path';
import { describe, expect, it } from 'vitest';
import type { INotebookContent } from '@jupyterlab/nbformat';
import { languageDirs, translateCourse } from '../../kit/notebooks/i18n/course';
import { findLiterals, maskedTokens } from '../../kit/notebooks/i18n/literals';
import { proseText } from '../../kit/notebooks/i18n/markdown';
import { formatProblem } from '../../kit/notebooks/i18n/translation';
import { listNotebooks, readNotebook, sourceText } from '../../kit/notebooks/notebook';
import { NOTEBOOKS_DIR, ROOT } from '../../kit/notebooks/resolve';
import { englishKeys, glossaryEntries, glossaryIndexes, keyTermRows, splitTerms, type GlossaryEntry } from './terms';

const english = listNotebooks(NOTEBOOKS_DIR).map((f) => basename(f));
const ko = languageDirs('ko');
const twin = (name: string): string => join(ko.notebooks, name);
const read = (file: string): INotebookContent | null => (existsSync(file) ? readNotebook(file) : null);

describe('every English notebook has an up-to-date Korean twin', () => {
  const check = translateCourse({ lang: 'ko', check: true });
  const problems = check.problems.map(formatProblem);

  it('the course has notebooks to translate (00-setup, the chapters, the glossary)', () => {
    expect(english).toEqual(expect.arrayContaining(['00-setup.ipynb', 'glossary.ipynb']));
    expect(english.length).toBeGreaterThanOrEqual(10);
  });

  for (const name of english) {
    it(name, () => {
      const stem = name.replace(/\.ipynb$/, '');
      expect(problems.filter((p) => p.includes(`/${stem}.yaml`) || p.includes(`/${name}`))).toEqual([]);
      expect(existsSync(twin(name)), `${twin(name)}: run npm run translations`).toBe(true);
    });
  }

  it('nothing else is wrong (orphaned translations or notebooks)', () => {
    const named = english.flatMap((n) => [`/${n.replace(/\.ipynb$/, '')}.yaml`, `/${n}`]);
    expect(problems.filter((p) => !named.some((n) => p.includes(n)))).toEqual([]);
  });

  it('`npm run translations -- --check` exits 0 (after the translators\' files of chapters 01–08 are merged)', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'kit/notebooks/i18n/cli.ts', '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(new RegExp(`^${english.length} Korean notebook\\(s\\) generated from their translations, 0 out of date, 0 problem\\(s\\)\\n$`));
    expect(r.status).toBe(0);
  }, 60_000);
});

/** Where the code of two cells differs outside string literals, or null. */
function codeDifference(en: string, other: string): string | null {
  const a = maskedTokens(en);
  const b = maskedTokens(other);
  const n = Math.min(a.length, b.length);
  for (let i = 0; i <= n; i++) {
    if (i === n ? a.length !== b.length : a[i].kind !== b[i].kind || a[i].text !== b[i].text) {
      return `token ${i}: English ${JSON.stringify(a[i]?.text ?? '(end)')}, Korean ${JSON.stringify(b[i]?.text ?? '(end)')}`;
    }
  }
  // a template's ${…} expressions, any order, as code (the literals inside them may be translated)
  const shape = (code: string): string[] => findLiterals(code).map((l) => l.expressions.map((e) => JSON.stringify(maskedTokens(e))).sort().join('\n'));
  const ea = shape(en);
  const eb = shape(other);
  const k = ea.findIndex((e, i) => e !== eb[i]);
  return k < 0 ? null : `literal ${k}: the \${…} expressions differ`;
}

describe('the code of each pair is the same code (only string literals differ)', () => {
  for (const name of english) {
    it(name, () => {
      const en = readNotebook(join(NOTEBOOKS_DIR, name));
      const kr = read(twin(name));
      expect(kr, `${twin(name)} is missing`).not.toBeNull();
      if (kr === null) return;
      expect(kr.cells.map((c) => [c.id, c.cell_type])).toEqual(en.cells.map((c) => [c.id, c.cell_type]));
      const differences = en.cells.flatMap((c, i) => {
        if (c.cell_type !== 'code') return [];
        const d = codeDifference(sourceText(c.source), sourceText(kr.cells[i].source));
        return d === null ? [] : [`cell ${String(c.id)}: ${d}`];
      });
      expect(differences).toEqual([]);
    });
  }

  it('the comparison sees a change of code outside literals', () => {
    expect(codeDifference("show({ title: 'Loss' });", "show({ title: '손실' });")).toBeNull();
    expect(codeDifference("show({ title: 'Loss' });", "show({ name: '손실' });")).toBe('token 4: English "title", Korean "name"');
    expect(codeDifference('f(`${a} b`);', 'f(`${b} 가`);')).toBe('literal 0: the ${…} expressions differ');
    expect(codeDifference("f(`${a ? 'ok' : 'no'} b`);", "f(`가 ${a ? '예' : '아니오'}`);")).toBeNull();
    expect(codeDifference("f(`${a ? 'ok' : 'no'} b`);", "f(`가 ${b ? '예' : '아니오'}`);")).toBe('literal 0: the ${…} expressions differ');
  });
});

/**
 * The share of Hangul among the letters of a notebook's prose (markdown without formulas, code
 * spans and fenced code). Measured: Korean 00-setup 0.75, Korean glossary 0.55 (its indexes and
 * English column are Latin); English chapters 0.00–0.01, the English glossary 0.15. A translated
 * notebook must reach 0.5 ("mostly Hangul"), and each markdown cell of 40 letters or more 0.15
 * (an English cell left untranslated has at most 0.05; the glossary's index cells 0.23).
 */
const NOTEBOOK_SHARE = 0.5;
const CELL_SHARE = 0.15;
const CELL_MIN_LETTERS = 40;

function hangulShare(markdown: string): { share: number; letters: number } {
  const text = proseText(markdown);
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  const hangul = (text.match(/\p{Script=Hangul}/gu) ?? []).length;
  return { share: letters === 0 ? 0 : hangul / letters, letters };
}

describe('the Korean notebooks\' prose is mostly Hangul', () => {
  for (const name of english) {
    it(name, () => {
      const kr = read(twin(name));
      expect(kr, `${twin(name)} is missing`).not.toBeNull();
      if (kr === null) return;
      const cells = kr.cells.filter((c) => c.cell_type === 'markdown').map((c) => ({ id: String(c.id), ...hangulShare(sourceText(c.source)) }));
      const whole = hangulShare(kr.cells.filter((c) => c.cell_type === 'markdown').map((c) => sourceText(c.source)).join('\n\n'));
      expect(whole.share, `Hangul share of the prose: ${whole.share.toFixed(2)}`).toBeGreaterThanOrEqual(NOTEBOOK_SHARE);
      expect(cells.filter((c) => c.letters >= CELL_MIN_LETTERS && c.share < CELL_SHARE).map((c) => `${c.id}: ${c.share.toFixed(2)}`)).toEqual([]);
    });
  }

  it('the measure tells an English notebook from a Korean one', () => {
    const en = readNotebook(join(NOTEBOOKS_DIR, '00-setup.ipynb'));
    expect(hangulShare(en.cells.filter((c) => c.cell_type === 'markdown').map((c) => sourceText(c.source)).join('\n')).share).toBeLessThan(0.05);
    expect(hangulShare('손실 $L$은 `loss`이고 $$\\sum_i$$ 평균입니다').share).toBe(1);
  });
});

describe('one Korean spelling per term: key-term tables and the glossary', () => {
  const glossary = read(twin('glossary.ipynb'));
  const entries: GlossaryEntry[] = glossary === null ? [] : glossaryEntries(glossary);
  const chosen = new Map(entries.map((e) => [e.ko, e]));
  const byVariant = new Map(entries.flatMap((e) => e.variants.map((v) => [v, e] as const)));
  const byEnglish = new Map<string, GlossaryEntry>();
  for (const pass of [0, 1]) {
    for (const e of entries) {
      const keys = englishKeys(e.en);
      for (const k of pass === 0 ? keys.slice(0, 2) : keys) if (!byEnglish.has(k)) byEnglish.set(k, e);
    }
  }

  it('the Korean glossary lists every term once: one chosen spelling, its English, its other spellings', () => {
    expect(glossary, `${twin('glossary.ipynb')} is missing`).not.toBeNull();
    expect(entries.length).toBeGreaterThanOrEqual(100);
    const dup = (xs: string[]): string[] => xs.filter((x, i) => xs.indexOf(x) !== i);
    expect(dup(entries.map((e) => e.ko))).toEqual([]);
    expect(dup(entries.map((e) => e.en))).toEqual([]);
    // no other spelling of one term is the chosen spelling of another (a search would land on two)
    expect(entries.flatMap((e) => e.variants.filter((v) => chosen.has(v)).map((v) => `${e.ko}: ${v}`))).toEqual([]);
    // the spellings the issue names: the seed lecture's, and the ones the chapters used to disagree on
    const variantOf = (v: string): string | undefined => byVariant.get(v)?.ko;
    expect(['그레디언트 디센트', '최소값', '에폭', '국소 최솟값', '학습 데이터', '기울기 검사', '미니 배치'].map(variantOf))
      .toEqual(['경사 하강법', '최솟값', '에포크', '지역 최솟값', '훈련 세트', '그래디언트 검사', '미니배치']);
    for (const term of ['손실 함수', '평균 제곱 오차', '교차 엔트로피', '경사 하강법', '학습률', '확률적 경사 하강법', '미니배치', '에포크', '지역 최솟값', '안장점', '모멘텀', '역전파', '연쇄 법칙']) {
      expect(chosen.has(term), term).toBe(true);
    }
  });

  it('the English glossary has the same entries', () => {
    const en = glossaryEntries(readNotebook(join(NOTEBOOKS_DIR, 'glossary.ipynb')));
    const key = (e: GlossaryEntry): string => JSON.stringify([e.en, e.ko, e.variants, e.chapter]);
    expect(en.map(key)).toEqual(entries.map(key));
  });

  for (const file of [join(NOTEBOOKS_DIR, 'glossary.ipynb'), twin('glossary.ipynb')]) {
    it(`the indexes of ${file.slice(ROOT.length + 1)} list every term once, sorted, with its chapter`, () => {
      const nb = read(file);
      expect(nb).not.toBeNull();
      if (nb === null) return;
      const { english: byEn, korean: byKo } = glossaryIndexes(nb);
      const latinFirst = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0); // Latin sorts before Hangul by code point
      expect(byEn).toEqual([...entries].sort((a, b) => latinFirst(a.en.toLowerCase(), b.en.toLowerCase())).map((e) => [e.en, e.ko, e.chapter]));
      expect(byKo).toEqual([...entries].sort((a, b) => latinFirst(a.ko, b.ko)).map((e) => [e.ko, e.en, e.chapter]));
    });
  }

  /** What is wrong with the Korean terms of one key-term row. */
  function rowProblems(row: { en: string; ko: string }): string[] {
    const problems: string[] = [];
    const terms = splitTerms(row.ko);
    const english = splitTerms(row.en);
    terms.forEach((piece, i) => {
      const entry = chosen.get(piece.term);
      if (entry === undefined) {
        const v = byVariant.get(piece.term);
        problems.push(`"${piece.term}" (${row.en}) is not a glossary spelling${v ? `: the glossary writes ${v.ko}` : ''}`);
      } else if (english.length === terms.length) {
        const expected = englishKeys(english[i].term).map((k) => byEnglish.get(k)).find((e) => e !== undefined);
        if (expected !== undefined && expected !== entry) problems.push(`"${english[i].term}" is ${expected.ko} in the glossary, this table writes ${piece.term}`);
      }
      for (const gloss of piece.glosses) {
        const v = byVariant.get(gloss);
        if (!chosen.has(gloss) && v !== undefined) problems.push(`"${piece.term} (${gloss})": ${gloss} is another spelling of ${v.ko}; variants belong in the glossary`);
      }
    });
    return problems;
  }

  it('the check finds a variant, an unknown term and a wrong pairing', () => {
    expect(rowProblems({ en: 'epoch', ko: '에폭' })).toEqual(['"에폭" (epoch) is not a glossary spelling: the glossary writes 에포크']);
    expect(rowProblems({ en: 'gradient', ko: '그래디언트 (기울기)' })).toEqual(['"그래디언트 (기울기)": 기울기 is another spelling of 그래디언트; variants belong in the glossary']);
    expect(rowProblems({ en: 'mini-batch / epoch', ko: '에포크 / 미니배치' })).toEqual([
      '"mini-batch" is 미니배치 in the glossary, this table writes 에포크', '"epoch" is 에포크 in the glossary, this table writes 미니배치']);
    expect(rowProblems({ en: 'learning rate (step size)', ko: '학습률 (스텝 크기)' })).toEqual([]);
  });

  const notebooks = english.filter((n) => n !== 'glossary.ipynb').flatMap((n) => [join(NOTEBOOKS_DIR, n), twin(n)]);
  for (const file of notebooks) {
    it(`${file.slice(ROOT.length + 1)}: every Korean key term is the glossary's spelling`, () => {
      const nb = read(file);
      expect(nb, `${file} is missing`).not.toBeNull();
      if (nb === null) return;
      const rows = keyTermRows(nb);
      expect(rows.length, 'a "Key terms" / "핵심 용어" table').toBeGreaterThan(0);
      expect(rows.flatMap(rowProblems)).toEqual([]);
    });
  }
});
