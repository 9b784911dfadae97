/**
 * `npm run new-exercise -- NAME [--chapter SLUG] [--points N] [--due TEXT]`: adds an exercise to
 * the course, complete and graded — a worked example (templates.ts) the instructor then replaces:
 *
 *   exercises/NAME.ts              the stub students fill in
 *   exercises/i18n/ko/NAME.ts      the same stub with Korean comments (a Korean release ships it)
 *   solutions/NAME.ts              the reference solution
 *   course/NAME/exercise.json      its contract: the chapter, the names the stub exports
 *   course/NAME/messages.ts        its check names and hints, in English and Korean
 *   course/NAME/grader.ts          the public grader (ships to students)
 *   course/NAME/hidden/messages.ts the hidden grader's, likewise
 *   course/NAME/hidden/grader.ts   the hidden, randomized grader (the instructor's)
 *   course/NAME/mutants.ts         single-mistake variants the graders must catch
 *   course.config.json             an entry with the exercise's points (and due text)
 *
 * then regenerates what is derived from the exercise folders (`npm run manifest`) and prints the
 * chapter's "Your turn" cells to paste into notebooks/<chapter>.ipynb. Refuses a name that is
 * taken, that is not lower-case words joined by '-', or whose function name another exercise
 * exports; nothing is written then.
 */
import { Command } from 'commander';
import fs from 'fs';
import path from 'path';
import ts from 'typescript';
import { COURSE_CONFIG_FILE } from '../grade/config';
import { CHAPTER_SLUG, COURSE_DIR, EXERCISE_NAME, listExercises } from '../grade/course';
import { listNotebooks } from '../notebooks/notebook';
import { PROJECT_ROOT, shownPath } from '../shared/root';
import { syncDerivedFiles } from './sync';
import {
  camelCase, chapterCells, contractJson, ExerciseNames, koreanStubSource, hiddenGraderSource, hiddenMessagesSource, mutantsSource, publicGraderSource, publicMessagesSource, solutionSource, stubSource,
} from './templates';

export interface NewExerciseOptions {
  /** The chapter that teaches it (default: the last chapter in notebooks/). */
  chapter?: string;
  /** The course's points for it (default 10). */
  points?: number;
  /** The due text shown to students. */
  due?: string;
}

export interface NewExercise extends ExerciseNames {
  /** Files written, relative to the root. */
  written: string[];
}

/** The last numbered chapter of the kit at `root` (its notebooks/NN-….ipynb). */
function lastChapter(root: string): string {
  const slugs = listNotebooks(path.join(root, 'notebooks')).map((f) => path.basename(f, '.ipynb')).filter((s) => CHAPTER_SLUG.test(s));
  if (slugs.length === 0) throw new RangeError('new-exercise: --chapter is needed: notebooks/ has no chapter like 01-mse.ipynb');
  return slugs[slugs.length - 1];
}

/** Is `word` reserved in strict-mode JavaScript (`delete`, `new`, `package`…), so no function may be named so? */
function isReservedWord(word: string): boolean {
  const scanner = ts.createScanner(ts.ScriptTarget.ES2022, true, ts.LanguageVariant.Standard, word);
  const kind = scanner.scan();
  const { FirstReservedWord, LastReservedWord, FirstFutureReservedWord, LastFutureReservedWord, AwaitKeyword } = ts.SyntaxKind;
  return (kind >= FirstReservedWord && kind <= LastReservedWord) || (kind >= FirstFutureReservedWord && kind <= LastFutureReservedWord) || kind === AwaitKeyword;
}

/** Why `name` cannot be a new exercise of the course at `root`, or undefined when it can. */
function refusal(root: string, names: ExerciseNames): string | undefined {
  const { name, fn } = names;
  if (!EXERCISE_NAME.test(name)) return `NAME must be lower-case words joined by '-', like "huber-loss", received ${JSON.stringify(name)}`;
  if (isReservedWord(fn)) return `NAME must not be a TypeScript keyword (the function would be named ${fn}), received ${JSON.stringify(name)}`;
  for (const taken of [`${COURSE_DIR}/${name}`, `exercises/${name}.ts`, `solutions/${name}.ts`]) {
    if (fs.existsSync(path.join(root, taken))) return `${taken} already exists: choose another NAME, or remove that exercise first`;
  }
  const owner = listExercises(root).find((e) => e.exports.includes(fn));
  if (owner !== undefined) return `exercise ${owner.name} already exports ${fn} (notebooks import every exercise's names together): choose another NAME`;
  return undefined;
}

/** Writes `file` (relative to root) with `text`, creating its folder; never overwrites. */
function create(root: string, file: string, text: string, written: string[]): void {
  const full = path.join(root, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, text, { flag: 'wx' });
  written.push(file.split(path.sep).join('/'));
}

