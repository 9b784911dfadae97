/**
 * Hangul, offline, on any machine: Noto Sans KR from npm (`@fontsource-variable/noto-sans-kr`,
 * SIL Open Font License 1.1), one variable-weight woff2 per unicode-range subset, copied into the
 * book's assets (`assets/fonts/`). A browser downloads only the subsets whose characters a page
 * shows. The package's Latin, Cyrillic and Vietnamese files are left out and every range is
 * clipped above U+00FF, so Latin text keeps the book's own fonts and only Hangul (and CJK) is
 * drawn with Noto Sans KR.
 *
 * The Korean edition's pages link the whole stylesheet (their live outputs may print any
 * syllable); a page of another edition that shows Hangul (the link "한국어", the glossary's
 * Korean terms) carries only the @font-face rules its own Hangul needs, inline, as a fallback
 * (`FALLBACK_FAMILY`) that a system with a Korean font never downloads.
 */
import { mkdirSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';
import { copyFile, readText, ROOT } from './files';
import type { Language } from './lang';

/** The family name of the Korean edition's text. */
export const HANGUL_FAMILY = 'Noto Sans KR';
/**
 * The family other editions' pages set their Hangul in (first in book.css's stack: on Linux,
 * `system-ui` claims Hangul it cannot draw and shows boxes). Its faces name the Korean fonts a
 * system may have first (`LOCAL_FONTS`) and the bundled subset last, so such a page downloads a
 * subset only where no Korean font is installed.
 */
export const FALLBACK_FAMILY = 'Descent Hangul';
/** Korean system fonts (full and PostScript names): macOS, Windows, Noto and Nanum on Linux. */
const LOCAL_FONTS = ['Apple SD Gothic Neo', 'AppleSDGothicNeo-Regular', 'Malgun Gothic', 'Noto Sans KR', 'NotoSansKR-Regular',
  'Noto Sans CJK KR', 'NotoSansCJKkr-Regular', 'NanumGothic'];
/** The stylesheet, relative to the assets' folder. */
export const HANGUL_CSS = 'fonts/noto-sans-kr.css';
const FILES = 'fonts/noto-sans-kr';
/** The editions whose every page is set in the font. */
export const HANGUL_LANGUAGES: readonly Language[] = ['ko'];

export interface FontFace {
  /** The woff2 file's name. */
  file: string;
  /** Its code point ranges, inclusive. */
  ranges: Array<[number, number]>;
}

const PACKAGE_CSS = '@fontsource-variable/noto-sans-kr/index.css';
/** Hangul Jamo, compatibility Jamo, Jamo extended A and B, syllables: what makes a page need the font. */
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7ff]/gu;
const TEXT_STACK = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';
const CODE_STACK = 'ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono"';

function packageDir(): string {
  return dirname(require.resolve(PACKAGE_CSS, { paths: [ROOT] }));
}

function parseRanges(value: string): Array<[number, number]> {
  return value.split(',').map((r) => r.trim().replace(/^U\+/i, '')).filter((r) => r !== '').map((r) => {
    const [a, b] = r.split('-');
    return [parseInt(a, 16), parseInt(b ?? a, 16)] as [number, number];
  });
}

/** The font's Korean subsets (the numbered files), ranges clipped above U+00FF. */
export function hangulFaces(): FontFace[] {
  const css = readText(join(packageDir(), 'index.css'));
  const faces: FontFace[] = [];
  for (const block of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const file = /url\(\.\/files\/(noto-sans-kr-\d+-wght-normal\.woff2)\)/.exec(block[1])?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block[1])?.[1];
    if (file === undefined || range === undefined) continue; // latin, latin-ext, cyrillic, vietnamese
    const ranges = parseRanges(range).filter(([, b]) => b > 0xff).map(([a, b]) => [Math.max(a, 0x100), b] as [number, number]);
    if (ranges.length > 0) faces.push({ file, ranges });
  }
  if (faces.length === 0) throw new Error(`no Korean subsets found in ${PACKAGE_CSS}`);
  return faces;
}

const hex = (n: number): string => n.toString(16);

function faceRule(face: FontFace, filesHref: string, family = HANGUL_FAMILY, locals: readonly string[] = []): string {
  const range = face.ranges.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`)).join(',');
  return `@font-face{font-family:"${family}";font-style:normal;font-display:swap;font-weight:100 900;`
    + `src:${locals.map((name) => `local("${name}"),`).join('')}url(${filesHref}${face.file}) format("woff2");unicode-range:${range}}`;
}

/** The stylesheet of the editions set in the font: every face, and the font first in text and code. */
export function hangulStylesheet(faces: readonly FontFace[]): string {
  const langs = HANGUL_LANGUAGES.map((l) => `html:lang(${l})`);
  return `/* ${HANGUL_FAMILY} (SIL Open Font License 1.1, noto-sans-kr/OFL.txt), from @fontsource-variable/noto-sans-kr. */\n`
    + `${faces.map((f) => faceRule(f, 'noto-sans-kr/')).join('\n')}\n`
    + `${langs.join(',')}{--plot-font:"${HANGUL_FAMILY}"}\n`
    + `${langs.map((l) => `${l} body`).join(',')}{font-family:"${HANGUL_FAMILY}",${TEXT_STACK};word-break:keep-all;overflow-wrap:break-word}\n`
    + `${langs.map((l) => `${l} :is(code,pre,kbd,.cm-editor .cm-content)`).join(',')}{font-family:${CODE_STACK},"${HANGUL_FAMILY}",monospace}\n`;
}

/** Copies the Korean subsets, their licence and the stylesheet into `<out>/assets/fonts/`. */
export function copyHangulFont(out: string, faces: readonly FontFace[]): void {
  const assets = join(out, 'assets');
  const from = packageDir();
  for (const face of faces) copyFile(join(from, 'files', face.file), join(assets, FILES, face.file));
  copyFile(join(from, 'LICENSE'), join(assets, FILES, 'OFL.txt'));
  mkdirSync(join(assets, 'fonts'), { recursive: true });
  writeFileSync(join(assets, HANGUL_CSS), hangulStylesheet(faces));
}

/** The Hangul characters a page shows (its text outside tags). */
export function hangulIn(html: string): Set<number> {
  const text = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '').replace(/<[^>]*>/g, '');
  return new Set([...text.matchAll(HANGUL)].map((m) => m[0].codePointAt(0) as number));
}

/**
 * What a page's `<head>` needs for its Hangul: the stylesheet on a Korean page; on any other page
 * with Hangul, the @font-face rules of the subsets holding its characters (inline); else nothing.
 */
export function hangulHead(faces: readonly FontFace[]): (assets: string, html: string, lang: Language) => string {
  return (assets, html, lang) => {
    if (HANGUL_LANGUAGES.includes(lang)) return `<link rel="stylesheet" href="${assets}${HANGUL_CSS}">\n`;
    const chars = [...hangulIn(html)];
    const needed = faces.filter((f) => chars.some((c) => f.ranges.some(([a, b]) => c >= a && c <= b)));
    return needed.length === 0 ? '' : `<style>${needed.map((f) => faceRule(f, `${assets}${FILES}/`, FALLBACK_FAMILY, LOCAL_FONTS)).join('')}</style>\n`;
  };
}
