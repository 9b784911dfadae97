/**
 * The course's own consistency, checked on a whole kit (test/grading/course.test.ts on this one,
 * the new-exercise test on a copy): every exercise folder's contract matches its stub and its
 * solution, the stub names the exercise's chapter, the course settings name only exercises that
 * exist, the derived files are up to date, and every grader's checks run without Node (so a page
 * can run them in a Web Worker). Each problem is one line that says what to do.
 */
import { buildSync } from 'esbuild';
import fs from 'fs';
import path from 'path';
import { CHAPTER_LINE } from '../book/exercises';
import { COURSE_CONFIG_FILE, readProjectConfig } from '../grade/config';
import { listExercises, type Exercise } from '../grade/course';
import { verifyManifest } from '../grade/manifest';
import { exportedNames } from '../notebooks/live';
import { EXERCISE_TYPES_FILE, exerciseTypes } from './sync';

function contractProblems(root: string, e: Exercise): string[] {
  const problems: string[] = [];
  for (const folder of ['exercises', 'solutions']) {
    const file = path.join(root, folder, e.file);
    if (!fs.existsSync(file)) {
      problems.push(`${folder}/${e.file} is missing (course/${e.name}/ is an exercise)`);
      continue;
    }
    const source = fs.readFileSync(file, 'utf8');
    // The stub exports exactly the contract; a solution may export more (its constants, helpers).
    const exported = exportedNames(source, e.file).sort();
    const expected = [...e.exports].sort();
    const matches = folder === 'exercises' ? exported.join() === expected.join() : expected.every((name) => exported.includes(name));
    if (!matches) problems.push(`${folder}/${e.file} exports ${exported.join(', ') || 'nothing'}, but course/${e.name}/exercise.json says ${expected.join(', ')}`);
    if (folder === 'exercises') {
      const chapter = CHAPTER_LINE.exec(source.slice(0, 2000))?.[1];
      if (chapter !== e.chapter) problems.push(`exercises/${e.file} must say "Exercise — chapter ${e.chapter}: …" in its header (exercise.json), it says ${chapter ?? 'no chapter'}`);
    }
  }
  return problems;
}

/** The graders bundled for a browser: no Node built-in may be reachable from a check. */
function browserProblems(e: Exercise): string[] {
  const problems: string[] = [];
  for (const grader of [e.grader, e.hidden].filter((g): g is string => g !== undefined)) {
    try {
      buildSync({ entryPoints: [grader], bundle: true, write: false, platform: 'browser', format: 'esm', logLevel: 'silent' });
    } catch (error) {
      const first = (error as { errors?: Array<{ text: string }> }).errors?.[0]?.text ?? String(error);
      problems.push(`${path.relative(path.dirname(e.dir), grader)} does not run in a browser (${first}): checks may only use the grading API, not Node`);
    }
  }
  return problems;
}

/** Every inconsistency of the course at `root`, one line each (empty when all is well). */
export function courseProblems(root: string): string[] {
  const exercises = listExercises(root);
  const problems = exercises.flatMap((e) => [...contractProblems(root, e), ...browserProblems(e)]);
  for (const folder of ['exercises', 'solutions']) {
    for (const f of fs.readdirSync(path.join(root, folder)).filter((n) => n.endsWith('.ts'))) {
      if (!exercises.some((e) => e.file === f)) problems.push(`${folder}/${f} has no exercise folder course/${f.replace(/\.ts$/, '')}/ (npm run new-exercise makes one)`);
    }
  }
  try {
    readProjectConfig(root);
  } catch (error) {
    problems.push(`${COURSE_CONFIG_FILE}: ${(error as Error).message}`);
  }
  const typesFile = path.join(root, EXERCISE_TYPES_FILE);
  if (!fs.existsSync(typesFile) || fs.readFileSync(typesFile, 'utf8') !== exerciseTypes(root)) problems.push(`${EXERCISE_TYPES_FILE} is out of date: run npm run manifest`);
  const manifest = verifyManifest(root);
  if (!manifest.ok) problems.push(`kit/grade/manifest.json is out of date (${manifest.message}): run npm run manifest`);
  return problems;
}
