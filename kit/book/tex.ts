/**
 * Math for the book, typeset at build time (and in the page for live outputs) with KaTeX: HTML
 * for the eye and MathML beside it for screen readers (KaTeX hides the MathML visually). A display
 * equation that chains several steps (`\Longrightarrow`, `\iff`, `\qquad`-separated equations,
 * the rows of `aligned`) reads as one run-on formula in MathML; its MathML is given step by step
 * instead, announced ("Derivation in 3 steps: …, which implies …"). No Node, no markdown-it: the
 * book's live page bundles this file.
 */
import katex from 'katex';
import { escapeHtml } from '../notebooks/helpers/escape';
import { CATALOGUES, fill, type Catalogue } from './lang';

export { katex };

/** KaTeX options: HTML plus MathML (the accessible copy; never strip it). */
export const KATEX_OPTIONS = { strict: 'ignore' as const, output: 'htmlAndMathml' as const };

/** One step of a multi-step display equation, and the words that lead into it. */
export interface MathStep { tex: string; lead: string }

/** Spacing around a separator (`\;`, `\,`, `\ `, `\quad`, `\qquad`), absorbed with it. */
const SPACE = String.raw`(?:\\[;,:! ]|\\q?quad(?![a-zA-Z])|\s)*`;
const SEPARATORS: Array<{ re: RegExp; lead: string; derivation: boolean }> = [
  { re: new RegExp(String.raw`^${SPACE}\\(?:Longrightarrow|implies|Rightarrow)(?![a-zA-Z])${SPACE}`), lead: 'which implies', derivation: true },
  { re: new RegExp(String.raw`^${SPACE}\\(?:iff|Longleftrightarrow|Leftrightarrow)(?![a-zA-Z])${SPACE}`), lead: 'if and only if', derivation: true },
  { re: new RegExp(String.raw`^,?${SPACE}\\qquad(?![a-zA-Z])${SPACE}`), lead: 'and', derivation: false },
];

const RELATION = /=|<|>|\\(?:le|ge|leq|geq|approx|propto|neq|sim|equiv)(?![a-zA-Z])/;

/**
 * The steps of a display equation split at its top level (outside braces and environments), or
 * one step when it is a single equation. `derivation` is true when a step follows from the last.
 */
export function mathSteps(source: string): { steps: MathStep[]; derivation: boolean } {
  const aligned = /^\s*\\begin\{(aligned|align\*?|gathered)\}([\s\S]*)\\end\{\1\}\s*[.,]?\s*$/.exec(source);
  if (aligned) {
    const rows = aligned[2].split(/\\\\(?:\[[^\]]*\])?/).map((r) => r.replace(/&/g, ' ').trim()).filter((r) => r !== '');
    if (rows.length > 1) return { steps: rows.map((tex, i) => ({ tex, lead: i === 0 ? '' : 'then' })), derivation: true };
  }
  const steps: MathStep[] = [];
  let depth = 0;
  let env = 0;
  let start = 0;
  let lead = '';
  let derivation = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\' && source.startsWith('\\begin{', i)) env++;
    else if (c === '\\' && source.startsWith('\\end{', i)) env--;
    if (c === '\\' && (source[i + 1] === '{' || source[i + 1] === '}')) { i++; continue; }
    if (c === '{') depth++;
    else if (c === '}') depth--;
    if (depth !== 0 || env !== 0 || !/[\\,\s]/.test(c)) continue;
    for (const sep of SEPARATORS) {
      const m = sep.re.exec(source.slice(i));
      if (!m) continue;
      const part = source.slice(start, i).trim();
      if (sep.derivation === false && !RELATION.test(part)) break; // \qquad inside one equation
      steps.push({ tex: part, lead });
      lead = sep.lead;
      derivation ||= sep.derivation;
      start = i + m[0].length;
      i = start - 1;
      break;
    }
  }
  steps.push({ tex: source.slice(start).trim(), lead });
  const kept = steps.filter((s) => s.tex !== '' && !/^[.,;]$/.test(s.tex));
  return kept.length > 1 ? { steps: kept, derivation } : { steps: [{ tex: source, lead: '' }], derivation: false };
}

