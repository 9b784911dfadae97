/**
 * Reading the course's terminology from its notebooks: the glossary's entries (one Korean
 * spelling per term, its English, its other spellings, its chapter) and the key-term table at
 * the end of every chapter, in the English and the Korean notebooks alike. Tables are read with
 * markdown-it, as the book renders them.
 */
import MarkdownIt from 'markdown-it';
import type { INotebookContent } from '@jupyterlab/nbformat';
import { sourceText } from '../../kit/notebooks/notebook';

type Token = ReturnType<MarkdownIt.MarkdownIt['parse']>[number];
const md = new MarkdownIt();

/** A markdown table: its header cells and rows, as raw inline markdown. */
export interface Table {
  header: string[];
  rows: string[][];
  /** The text of the heading the table follows. */
  heading: string;
}

/** The tables of a markdown text, each with the last heading before it. */
export function tablesOf(markdown: string): Table[] {
  const tokens: Token[] = md.parse(markdown, {});
  const tables: Table[] = [];
  let heading = '';
  let current: Table | null = null;
  let row: string[] | null = null;
  tokens.forEach((t, i) => {
    if (t.type === 'heading_open') heading = tokens[i + 1].content;
    else if (t.type === 'table_open') current = { header: [], rows: [], heading };
    else if (t.type === 'tr_open') row = [];
    else if (t.type === 'inline' && row !== null && current !== null) row.push(t.content.trim());
    else if (t.type === 'tr_close' && current !== null && row !== null) {
      if (current.header.length === 0) current.header = row;
      else current.rows.push(row);
      row = null;
    } else if (t.type === 'table_close' && current !== null) {
      tables.push(current);
      current = null;
    }
  });
  return tables;
}

const markdownOf = (nb: INotebookContent): string[] => nb.cells.filter((c) => c.cell_type === 'markdown').map((c) => sourceText(c.source));

/** Reads a column by its header name (any of `names`); throws when the table has none of them. */
function column(table: Table, names: string[]): number {
  const i = table.header.findIndex((h) => names.includes(h));
  if (i < 0) throw new Error(`a table under "${table.heading}" has no column ${names.map((n) => JSON.stringify(n)).join(' or ')} (header: ${table.header.join(' | ')})`);
  return i;
}

export interface GlossaryEntry {
  en: string;
  ko: string;
  variants: string[];
  /** The chapter link of the section the entry is in, e.g. `01-mse.ipynb`. */
  chapter: string;
}

const ALSO = ['also written', '다른 표기'];
const NONE = '—';

/** The entries of a glossary notebook (English or Korean): every row of its chapter sections. */
export function glossaryEntries(nb: INotebookContent): GlossaryEntry[] {
  return markdownOf(nb).flatMap((cell) => tablesOf(cell)
    .filter((t) => t.header.some((h) => ALSO.includes(h)))
    .flatMap((t) => {
      const chapter = /\]\(([^)]+\.ipynb)\)/.exec(t.heading)?.[1] ?? '';
      const en = column(t, ['English']);
      const ko = column(t, ['한국어']);
      const also = column(t, ALSO);
      return t.rows.map((r) => ({ en: r[en], ko: r[ko], variants: r[also] === NONE ? [] : r[also].split(/,\s*/), chapter }));
    }));
}

/** The glossary's index tables: rows of [term, other language, chapter link]. */
export function glossaryIndexes(nb: INotebookContent): { english: string[][]; korean: string[][] } {
  const tables = markdownOf(nb).flatMap((cell) => tablesOf(cell)).filter((t) => t.header.length === 3 && t.header.includes('English') && t.header.includes('한국어'));
  const rowsOf = (first: string): string[][] => tables.filter((t) => t.header[0] === first).flatMap((t) => t.rows.map((r) => [r[0], r[1], /\]\(([^)]+)\)/.exec(r[2])?.[1] ?? r[2]]));
  return { english: rowsOf('English'), korean: rowsOf('한국어') };
}

/** A chapter's key-term rows (the table under "Key terms" or "핵심 용어"): English and Korean cells. */
export function keyTermRows(nb: INotebookContent): { en: string; ko: string }[] {
  return markdownOf(nb).flatMap((cell) => tablesOf(cell)
    .filter((t) => /^(Key terms|핵심 용어)$/.test(t.heading.trim()))
    .flatMap((t) => {
      const en = column(t, ['English', '영어']);
      const ko = column(t, ['한국어']);
      return t.rows.map((r) => ({ en: r[en], ko: r[ko] }));
    }));
}

/** One term of a key-term cell: the term, and what a parenthesis after it adds. */
export interface TermPiece {
  term: string;
  glosses: string[];
}

/** Splits at top-level separators (`, ` and ` / `), never inside parentheses. */
function splitTop(text: string, separators: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      const m = separators.exec(text.slice(i));
      if (m && m.index === 0) {
        parts.push(text.slice(start, i));
        start = i + m[0].length;
        i = start - 1;
      }
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** "가능도, 음의 로그 가능도" → two terms; "학습률 (스텝 크기)" → 학습률 glossed with 스텝 크기. */
export function splitTerms(cell: string): TermPiece[] {
  return splitTop(cell, /^(,\s+|\s+\/\s+)/).map((piece) => {
    const open = piece.indexOf('(');
    if (open < 0) return { term: piece, glosses: [] };
    const inner = piece.slice(open + 1, piece.lastIndexOf(')'));
    return { term: piece.slice(0, open).trim(), glosses: splitTop(inner, /^(,\s+|\s+\/\s+)/) };
  });
}

/** An English term as a lookup key: lowercase, no parenthesis, British -ise as -ize, no hyphens or spaces. */
export function englishKeys(headword: string): string[] {
  const norm = (s: string): string => s.toLowerCase().replace(/isation/g, 'ization').replace(/[-\s–]+/g, '');
  const open = headword.indexOf('(');
  const main = open < 0 ? headword : `${headword.slice(0, open)}${headword.slice(headword.lastIndexOf(')') + 1)}`;
  const inner = open < 0 ? [] : headword.slice(open + 1, headword.lastIndexOf(')')).split(/,\s*|\s+\/\s+/);
  return [main, ...inner].map(norm).filter((k) => k !== '').flatMap((k) => (k.endsWith('s') ? [k, k.slice(0, -1)] : [k]));
}
