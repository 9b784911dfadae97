/**
 * The notebook's check cell: `await check('mse')` shows the type errors of `exercises/mse.ts`
 * (tslab does not show errors inside imported files) and the grader's report for it.
 */
import { existsSync, readdirSync } from 'fs';
import { join, resolve } from 'path';
import { exercisesDir, ROOT } from '../resolve';
import { displayBundle, escapeHtml } from './display';

// Loaded on use, and typed here, so that notebooks (whose tslab type-loads these helpers) do not
// also type-load the TypeScript compiler's declarations.
interface Checker {
  typeProblems(files: readonly string[], scope: string): unknown[];
  formatProblems(problems: readonly unknown[]): string;
}
function checker(): Checker {
  (require('../descent/boot.js') as { registerTypeScript(): void }).registerTypeScript(); // no-op in a kernel
  return require('../typecheck') as Checker;
}

/** What the grader's notebook API returns (kit/grade, issue 3). */
export interface GradeReport {
  toHtml(): string;
  toText(): string;
}
type GradeCheck = (exercise?: string, options?: { dir?: string; lang?: string }) => Promise<GradeReport>;

/** Environment variable naming the language of check()'s report (en, ko), tried first. */
export const LANG_ENV = 'DESCENT_LANG';

/**
 * The language check() speaks: $DESCENT_LANG, else Korean when the kernel runs in notebooks/ko/
 * (Jupyter starts a notebook's kernel in the notebook's folder, so the Korean chapters' code cells
 * stay identical to the English ones), else undefined — the grader then takes course.config.json's
 * "language", else English.
 */
export function notebookLang(cwd: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env[LANG_ENV]) return env[LANG_ENV];
  const parts = resolve(cwd).split(/[\\/]/);
  return parts.length >= 2 && parts[parts.length - 1] === 'ko' && parts[parts.length - 2] === 'notebooks' ? 'ko' : undefined;
}

/** The type errors' heading in `lang`, from the grader's catalogue (English when it has none). */
function typeErrorsHeading(lang: string | undefined): string {
  const file = resolve(ROOT, 'kit/grade/i18n/catalogue.ts');
  if (existsSync(file)) {
    const { messages, isLang } = require(file) as { messages(lang?: string): { notebook: { typeErrors: string } }; isLang(v: unknown): boolean };
    return messages(isLang(lang) ? lang : undefined).notebook.typeErrors;
  }
  return 'Type errors (fix these first; the grader runs the code anyway):';
}

/** Where the grader's notebook API is looked for, in order (the first with a `check` export wins). */
export const GRADER_MODULES = ['kit/grade/notebook.ts', 'kit/grade/index.ts'];
/** Environment variable naming another grader module (a file exporting `check`), tried first. */
export const GRADER_ENV = 'DESCENT_GRADER';

function loadGrader(): GradeCheck {
  const chosen = process.env[GRADER_ENV];
  for (const rel of chosen ? [chosen, ...GRADER_MODULES] : GRADER_MODULES) {
    const file = resolve(ROOT, rel);
    if (!existsSync(file)) continue;
    const mod = require(file) as { check?: unknown };
    if (typeof mod.check === 'function') return mod.check as GradeCheck;
  }
  throw new Error(`check: no grader found (looked for a 'check' export in ${GRADER_MODULES.join(', ')})`);
}

/** The exercise files `check(exercise)` type-checks: `<name>.ts`, or every file when no name. */
export function exerciseFiles(exercise: string | undefined, dir = exercisesDir()): string[] {
  if (exercise === undefined) return readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).sort().map((f) => join(dir, f));
  const file = join(dir, exercise.endsWith('.ts') ? exercise : `${exercise}.ts`);
  return existsSync(file) ? [file] : [];
}

/** Shows the type errors of the exercise (if any), then the grader's report on the same folder. */
export async function check(exercise?: string): Promise<void> {
  if (exercise !== undefined && typeof exercise !== 'string') {
    throw new TypeError(`check: exercise must be a name like 'mse', received ${typeof exercise}`);
  }
  const dir = exercisesDir();
  const lang = notebookLang();
  const { typeProblems, formatProblems } = checker();
  const problems = typeProblems(exerciseFiles(exercise, dir), dir);
  if (problems.length > 0) {
    const text = `${typeErrorsHeading(lang)}\n${formatProblems(problems)}`;
    displayBundle({
      'text/html': `<pre class="descent-type-errors" style="color:#b00020">${escapeHtml(text)}</pre>`,
      'text/plain': text,
    });
  }
  const report = await loadGrader()(exercise, { dir, ...(lang === undefined ? {} : { lang }) });
  displayBundle({ 'text/html': report.toHtml(), 'text/plain': report.toText() });
}
