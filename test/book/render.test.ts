/**
 * The book's rendering pieces: Markdown with KaTeX and highlight.js, links between notebooks,
 * heading anchors, math inside HTML outputs, every kind of notebook output, titles and summaries.
 */
import { describe, expect, it } from 'vitest';
import type { IOutput } from '@jupyterlab/nbformat';
import { firstSentence, summaryOf, titleAndParagraphs } from '../../kit/book/chapter';
import { createMarkdown, newPageEnv, rewriteHref, slugify, typesetHtml } from '../../kit/book/markdown';
import { PLOTLY_MIME, renderOutputs, stripAnsi } from '../../kit/book/outputs';

const md = createMarkdown();
const ctx = () => ({ md, env: newPageEnv(), figures: 0 });
/** The text a reader sees: tags dropped, entities decoded. */
/** The text a sighted reader sees: KaTeX's MathML copy (visually hidden, for screen readers) and tags dropped. */
const visible = (html: string): string => html.replace(/<span class="katex-mathml">[\s\S]*?<\/math><\/span>/g, '').replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('markdown', () => {
  it('typesets inline and display math at build time, leaving no TeX source in the text', () => {
    const html = md.render('The loss $L = \\frac{1}{n}\\sum_i e_i^2$ and\n\n$$\\nabla_\\theta L = \\frac{2}{n} X^\\top e$$\n');
    expect(html.match(/class="katex"/g)?.length).toBe(2);
    expect(html).toContain('katex-display');
    expect(html).not.toContain('$');
    expect(visible(html)).not.toContain('\\frac');
    expect(html).toContain('<math'); // KaTeX's MathML is kept beside its HTML, for screen readers; no MathML copy of the source
  });

  it('marks a formula KaTeX cannot parse instead of throwing', () => {
    const html = md.render('bad $\\notacommand{x}$ here');
    expect(html).toContain('katex-error');
    expect(html).toContain('bad ');
  });

  it('highlights TypeScript code fences', () => {
    const html = md.render('```ts\nconst x: number = 1;\n```\n');
    expect(html).toContain('<span class="hljs-keyword">const</span>');
    expect(html).toContain('class="hljs language-ts"');
  });

  it('rewrites links between notebooks and to exercise files, and leaves the others alone', () => {
    expect(rewriteHref('02-cross-entropy.ipynb')).toBe('02-cross-entropy.html');
    expect(rewriteHref('./03-gradient-descent.ipynb#the-learning-rate')).toBe('03-gradient-descent.html#the-learning-rate');
    expect(rewriteHref('../exercises/mse.ts')).toBe('exercises/mse.html');
    expect(rewriteHref('https://pytorch.org/docs/x.ipynb')).toBe('https://pytorch.org/docs/x.ipynb');
    expect(rewriteHref('#local')).toBe('#local');
    expect(md.render('[next](02-b.ipynb)')).toContain('href="02-b.html"');
  });

  it('gives headings unique ids and collects them for the sidebar', () => {
    const env = newPageEnv();
    const html = md.render('# Title\n\n## The gradient of $L$\n\n## Summary\n\n## Summary\n', env);
    expect(env.headings.map((h) => [h.level, h.id])).toEqual([[1, 'title'], [2, 'the-gradient-of-l'], [2, 'summary'], [2, 'summary-2']]);
    expect(html).toContain('<h2 id="summary-2">');
    expect(env.headings[1].html).toContain('class="katex"');
  });

  it('slugifies Korean and accented text', () => {
    expect(slugify('Glossary · 용어집')).toBe('glossary-용어집');
    expect(slugify('Café — Déjà vu')).toBe('cafe-deja-vu');
    expect(slugify('***')).toBe('section');
  });
});

