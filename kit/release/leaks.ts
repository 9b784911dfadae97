/**
 * The leak scan run on every release before anything is written: no path from the instructor's
 * side of the kit, no source map, and no distinctive line of a solution, of an alternative
 * solution or of a hidden grader (and its oracles) in any file — including strings inside
 * notebooks and JSON, and inline base64 source maps.
 *
 * A *distinctive* line (trimmed) is one that is non-trivial, not in the stubs, and not a line the
 * kit publishes anyway (the library in src/, the kit's tools, the public graders). Non-trivial:
 * at least 12 characters with a letter, and not one of the shapes any code has — a counting loop
 * header, a field declaration (`epochs: number;`), an empty initialisation (`const out = [];`),
 * `return x;`, an import or re-export.
 */
import fs from 'fs';
import path from 'path';
import { listFiles } from '../shared/walk';

/** Folders a release never contains anything of (relative, forward slashes). */
export const FORBIDDEN_PREFIXES = ['solutions/', 'test/', 'kit/release/', 'kit/bench/', 'kit/author/', 'docs/', '.ci/'];

/**
 * The instructor's parts of an exercise's folder: its hidden grader and oracles, its mutants, its
 * alternative solutions and the scripts that compute its cases with PyTorch.
 */
const INSTRUCTOR_COURSE_FILES = /^course\/(?:[^/]+\/(?:hidden\/|alternatives\/|mutants\.ts$|cases\.py$)|[^/]+\.py$)/;

/** Why `file` (release path) must never reach a student, or undefined when it may. */
export function instructorOnly(file: string): string | undefined {
  const prefix = FORBIDDEN_PREFIXES.find((p) => file.startsWith(p));
  if (prefix !== undefined) return `inside ${prefix}`;
  return INSTRUCTOR_COURSE_FILES.test(file) ? "an instructor's part of an exercise (hidden grader, mutants, alternatives, case scripts)" : undefined;
}

/** Folders of the kit whose lines ship by design (never a leak), besides the public parts of course/. */
export const PUBLISHED_DIRS = ['src', 'kit/grade', 'kit/gradebook', 'kit/shared', 'kit/notebooks', 'kit/book'];

const TRIVIAL_SHAPES: RegExp[] = [
  /^for \(let [\w$]+ = [\w$.]+; [\w$]+ [<>]=? [\w$.]+( - 1)?; [\w$]+(\+\+|--)\) \{$/,
  /^[\w$]+\??: [\w$[\]|<>, ().=>]+;$/,
  /^(const|let) [\w$]+(: [^=]+)? = (\[\]|0|null|\{\}|''|new (Map|Set)(<.*>)?\(\));$/,
  /^return [\w$.]+;$/,
  /^import .* from .*;$/,
  /^export \* from /,
];

/** Is this trimmed line too generic to identify a solution? */
export function isTrivialLine(line: string): boolean {
  if (line.length < 12 || !/[A-Za-z]/.test(line)) return true;
  return TRIVIAL_SHAPES.some((re) => re.test(line));
}

function trimmedLines(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim());
}

const SOURCE = (f: string): boolean => /\.(ts|js|mjs|cjs|py|md|json)$/.test(f);

/** The project files under `dir` (relative to the kit) that `keep` accepts, as kit-relative paths. */
function filesUnder(kitRoot: string, dir: string, keep: (file: string) => boolean): string[] {
  return listFiles(kitRoot, dir, { skip: (name) => name === 'node_modules' || name === '__pycache__' }).filter(keep);
}

/**
 * The lines nobody may find in a release: distinctive lines of solutions/, of the exercises'
 * alternative solutions and of their hidden graders and oracles.
 */
export function secretLines(kitRoot: string): Map<string, string> {
  const linesOf = (files: string[]): string[] => files.flatMap((f) => trimmedLines(fs.readFileSync(path.join(kitRoot, f), 'utf8')));
  const stubs = new Set(linesOf(filesUnder(kitRoot, 'exercises', SOURCE)));
  const published = new Set(linesOf([
    ...PUBLISHED_DIRS.flatMap((d) => filesUnder(kitRoot, d, SOURCE)),
    ...filesUnder(kitRoot, 'course', (f) => SOURCE(f) && instructorOnly(f) === undefined),
  ]));
  const secrets = new Map<string, string>();
  const collect = (files: string[]): void => {
    for (const rel of files) {
      trimmedLines(fs.readFileSync(path.join(kitRoot, rel), 'utf8')).forEach((line, i) => {
        if (isTrivialLine(line) || stubs.has(line) || published.has(line) || secrets.has(line)) return;
        secrets.set(line, `${rel}:${i + 1}`);
      });
    }
  };
  const ts = (f: string): boolean => f.endsWith('.ts');
  collect(filesUnder(kitRoot, 'solutions', ts));
  collect(filesUnder(kitRoot, 'course', (f) => ts(f) && /^course\/[^/]+\/(hidden|alternatives)\//.test(f)));
  return secrets;
}

function stringsOf(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) {
    // nbformat splits text into lines (each with its "\n"): scan the whole text too.
    if (value.length > 0 && value.every((v) => typeof v === 'string')) out.push(value.join(''));
    for (const v of value) stringsOf(v, out);
  } else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) stringsOf(v, out);
}

/** Every text a file carries: its lines, the strings inside JSON, and decoded inline base64 data. */
export function textsOf(file: string, content: Buffer): string[] {
  if (content.includes(0)) return [];
  const text = content.toString('utf8');
  const texts = [text];
  const json = (candidate: string): void => {
    try {
      stringsOf(JSON.parse(candidate), texts);
    } catch {
      // not JSON: its raw text is scanned
    }
  };
  if (/\.(json|ipynb|map)$/.test(file)) json(text);
  for (const m of text.matchAll(/base64,([A-Za-z0-9+/=]{16,})/g)) {
    const decoded = Buffer.from(m[1], 'base64').toString('utf8');
    texts.push(decoded);
    json(decoded);
  }
  return texts;
}

export interface Leak {
  file: string;
  what: string;
}

/** Everything in `files` (release path → content) that must not reach a student. */
export function findLeaks(files: ReadonlyMap<string, Buffer>, secrets: ReadonlyMap<string, string>): Leak[] {
  const leaks: Leak[] = [];
  for (const [file, content] of files) {
    const forbidden = instructorOnly(file);
    if (forbidden !== undefined) leaks.push({ file, what: forbidden });
    if (file.endsWith('.map')) leaks.push({ file, what: 'a source map' });
    const seen = new Set<string>();
    for (const text of textsOf(file, content)) {
      for (const line of trimmedLines(text)) {
        const from = secrets.get(line);
        if (from !== undefined && !seen.has(line)) {
          seen.add(line);
          leaks.push({ file, what: `line ${JSON.stringify(line)} of ${from}` });
        }
      }
    }
  }
  return leaks;
}
