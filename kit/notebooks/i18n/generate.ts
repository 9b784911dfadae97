/**
 * One translated notebook from its English source and its translation file: markdown cells
 * replaced by their translations, reader-visible literals of code cells replaced in place (the
 * code is otherwise the English code, byte for byte), same cell ids, same order. Every way the
 * translation can be wrong or out of date is reported as a problem naming the cell.
 */
import { existsSync } from 'fs';
import { resolve } from 'path';
import type { ICell, INotebookContent } from '@jupyterlab/nbformat';
import { sourceText, toLines } from '../notebook';
import { allLiterals, namesRead, parseLiteralBody, replaceLiterals } from './literals';
import { formulaChanges, formulas, isRelativeTarget, linkTargets } from './markdown';
import { sourceHash, type CellEntry, type Problem, type Translation } from './translation';

export interface TranslateContext {
  /** The language code, e.g. `ko`. */
  lang: string;
  /** The English notebook's file name. */
  name: string;
  /** The translation file, as shown in messages. */
  file: string;
  /** The folder the translated notebook goes to (links are resolved from there). */
  outDir: string;
  /** The file names of the English notebooks (each gets a twin, so a link to one resolves). */
  course: readonly string[];
  /** Every formula of the English notebook's markdown (set by translateNotebook). */
  formulas?: readonly string[];
}

/** What the generated notebook's metadata says about itself (under `metadata.descent`). */
export interface TranslationMetadata {
  lang: string;
  source: string;
  translation: string;
  generated: string;
}

const ROLE_NAMES = { module: 'an import path', key: 'a key read by name (o[\'…\'], a literal type, a destructured name)', exercise: "an exercise name (check('…'))" } as const;

const firstLine = (source: string): string => {
  const line = source.split('\n').find((l) => l.trim() !== '') ?? '';
  return line.length > 90 ? `${line.slice(0, 87)}…` : line;
};

const multiset = (xs: readonly string[]): string => JSON.stringify([...xs].sort());

/**
 * The literals of `code` replaced as `entry.strings` asks (literals inside a template's `${…}`
 * included); problems for what cannot be. The quoted object keys it translates are added to
 * `labels` (the notebook must never read them by name).
 */
function translateCode(code: string, entry: CellEntry, ctx: TranslateContext, problems: Problem[], labels: Map<string, string>): string {
  const literals = allLiterals(code);
  const translated = new Map<string, string>();
  const seen = new Set<string>();
  for (const s of entry.strings ?? []) {
    const at = (message: string): void => { problems.push({ file: ctx.file, line: s.line, message: `cell ${entry.id}: ${message}` }); };
    if (seen.has(s.en)) at(`the string ${JSON.stringify(s.en)} is listed twice (one entry replaces every occurrence)`);
    seen.add(s.en);
    const matches = literals.filter((l) => l.inner === s.en);
    if (matches.length === 0) {
      at(`no string or template literal of the cell has exactly the text ${JSON.stringify(s.en)} (give a literal's whole inner text, escapes as written; first line of the cell: ${JSON.stringify(firstLine(code))})`);
      continue;
    }
    const wrong = matches.filter((l) => l.role !== 'text' && l.role !== 'label');
    if (wrong.length > 0) {
      at(`${JSON.stringify(s.en)} is ${ROLE_NAMES[wrong[0].role as keyof typeof ROLE_NAMES]}: it is code, never translated`);
      continue;
    }
    const problem = matches.map((literal) => {
      const body = parseLiteralBody(literal.quote, s.ko);
      if (body === null) return `the translation ${JSON.stringify(s.ko)} is not a valid ${literal.quote}…${literal.quote} literal (an unescaped ${literal.quote}, a line break or a broken \${…}?)`;
      if (literal.kind === 'template' && multiset(body.expressions) !== multiset(literal.expressions)) {
        return `the template's \${…} expressions differ: English has ${literal.expressions.map((e) => `\${${e}}`).join(' ') || 'none'}, the translation ${body.expressions.map((e) => `\${${e}}`).join(' ') || 'none'}`;
      }
      return null;
    }).find((p) => p !== null);
    if (problem) {
      at(problem);
      continue;
    }
    translated.set(s.en, s.ko);
    if (matches.some((l) => l.role === 'label')) labels.set(s.en, entry.id);
  }
  return replaceLiterals(code, translated);
}