/** Writes `file` with `text` through a temporary file and a rename (a hard-linked copy of the kit stays untouched). */
function replace(root: string, file: string, text: string): void {
  const full = path.join(root, file);
  const temp = `${full}.${process.pid}.tmp`;
  fs.writeFileSync(temp, text);
  fs.renameSync(temp, full);
}

/** Adds the exercise `name` to the course at `root`. @throws RangeError (nothing written) when the name is refused. */
export function newExercise(root: string, name: string, options: NewExerciseOptions = {}): NewExercise {
  const chapter = options.chapter ?? lastChapter(root);
  if (!CHAPTER_SLUG.test(chapter)) throw new RangeError(`new-exercise: --chapter must be a chapter slug like "01-mse", received ${JSON.stringify(chapter)}`);
  if (!fs.existsSync(path.join(root, 'notebooks', `${chapter}.ipynb`))) {
    throw new RangeError(`new-exercise: --chapter must name a chapter of notebooks/, received ${JSON.stringify(chapter)} (no notebooks/${chapter}.ipynb)`);
  }
  const points = options.points ?? 10;
  if (!(Number.isFinite(points) && points > 0 && Math.round(points * 100) === points * 100)) {
    throw new RangeError(`new-exercise: --points must be a number > 0 with at most 2 decimals, received ${points}`);
  }
  const names: ExerciseNames = { name, fn: camelCase(name), chapter };
  const refused = refusal(root, names);
  if (refused !== undefined) throw new RangeError(`new-exercise: ${refused}`);

  const configFile = path.join(root, COURSE_CONFIG_FILE);
  const config = fs.existsSync(configFile) ? (JSON.parse(fs.readFileSync(configFile, 'utf8')) as { exercises?: Record<string, unknown> }) : {};
  config.exercises = { ...(config.exercises ?? {}), [name]: { points, ...(options.due === undefined ? {} : { due: options.due }) } };

  const written: string[] = [];
  const dir = path.join(COURSE_DIR, name);
  create(root, path.join('exercises', `${name}.ts`), stubSource(names), written);
  create(root, path.join('exercises', 'i18n', 'ko', `${name}.ts`), koreanStubSource(names), written);
  create(root, path.join('solutions', `${name}.ts`), solutionSource(names), written);
  create(root, path.join(dir, 'exercise.json'), contractJson(names), written);
  create(root, path.join(dir, 'messages.ts'), publicMessagesSource(names), written);
  create(root, path.join(dir, 'grader.ts'), publicGraderSource(names), written);
  create(root, path.join(dir, 'hidden', 'messages.ts'), hiddenMessagesSource(names), written);
  create(root, path.join(dir, 'hidden', 'grader.ts'), hiddenGraderSource(names), written);
  create(root, path.join(dir, 'mutants.ts'), mutantsSource(names), written);
  replace(root, COURSE_CONFIG_FILE, `${JSON.stringify(config, null, 2)}\n`);
  written.push(COURSE_CONFIG_FILE);
  return { ...names, written };
}

function program(): Command {
  return new Command()
    .name('new-exercise')
    .description('Add an exercise to the course: stub, solution, public and hidden grader, a mutant, its points; then update the manifest.')
    .argument('<name>', "the exercise's name, lower-case words joined by '-' (e.g. huber-loss)")
    .option('--chapter <slug>', 'the chapter that teaches it (default: the last chapter in notebooks/)')
    .option('--points <n>', "the course's points for it (default 10)", (v) => Number(v))
    .option('--due <text>', 'the due text shown to students')
    .showHelpAfterError();
}

function main(argv: string[]): void {
  const command = program();
  command.parse(argv);
  const options = command.opts<NewExerciseOptions>();
  const made = newExercise(PROJECT_ROOT, command.args[0], options);
  const derived = syncDerivedFiles(PROJECT_ROOT);
  const cells = chapterCells(made);
  const out = (s: string): boolean => process.stdout.write(`${s}\n`);
  out(`new exercise ${made.name} (chapter ${made.chapter}), wrote:`);
  for (const f of [...made.written, ...derived]) out(`  ${f}`);
  out('');
  out(`Paste into ${shownPath(path.join(PROJECT_ROOT, 'notebooks', `${made.chapter}.ipynb`))}, where the chapter asks for it:`);
  out('');
  out('--- a Markdown cell ---');
  out(cells.markdown);
  out('--- a code cell ---');
  out(cells.code);
  out('---');
  out('');
  out('Then:');
  out(`  npm run grade -- solutions --hidden --only ${made.name}   # full marks`);
  out(`  npm run grade -- --only ${made.name}                      # the stub: 0`);
  out('Replace the example (the mean absolute error) with your exercise: the stub, the solution, exercise.json,');
  out('the graders and the mutants; run `npm run manifest` after every change to a grader.');
}

if (require.main === module) {
  try {
    main(process.argv);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${message.startsWith('new-exercise:') ? message : `new-exercise: ${message}`}\n`);
    process.exitCode = 1;
  }
}
