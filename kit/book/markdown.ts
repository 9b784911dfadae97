/**
 * Markdown → HTML for the book: markdown-it with KaTeX (math typeset at build time, no script in
 * the page), highlight.js for code, heading anchors collected for the sidebar, and links between
 * notebooks (`02-cross-entropy.ipynb#softmax`) rewritten to the book's pages.
 */
import MarkdownIt from 'markdown-it';
import katexPlugin from '@vscode/markdown-it-katex';
import { escapeHtml } from '../notebooks/helpers/escape';
import { KATEX_OPTIONS, renderTex, strictKatexFor, typesetHtml } from './tex';
import { CATALOGUES, type Catalogue } from './lang';
import hljs from 'highlight.js/lib/core';
import typescript from 'highlight.js/lib/languages/typescript';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import bash from 'highlight.js/lib/languages/bash';
import python from 'highlight.js/lib/languages/python';
import plaintext from 'highlight.js/lib/languages/plaintext';

hljs.registerLanguage('typescript', typescript);
hljs.registerLanguage('javascript', javascript);
hljs.registerLanguage('json', json);
hljs.registerLanguage('bash', bash);
hljs.registerLanguage('python', python);
hljs.registerLanguage('plaintext', plaintext);

/** The language of code cells (tslab notebooks are TypeScript). */
export const CODE_LANGUAGE = 'typescript';

/** A heading of a page, for the sidebar. */
export interface Heading {
  level: number;
  id: string;
  /** The heading's inline HTML (may hold typeset math). */
  html: string;
}

/** What rendering collects: the page's headings and the ids already used on it. */
export interface PageEnv {
  headings: Heading[];
  ids: Set<string>;
  [key: string | symbol]: unknown;
}

/** A markdown-it instance. */
export type Markdown = MarkdownIt.MarkdownIt;

export function newPageEnv(): PageEnv {
  return { headings: [], ids: new Set() };
}

export { escapeHtml, KATEX_OPTIONS, renderTex, typesetHtml };

/** Highlighted HTML of code (escaped plain text for an unknown language). */
export function highlight(code: string, language: string = CODE_LANGUAGE): string {
  const lang = language.toLowerCase().replace(/^ts$/, 'typescript').replace(/^(js|node)$/, 'javascript')
    .replace(/^(sh|shell|console)$/, 'bash').replace(/^py$/, 'python');
  if (!hljs.getLanguage(lang)) return escapeHtml(code);
  return hljs.highlight(code, { language: lang, ignoreIllegals: true }).value;
}

/** A URL-friendly id: "2 · The gradient of $L$" → "2-the-gradient-of-l". */
export function slugify(text: string): string {
  const slug = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC').toLowerCase().replace(/<[^>]*>/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  return slug || 'section';
}

function uniqueId(env: PageEnv, base: string): string {
  let id = base;
  for (let k = 2; env.ids.has(id); k++) id = `${base}-${k}`;
  env.ids.add(id);
  return id;
}

/** `01-mse.ipynb#x` → `01-mse.html#x`; `../exercises/mse.ts` → `exercises/mse.html`; others unchanged. */
export function rewriteHref(href: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#') || href.startsWith('//')) return href;
  const nb = /^(?:\.\/|notebooks\/|\.\.\/notebooks\/)?([\w.-]+)\.ipynb(#.*)?$/.exec(href);
  if (nb) return `${nb[1]}.html${nb[2] ?? ''}`;
  const ex = /^(?:\.\.\/){0,2}exercises\/([\w.-]+)\.ts(#.*)?$/.exec(href);
  if (ex) return `exercises/${ex[1]}.html${ex[2] ?? ''}`;
  return href;
}

/** The markdown renderer of the book (one instance per build and language: its words label anchors and spoken math). */
export function createMarkdown(words: Catalogue = CATALOGUES.en): Markdown {
  const md = new MarkdownIt({
    html: true,
    linkify: false,
    typographer: false,
    highlight: (code, lang) => highlight(code, lang || 'plaintext'),
  });
  md.use(katexPlugin, { throwOnError: false, katex: strictKatexFor(words) } as unknown as Parameters<typeof katexPlugin>[1]);

  // Fenced code gets the hljs class (the highlight callback returns the inner HTML only).
  md.renderer.rules.fence = (tokens, idx) => {
    const token = tokens[idx];
    const lang = token.info.trim().split(/\s+/)[0] || 'plaintext';
    return `<pre class="code-block" tabindex="0"><code class="hljs language-${escapeHtml(lang)}">${highlight(token.content, lang)}</code></pre>\n`;
  };

  md.renderer.rules.heading_open = (tokens, idx, options, env, self) => {
    const page = (env ?? newPageEnv()) as PageEnv;
    const inline = tokens[idx + 1];
    const text = (inline.children ?? []).map((t) => t.content).join('');
    const level = Number(tokens[idx].tag.slice(1));
    const id = uniqueId(page, slugify(text));
    tokens[idx].attrSet('id', id);
    page.headings?.push({ level, id, html: md.renderer.renderInline(inline.children ?? [], options, page) });
    return self.renderToken(tokens, idx, options);
  };
  md.renderer.rules.heading_close = (tokens, idx, options, _env, self) => {
    const id = tokens[idx - 2]?.attrGet('id');
    const anchor = id ? `<a class="anchor" href="#${id}" aria-label="${words.page.sectionLink}">#</a>` : '';
    return `${anchor}${self.renderToken(tokens, idx, options)}`;
  };

  const linkOpen = md.renderer.rules.link_open;
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const href = tokens[idx].attrGet('href');
    if (typeof href === 'string') tokens[idx].attrSet('href', rewriteHref(href));
    return linkOpen ? linkOpen(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
  };
  return md;
}