/** The catalogue's word for a step's lead (mathSteps gives them in English). */
const LEADS: Record<string, keyof Catalogue['math']> = { 'which implies': 'implies', 'if and only if': 'iff', and: 'and', then: 'then' };

/** KaTeX's HTML with, for a multi-step equation, MathML given step by step (announced in the page's language). */
function speakable(source: string, html: string, words: Catalogue = CATALOGUES.en): string {
  const { steps, derivation } = mathSteps(source);
  if (steps.length < 2) return html;
  let spoken: string;
  try {
    spoken = steps.map((s) => {
      const mathml = katex.renderToString(s.tex.replace(/(?<!\\)[.,;]\s*$/, ''), { ...KATEX_OPTIONS, output: 'mathml', throwOnError: true });
      const math = /<math[\s\S]*<\/math>/.exec(mathml)?.[0] ?? '';
      return `${s.lead ? `<span>, ${s.lead in LEADS ? words.math[LEADS[s.lead]] : s.lead} </span>` : ''}${math}`;
    }).join('');
  } catch {
    return html; // a step that does not typeset alone (e.g. split inside \left…\right): keep KaTeX's MathML
  }
  const label = fill(derivation ? words.math.derivation : words.math.equations, { n: steps.length });
  return html.replace(/<span class="katex-mathml">[\s\S]*?<\/math><\/span>/, `<span class="katex-mathml"><span>${label}</span>${spoken}</span>`);
}

/**
 * Typesets TeX; a formula KaTeX rejects (unknown command, bad syntax) becomes
 * `<span class="katex-error" title="the TeX">the message</span>`, which the build reports.
 */
export function renderTex(source: string, displayMode: boolean, words: Catalogue = CATALOGUES.en): string {
  try {
    const html = katex.renderToString(source, { ...KATEX_OPTIONS, displayMode, throwOnError: true });
    return displayMode ? speakable(source, html, words) : html;
  } catch (e) {
    return `<span class="katex-error" title="${escapeHtml(source)}">${escapeHtml(String((e as Error).message ?? e))}</span>`;
  }
}

/** KaTeX for the markdown-it plugin: throws on bad TeX (the plugin shows a `.katex-error` span); display math is made speakable in the page's language. */
export function strictKatexFor(words: Catalogue = CATALOGUES.en): { renderToString(source: string, options: Record<string, unknown>): string } {
  return {
    renderToString: (source: string, options: Record<string, unknown>): string => {
      const html = katex.renderToString(source, { ...options, ...KATEX_OPTIONS, throwOnError: true });
      return options.displayMode === true ? speakable(source, html, words) : html;
    },
  };
}

/** The English pages' KaTeX for the markdown-it plugin. */
export const strictKatex = strictKatexFor();

function unescapeHtml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#0?39;/g, "'").replace(/&amp;/g, '&');
}

function tex(source: string, displayMode: boolean, words: Catalogue): string {
  const html = renderTex(unescapeHtml(source), displayMode, words);
  return displayMode ? `<span class="katex-block">${html}</span>` : html;
}

/** Display math `$$…$$`, `\[…\]`, then inline `\(…\)` and `$…$` (no space inside the dollars, not before a digit). */
const MATH = /\$\$([\s\S]+?)\$\$|\\\[([\s\S]+?)\\\]|\\\(([\s\S]+?)\\\)|\$(?=\S)((?:\\\$|[^$\n])+?)(?<=\S)\$(?!\d)/g;

/** Typesets the math in the text of an HTML fragment (outside script, style, pre, code, textarea), like JupyterLab does. */
export function typesetHtml(html: string, words: Catalogue = CATALOGUES.en): string {
  const parts = html.split(/(<[^>]*>)/);
  let skip = 0;
  let out = '';
  for (const part of parts) {
    if (part.startsWith('<')) {
      const tag = /^<(\/?)(script|style|pre|code|textarea)\b/i.exec(part);
      if (tag) skip = Math.max(0, skip + (tag[1] ? -1 : 1));
      out += part;
    } else if (skip > 0 || !/[$\\]/.test(part)) {
      out += part;
    } else {
      out += part.replace(MATH, (_m, d1?: string, d2?: string, i1?: string, i2?: string) =>
        tex((d1 ?? d2 ?? i1 ?? i2) as string, d1 !== undefined || d2 !== undefined, words));
    }
  }
  return out;
}