/** The translated markdown after the checks that it keeps the formulas and its links resolve. */
function translateMarkdown(english: string, entry: CellEntry, ctx: TranslateContext, problems: Problem[]): string {
  const at = (message: string): void => { problems.push({ file: ctx.file, line: entry.line, message: `cell ${entry.id}: ${message}` }); };
  const md = entry.md ?? '';
  const { missing, added } = formulaChanges(english, md, ctx.formulas);
  if (missing.length > 0 || added.length > 0) {
    const show = (fs: string[]): string => fs.map((f) => (f.length > 60 ? `${f.slice(0, 57)}…` : f)).join('  ');
    at(`the math changed (formulas are kept byte for byte): ${missing.length > 0 ? `missing ${show(missing)}` : ''}${missing.length > 0 && added.length > 0 ? '; ' : ''}${added.length > 0 ? `not in the English ${show(added)}` : ''}`);
  }
  for (const target of linkTargets(md).filter(isRelativeTarget)) {
    const path = decodeURI(target.split('#')[0]);
    if (path === '' || ctx.course.includes(path) || existsSync(resolve(ctx.outDir, path))) continue;
    at(`the link target ${JSON.stringify(target)} does not exist from notebooks/${ctx.lang}/ (a file beside the English notebook is ../${path})`);
  }
  return md;
}

/**
 * The translated notebook, or null when the translation has problems (pushed to `problems`;
 * nothing half-translated is ever produced).
 */
export function translateNotebook(english: INotebookContent, translation: Translation, context: TranslateContext, problems: Problem[]): INotebookContent | null {
  const before = problems.length;
  const ctx: TranslateContext = { ...context, formulas: english.cells.filter((c) => c.cell_type === 'markdown').flatMap((c) => formulas(sourceText(c.source))) };
  const at = (line: number | undefined, message: string): void => { problems.push({ file: ctx.file, line, message }); };
  if (translation.notebook !== ctx.name) at(1, `"notebook" is ${JSON.stringify(translation.notebook)}, expected ${JSON.stringify(ctx.name)}`);
  const index = new Map<string, number>();
  english.cells.forEach((c, i) => {
    if (typeof c.id === 'string') index.set(c.id, i);
    else at(undefined, `notebooks/${ctx.name} cell ${i} has no id (nbformat 4.5): open and save it in Jupyter, or run npm run notebooks -- --strip`);
  });
  const entries = new Map<string, CellEntry>();
  let last = -1;
  for (const entry of translation.cells) {
    const i = index.get(entry.id);
    if (i === undefined) {
      at(entry.line, `cell ${entry.id} is not in notebooks/${ctx.name} (deleted or renamed there?): remove or re-target this entry`);
      continue;
    }
    if (i < last) at(entry.line, `cell ${entry.id} is out of order: entries follow the English notebook's order`);
    last = Math.max(last, i);
    entries.set(entry.id, entry);
    const cell = english.cells[i];
    const source = sourceText(cell.source);
    const hash = sourceHash(source);
    if (entry.en !== hash) {
      at(entry.line, `cell ${entry.id} (${cell.cell_type}) changed in English since it was translated (en: ${entry.en}, now ${hash}); it begins ${JSON.stringify(firstLine(source))}. Update the translation, then set en: ${hash}`);
    }
    if (cell.cell_type === 'markdown' && entry.md === undefined) at(entry.line, `cell ${entry.id} is a markdown cell: translate it under "md"`);
    if (cell.cell_type === 'code' && entry.md !== undefined) at(entry.line, `cell ${entry.id} is a code cell: list its reader-visible literals under "strings", not "md"`);
    if (cell.cell_type === 'raw') at(entry.line, `cell ${entry.id} is a raw cell: raw cells are copied, not translated`);
  }
  const labels = new Map<string, string>();
  const cells: ICell[] = english.cells.map((cell) => {
    const id = typeof cell.id === 'string' ? cell.id : '';
    const entry = entries.get(id);
    const source = sourceText(cell.source);
    if (cell.cell_type === 'markdown') {
      if (entry?.md === undefined) {
        if (source.trim() !== '' && entry === undefined) at(undefined, `markdown cell ${id} has no translation; it begins ${JSON.stringify(firstLine(source))} (add an entry: id: ${id}, en: ${sourceHash(source)}, md: …)`);
        return cell;
      }
      return { ...cell, source: toLines(translateMarkdown(source, entry, ctx, problems)) };
    }
    if (cell.cell_type === 'code' && entry?.strings !== undefined) {
      return { ...cell, source: toLines(translateCode(source, entry, ctx, problems, labels)) };
    }
    return cell;
  });
  // a translated object key must be a label only: no cell reads it by name
  if (labels.size > 0) {
    for (const cell of english.cells.filter((c) => c.cell_type === 'code')) {
      const read = namesRead(sourceText(cell.source));
      for (const [label, id] of labels) {
        if (read.has(label)) at(entries.get(id)?.line, `cell ${id}: the object key ${JSON.stringify(label)} is read by name in cell ${String(cell.id)}: it is code, never translated`);
      }
    }
  }
  if (problems.length > before) return null;
  const descent: TranslationMetadata = {
    lang: ctx.lang,
    source: `../${ctx.name}`,
    translation: `../i18n/${ctx.lang}/${ctx.name.replace(/\.ipynb$/, '.yaml')}`,
    generated: 'by npm run translations: edit the English notebook and the translation file, never this file',
  };
  return { ...english, metadata: { ...english.metadata, descent: { ...descent } }, cells };
}