describe('math inside HTML outputs', () => {
  it('typesets $$…$$, \\(…\\) and $…$ in text, not inside pre/code/script', () => {
    const html = typesetHtml('<p>$$\\frac{1}{2} &lt; 1$$</p><p>so \\(a\\) and $b$</p><pre>$$raw$$</pre><code>$c$</code><script>var s = "$x$";</script>');
    expect(html.match(/class="katex"/g)?.length).toBe(3);
    expect(html).toContain('<pre>$$raw$$</pre>');
    expect(html).toContain('<code>$c$</code>');
    expect(html).toContain('"$x$"');
    expect(visible(html.replace(/<pre>.*<\/pre>|<code>.*<\/code>|<script>.*<\/script>/g, ''))).not.toMatch(/\$|\\frac|\\\(/);
  });

  it('leaves prices alone', () => {
    expect(typesetHtml('<td>costs $5 and $10</td>')).toBe('<td>costs $5 and $10</td>');
  });
});

describe('outputs', () => {
  const figure = { data: [{ type: 'scatter', x: [0, 1, 2], y: [0, 1, 4], name: 'f' }], layout: { height: 300, title: { text: '</script> x²' } }, config: { responsive: true } };

  it('turns a plotly figure into a placeholder with its JSON, and drops plotSetup()\'s inlined plotly.js', () => {
    const c = ctx();
    const html = renderOutputs([
      { output_type: 'display_data', data: { 'text/html': '<script>/* plotly.js */</script>', 'text/plain': 'plotly.js 4 loaded' }, metadata: { 'descent/plot-setup': true } },
      { output_type: 'display_data', data: { [PLOTLY_MIME]: figure, 'text/html': '<div class="descent-plot"></div><script>draw()</script>', 'text/plain': 'Figure: 1 trace' }, metadata: {} },
    ] as IOutput[], c);
    expect(c.figures).toBe(1);
    expect(html).not.toContain('plotly.js');
    expect(html).not.toContain('descent-plot');
    expect(html).toContain('<figure class="plot-figure" aria-labelledby="figure-1-description"><div class="plot" id="figure-1" style="min-height:300px">');
    // The caption is generated from the figure's data (not from the notebook's text/plain), with the data in a disclosure.
    expect(html).toContain('<p class="figure-description" id="figure-1-description">Line chart “x²”. x axis from 0 to 2; y axis from 0 to 4. 1 trace: f: rises from 0 to 4 over 3 points.</p>');
    expect(html).toContain('<details class="figure-data"><summary>Data of this figure (1 table)</summary>');
    expect(html).toContain('<caption>f</caption><thead><tr><th scope="col">x</th><th scope="col">y</th></tr></thead><tbody><tr><th scope="row">0</th><td>0</td></tr>');
    const json = /<script type="application\/json" data-figure="figure-1">(.*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(json).not.toContain('</script');
    expect(JSON.parse(json)).toEqual(figure);
  });

  it('merges consecutive stream output, marks stderr, strips colour codes and escapes HTML', () => {
    const html = renderOutputs([
      { output_type: 'stream', name: 'stdout', text: ['a <b>\n', 'c\n'] },
      { output_type: 'stream', name: 'stdout', text: 'd\n' },
      { output_type: 'stream', name: 'stderr', text: '\u001b[31mwarn\u001b[0m\n' },
    ] as IOutput[], ctx());
    expect(html).toBe('<pre class="output-stream" tabindex="0">a &lt;b&gt;\nc\nd\n</pre>\n<pre class="output-stream stderr" tabindex="0">warn\n</pre>');
  });

  it('shows errors, images, HTML tables with math, LaTeX and plain text', () => {
    const html = renderOutputs([
      { output_type: 'error', ename: 'Error', evalue: 'boom', traceback: ['\u001b[0;31mError: boom\u001b[0m', '    at cell 3'] },
      { output_type: 'display_data', data: { 'image/png': 'iVBORw0KGgo=\n', 'text/plain': 'a picture' }, metadata: {} },
      { output_type: 'display_data', data: { 'text/html': '<table><tr><td>$$x^2$$</td></tr></table>', 'text/plain': 'x' }, metadata: {} },
      { output_type: 'display_data', data: { 'text/latex': '$$\\frac{a}{b}$$' }, metadata: {} },
      { output_type: 'execute_result', data: { 'text/plain': '[ 1, 2 ] <x>' }, metadata: {}, execution_count: 3 },
    ] as IOutput[], ctx());
    expect(html).toContain('<pre class="output-error" tabindex="0">Error: boom\n    at cell 3</pre>');
    expect(html).toContain('<img class="output-image" src="data:image/png;base64,iVBORw0KGgo=" alt="a picture">');
    expect(html).toMatch(/<table><tr><td><span class="katex-block"><span class="katex-display">/);
    expect(html).toMatch(/<div class="output-latex"><span class="katex-display">/);
    expect(html).toContain('<pre class="output-text" tabindex="0">[ 1, 2 ] &lt;x&gt;</pre>');
    expect(visible(html)).not.toMatch(/\$\$|\\frac/);
  });

  it('strips ANSI escapes', () => {
    expect(stripAnsi('\u001b[1;32mok\u001b[0m \u001b[2K')).toBe('ok ');
  });
});

describe('titles and summaries', () => {
  it('takes the first # heading and the paragraphs of the first Markdown cell', () => {
    const { title, paragraphs } = titleAndParagraphs('# 1 · Mean squared error\n\n> a quote\n\nHow far off, on average,\nare our predictions? Squared.\n\n1. a list\n\n## Next');
    expect(title).toBe('1 · Mean squared error');
    expect(paragraphs).toEqual(['How far off, on average, are our predictions? Squared.']);
  });

  it('summarises with the sentence saying what the chapter does, else the first sentence', () => {
    expect(summaryOf(['A model predicts $\\hat y$. It errs.', 'This chapter builds the **loss**. You will'])).toBe('This chapter builds the **loss**.');
    expect(summaryOf(['Intro. In this chapter you will'])).toBe('Intro.');
    expect(summaryOf(['Chapters 1 and 2 gave us losses. The idea of this chapter: small steps.'])).toBe('The idea of this chapter: small steps.');
    expect(summaryOf([])).toBe('');
  });

  it('cuts a summary at its first sentence, not at e.g., in code or in math', () => {
    expect(firstSentence('We fit a line, e.g. ŷ = wx + b. Then we plot it.')).toBe('We fit a line, e.g. ŷ = wx + b.');
    expect(firstSentence('Call `a. B` and $x. Y$ first. Then more.')).toBe('Call `a. B` and $x. Y$ first.');
    expect(firstSentence('One sentence only')).toBe('One sentence only');
  });
});
