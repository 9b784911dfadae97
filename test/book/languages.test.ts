/**
 * The book in two languages, built from the small fixture course (no kernel) with a Korean edition
 * of two of its three chapters: `ko/` pages with `<html lang="ko">`, every page linked to its twin
 * (or, where the other language has no such page, to that language's index) with hreflang, the
 * Korean chrome from the Korean catalogue, Korean summaries, the Korean font only where it is
 * needed, and the catalogues themselves (same keys and holes in every language).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join, posix } from 'path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBook, MANIFEST, type BookResult } from '../../kit/book/build';
import { summaryOf } from '../../kit/book/chapter';
import { FALLBACK_FAMILY, HANGUL_CSS, hangulFaces, hangulIn } from '../../kit/book/fonts';
import { CATALOGUES, LANGUAGES } from '../../kit/book/lang';
import { codeCell, FIGURE, markdownCell, notebook, writeCourse, type Course } from './fixtures';
import { englishChrome, twinLinks } from './page-checks';

let course: Course;
let result: BookResult;
const page = (name: string): string => readFileSync(join(course.out, name), 'utf8');

const KO_FIGURE = { ...FIGURE, layout: { ...FIGURE.layout, title: { text: '제곱수' } } };
const koChapters = (executed: boolean): Record<string, Record<string, unknown>> => ({
  '00-intro.ipynb': notebook([
    markdownCell('# 0 · 들어가며\n\n시험용 과정입니다. 이 장에서는 과정의 구성을 소개합니다. 장은 세 개입니다.'),
    codeCell('show(figure);', executed ? [{ output_type: 'display_data', data: { 'application/vnd.plotly.v1+json': KO_FIGURE, 'text/plain': '그림' }, metadata: {} }] : [], ['hide-input']),
  ]),
  '01-alpha.ipynb': notebook([
    markdownCell('# 1 · 알파와 $\\alpha$\n\n이 장의 아이디어는 간단합니다. 손실을 한 줄로 씁니다.'),
    markdownCell('## 유도\n\n$$a = b \\quad\\Longrightarrow\\quad b = a$$\n\n[연습 문제](../../exercises/alpha.ts)를 여세요.'),
  ]),
});

beforeAll(async () => {
  course = writeCourse();
  for (const [dir, executed] of [[join(course.notebooks, 'ko'), false], [join(course.executed, 'ko'), true]] as const) {
    mkdirSync(dir, { recursive: true });
    for (const [name, nb] of Object.entries(koChapters(executed))) {
      if (executed) (nb.cells as Array<Record<string, unknown>>).filter((c) => c.cell_type === 'code').forEach((c, k) => { c.execution_count = k + 1; });
      writeFileSync(join(dir, name), JSON.stringify(nb));
    }
  }
  result = await buildBook({ out: course.out, notebooksDir: course.notebooks, executedDir: course.executed, exercisesDir: course.exercises, execute: 'never' });
});
afterAll(() => rmSync(course.root, { recursive: true, force: true }));

describe('the book in English and Korean', () => {
  it('writes the Korean pages under ko/, in the manifest too', () => {
    expect(result.editions.map((e) => [e.lang, e.dir, e.pages.length])).toEqual([['en', '', 5], ['ko', 'ko/', 4]]);
    expect(result.pages.filter((p) => p.startsWith('ko/')).sort()).toEqual(['ko/00-intro.html', 'ko/01-alpha.html', 'ko/exercises/alpha.html', 'ko/index.html']);
    const manifest = JSON.parse(page(MANIFEST)) as { editions: Array<{ lang: string; chapters: Array<{ slug: string; notebook: string }> }> };
    expect(manifest.editions[1].chapters.map((c) => c.notebook)).toEqual([expect.stringMatching(/notebooks\/ko\/00-intro\.ipynb$/), expect.stringMatching(/notebooks\/ko\/01-alpha\.ipynb$/)]);
    expect(result.warnings).toEqual([expect.stringMatching(/02-beta\.ipynb: KaTeX/)]); // no broken link
  });

  it('gives every page its language and a link to the same page in the other language, both ways (the index where it has none)', () => {
    for (const edition of result.editions) {
      for (const rel of edition.pages) {
        const html = page(rel);
        expect(html, rel).toContain(`<html lang="${edition.lang}"`);
        const links = twinLinks(html);
        const other = edition.lang === 'en' ? 'ko' : 'en';
        expect(Object.keys(links), rel).toEqual([other]);
        const target = posix.join(posix.dirname(rel), links[other]);
        const twin = edition.lang === 'en' ? `ko/${rel}` : rel.replace(/^ko\//, '');
        expect(target, rel).toBe(existsSync(join(course.out, twin)) ? twin : `${other === 'en' ? '' : 'ko/'}index.html`);
        expect(html, rel).toMatch(new RegExp(`<link rel="alternate" hreflang="${other}" href="${links[other].replace(/[.]/g, '\\.')}">`));
        expect(html, rel).toContain(`>${CATALOGUES[other].name}</a>`); // labelled in its own language
      }
    }
    expect(twinLinks(page('02-beta.html')).ko).toBe('ko/index.html');
    expect(twinLinks(page('ko/exercises/alpha.html')).en).toBe('../../exercises/alpha.html');
  });

  it('says everything of its own in Korean on the Korean pages: no English word of the catalogue', () => {
    expect(result.editions[1].pages.flatMap((rel) => englishChrome(page(rel)).map((w) => `${rel}: ${w}`))).toEqual([]);
    expect(englishChrome(page('00-intro.html')).length).toBeGreaterThan(5); // the check finds them where they are
    const intro = page('ko/00-intro.html');
    expect(intro).toContain('<a class="skip-link" href="#main">본문으로 건너뛰기</a>');
    expect(intro).toContain('<summary>코드 보기</summary>');
    expect(intro).toContain('이 그림의 데이터(표 1개)');
    expect(page('ko/01-alpha.html')).toContain('<span>2단계 유도: </span>'); // the derivation's MathML, announced in Korean
    expect(page('ko/01-alpha.html')).toContain('href="exercises/alpha.html">연습 문제</a>'); // ../../exercises/alpha.ts from notebooks/ko/
    expect(page('ko/index.html')).toMatch(/<code>[^<]*notebooks\/ko\/\*\.ipynb<\/code>/);
  });

  it('lists the Korean chapters with Korean summaries', () => {
    const summaries = [...page('ko/index.html').matchAll(/<p class="chapter-summary">(.*?)<\/p>/g)].map((m) => m[1]);
    expect(summaries[0]).toBe('이 장에서는 과정의 구성을 소개합니다.');
    expect(summaries[1]).toBe('이 장의 아이디어는 간단합니다. 손실을 한 줄로 씁니다.'); // too short alone: read with the next sentence
    expect(summaryOf(['소개입니다. 이 장에서는 다음을 합니다.'], CATALOGUES.ko.summary)).toBe('소개입니다.'); // a list follows: passed over
    expect(summaryOf(['모멘텀을 봅니다(3장 참고). 이 장에서는 e.g. 모멘텀을 유도합니다.'], CATALOGUES.ko.summary)).toBe('이 장에서는 e.g. 모멘텀을 유도합니다.');
  });

  it('sets the Korean pages in the bundled Noto Sans KR, and only Hangul: English pages never load its stylesheet', () => {
    const css = page(`assets/${HANGUL_CSS}`);
    const faces = hangulFaces();
    expect(faces.length).toBeGreaterThan(100); // unicode-range subsets: a page downloads only what its text needs
    for (const face of faces) expect(existsSync(join(course.out, 'assets/fonts/noto-sans-kr', face.file)), face.file).toBe(true);
    expect(existsSync(join(course.out, 'assets/fonts/noto-sans-kr/OFL.txt'))).toBe(true);
    expect(faces.every((f) => f.ranges.every(([a]) => a > 0xff))).toBe(true); // Latin stays in the book's own fonts
    expect(css).toContain('html:lang(ko) body{font-family:"Noto Sans KR"');
    for (const rel of result.editions[1].pages) expect(page(rel), rel).toContain(`href="${'../'.repeat(rel.split('/').length - 1)}assets/${HANGUL_CSS}"`);
    for (const rel of result.editions[0].pages) {
      const html = page(rel);
      expect(html, rel).not.toContain(HANGUL_CSS);
      // Only the faces of the Hangul it shows (the link "한국어"), under the fallback name, an installed Korean font first.
      const declared = [...html.matchAll(/<style>(@font-face\{[^<]*)<\/style>/g)].map((m) => m[1]);
      expect(declared.join('').match(/@font-face/g)?.length, rel).toBe(faces.filter((f) => [...hangulIn(html)].some((c) => f.ranges.some(([a, b]) => c >= a && c <= b))).length);
      expect(declared.join(''), rel).toContain(`font-family:"${FALLBACK_FAMILY}";`);
      expect(declared.join(''), rel).toContain('src:local("Apple SD Gothic Neo")');
    }
  });

  it('has the same words, with the same holes, in every language', () => {
    const holes = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const lang of LANGUAGES) {
      for (const part of ['page', 'live', 'math'] as const) {
        const en = CATALOGUES.en[part] as Record<string, string>;
        const other = CATALOGUES[lang][part] as Record<string, string>;
        expect(Object.keys(other).sort(), `${lang}.${part}`).toEqual(Object.keys(en).sort());
        for (const key of Object.keys(en)) expect(holes(other[key]), `${lang}.${part}.${key}`).toEqual(holes(en[key]));
      }
    }
  });
});
