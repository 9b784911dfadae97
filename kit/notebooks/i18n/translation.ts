/**
 * Reading a translation file `notebooks/i18n/<lang>/<name>.yaml` (the format every translator
 * follows; see README.md here): YAML 1.2 read with the failsafe schema, so every value is a
 * string exactly as written (a hash of digits stays a string), with the line of every entry for
 * the messages.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { createHash } from 'crypto';

/** One problem found in a translation or a generated notebook: where, and what to do. */
export interface Problem {
  /** The file to edit, relative to the project (forward slashes). */
  file: string;
  line?: number;
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}${p.line !== undefined ? `:${p.line}` : ''}: ${p.message}`;
}

/** A replacement of one literal's inner text in a code cell. */
export interface StringEntry {
  en: string;
  ko: string;
  line: number;
}

/** The translation of one cell. */
export interface CellEntry {
  id: string;
  /** The first 12 hex digits of the SHA-256 of the English cell's source when it was translated. */
  en: string;
  /** A markdown cell's translation. */
  md?: string;
  /** A code cell's reader-visible literals. */
  strings?: StringEntry[];
  line: number;
}

export interface Translation {
  /** The English notebook's file name, as the file says. */
  notebook: string;
  cells: CellEntry[];
}

/** The hash a translation records for the English cell it was made from. */
export function sourceHash(source: string): string {
  return createHash('sha256').update(source, 'utf8').digest('hex').slice(0, 12);
}

const CELL_KEYS = new Set(['id', 'en', 'md', 'strings']);
const STRING_KEYS = new Set(['en', 'ko']);

/**
 * Parses a translation file's text. Problems (missing or unknown keys, duplicate cells) are
 * pushed to `problems` and the entries that could be read are returned; a file that is not YAML
 * or not a mapping gives null (its problem pushed).
 */
export function parseTranslation(text: string, file: string, problems: Problem[]): Translation | null {
  const lines = new LineCounter();
  const doc = parseDocument(text, { schema: 'failsafe', uniqueKeys: true, lineCounter: lines, prettyErrors: false });
  const lineOf = (node: YamlNode | null | undefined): number => (node?.range ? lines.linePos(node.range[0]).line : 1);
  const problem = (node: YamlNode | null | undefined, message: string): void => { problems.push({ file, line: lineOf(node), message }); };
  const result: Translation = { notebook: '', cells: [] };
  for (const e of doc.errors) problems.push({ file, line: lines.linePos(e.pos[0]).line, message: `not valid YAML: ${e.message.split('\n')[0]}` });
  if (doc.errors.length > 0) return null;
  const root = doc.contents;
  if (!isMap(root)) {
    problem(root, 'expected a mapping with the keys "notebook" and "cells"');
    return null;
  }
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key !== 'notebook' && key !== 'cells') problem(pair.key as YamlNode, `unknown key ${JSON.stringify(key)} (expected "notebook" and "cells")`);
  }
  const notebook = root.get('notebook', true);
  if (isScalar(notebook) && typeof notebook.value === 'string') result.notebook = notebook.value;
  else problem(notebook ?? root, 'expected "notebook: <English file name>.ipynb"');
  const cells = root.get('cells', true);
  if (!isSeq(cells)) {
    problem(cells ?? root, 'expected "cells:" with a list of entries (- id: …)');
    return result;
  }
  const seen = new Map<string, number>();
  for (const item of cells.items) {
    if (!isMap(item)) {
      problem(item as YamlNode, 'a cell entry must be a mapping with id, en and md or strings');
      continue;
    }
    const text = (key: string): string | undefined => {
      const v = item.get(key, true);
      if (v === undefined) return undefined;
      if (isScalar(v) && typeof v.value === 'string') return v.value;
      problem(v as YamlNode, `"${key}" must be a string`);
      return undefined;
    };
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!CELL_KEYS.has(key)) problem(pair.key as YamlNode, `unknown key ${JSON.stringify(key)} in a cell entry (expected id, en, md, strings)`);
    }
    const entry: CellEntry = { id: text('id') ?? '', en: text('en') ?? '', line: lineOf(item) };
    if (entry.id === '') problem(item, 'a cell entry without "id" (the English cell\'s id)');
    if (entry.en === '') problem(item, `cell ${entry.id}: no "en" hash (the first 12 hex digits of the SHA-256 of the English cell's source)`);
    if (seen.has(entry.id)) problem(item, `cell ${entry.id} appears twice (also at line ${seen.get(entry.id)})`);
    seen.set(entry.id, entry.line);
    const md = text('md');
    if (md !== undefined) entry.md = md;
    const strings = item.get('strings', true);
    if (strings !== undefined) {
      if (!isSeq(strings)) {
        problem(strings as YamlNode, `cell ${entry.id}: "strings" must be a list of {en, ko}`);
      } else {
        entry.strings = [];
        for (const s of strings.items) {
          if (!isMap(s)) {
            problem(s as YamlNode, `cell ${entry.id}: each string is a mapping {en: …, ko: …}`);
            continue;
          }
          for (const pair of s.items) {
            const key = isScalar(pair.key) ? String(pair.key.value) : '';
            if (!STRING_KEYS.has(key)) problem(pair.key as YamlNode, `cell ${entry.id}: unknown key ${JSON.stringify(key)} in a string (expected en, ko)`);
          }
          const en = s.get('en', true);
          const ko = s.get('ko', true);
          if (!isScalar(en) || typeof en.value !== 'string' || !isScalar(ko) || typeof ko.value !== 'string') {
            problem(s, `cell ${entry.id}: a string needs both "en" (the literal's text in the code) and "ko" (its translation)`);
            continue;
          }
          entry.strings.push({ en: en.value, ko: ko.value, line: lineOf(s) });
        }
      }
    }
    if (md !== undefined && entry.strings !== undefined) problem(item, `cell ${entry.id}: has both "md" and "strings"; a markdown cell has md, a code cell strings`);
    result.cells.push(entry);
  }
  return result;
}
