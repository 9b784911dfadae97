/**
 * What a translation of a markdown cell must keep, read with markdown-it and the KaTeX plugin the
 * book uses (so `$` inside code spans, escaped dollars and tables are read as the book reads
 * them): the formulas, and the link targets, which must still resolve from the translated
 * notebook's folder.
 */
import MarkdownIt from 'markdown-it';
import katexPlugin from '@vscode/markdown-it-katex';

type Token = ReturnType<MarkdownIt.MarkdownIt['parse']>[number];

const md = new MarkdownIt({ html: true }).use(katexPlugin);

function walk(tokens: Token[], visit: (t: Token) => void): void {
  for (const t of tokens) {
    visit(t);
    if (t.children) walk(t.children, visit);
  }
}

/** Every formula of a markdown text, as written: `$…$` inline, `$$…$$` display. */
export function formulas(markdown: string): string[] {
  const found: string[] = [];
  walk(md.parse(markdown, {}), (t) => {
    if (t.type === 'math_inline') found.push(`$${t.content}$`);
    else if (t.type.startsWith('math_')) found.push(`$$${t.content.trim()}$$`);
  });
  return found;
}

/**
 * The formulas of `english` missing from `translated` (every one, as often as the English has
 * it), and the math `translated` adds: a formula that is not part of a formula of the English
 * chapter (`chapter`: every formula of its markdown; by default those of `english`). Repeating a
 * symbol the chapter shows, `$B$` of `$\\frac1B$`, is a translator's choice; new or changed math
 * is not.
 */
export function formulaChanges(english: string, translated: string, chapter: readonly string[] = formulas(english)): { missing: string[]; added: string[] } {
  const source = formulas(english);
  const count = new Map<string, number>();
  for (const f of source) count.set(f, (count.get(f) ?? 0) + 1);
  const inner = (f: string): string => f.replace(/^\$\$?|\$?\$$/g, '').trim();
  const added: string[] = [];
  for (const f of formulas(translated)) {
    const n = count.get(f) ?? 0;
    if (n > 0) count.set(f, n - 1);
    else if (!chapter.some((e) => e === f || inner(e).includes(inner(f)))) added.push(f);
  }
  const missing = [...count.entries()].flatMap(([f, n]) => Array<string>(n).fill(f));
  return { missing, added };
}

/** The targets of the links and images of a markdown text. */
export function linkTargets(markdown: string): string[] {
  const found: string[] = [];
  walk(md.parse(markdown, {}), (t) => {
    const target = t.type === 'link_open' ? t.attrGet('href') : t.type === 'image' ? t.attrGet('src') : null;
    if (target) found.push(String(target));
  });
  return found;
}

/** True for a target relative to the notebook's folder (not a URL, not an anchor, not absolute). */
export function isRelativeTarget(target: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#') && !target.startsWith('/');
}

/**
 * The prose of a markdown text: its text with formulas, code spans, fenced code and HTML tags
 * left out (what a reader reads as sentences).
 */
export function proseText(markdown: string): string {
  const parts: string[] = [];
  walk(md.parse(markdown, {}), (t) => {
    if (t.type === 'text') parts.push(t.content);
    else if (t.type === 'softbreak' || t.type === 'hardbreak') parts.push('\n');
    else if (t.type === 'image') parts.push(t.content);
  });
  return parts.join(' ');
}
