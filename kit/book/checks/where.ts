/**
 * Where the book finds what the exercise pages' Check needs — the ONE module that knows the grading
 * kit's layout (change it here when the graders move):
 * - the public grader of an exercise: `test/graders/<exercise>.test.ts`;
 * - the graders' driver modules: `test/graders/drivers/*.ts` (a grader names its own with
 *   `drivers: path.join(__dirname, 'drivers', '<exercise>.ts')`);
 * - the points: the course config (`course.json` in a student repository, `course.config.json` in
 *   the kit) read by the release's reader, and its rescaling (`scale.ts` beside it: `kit/course/`
 *   in a student repository, `kit/release/course/` in the kit);
 * - the grading defaults: seed, call / load time limits, the per-file budget and the feedback cap,
 *   read from kit/grade itself, so the page grades with the numbers `npm run grade` uses.
 */
import { join, relative, sep } from 'path';
import { pathToFileURL } from 'url';
import { DEFAULT_SEED } from '../../grade/paths';
import { DEFAULT_LIMITS } from '../../grade/sandbox/sandbox';
import { DEFAULT_BUDGET_MS, MAX_FEEDBACK } from '../../grade/session';
import { listDir, modifiedMs, ROOT } from '../files';

/** The folder of the public graders, and of their drivers. */
const GRADERS_DIR = join(ROOT, 'test', 'graders');
const DRIVERS_DIR = join(GRADERS_DIR, 'drivers');

/** The release's course modules, in the kit and in a student repository. */
const COURSE_MODULE_DIRS = [join(ROOT, 'kit', 'release', 'course'), join(ROOT, 'kit', 'course')];
/** The course's points: a student repository's file first, then the kit's. */
const COURSE_FILES = ['course.json', 'course.config.json'];

const exists = (file: string): boolean => modifiedMs(file) !== null;

/** The public grader of `exercise` (a path), or undefined when it has none. */
export function publicGrader(exercise: string): string | undefined {
  const file = join(GRADERS_DIR, `${exercise}.test.ts`);
  return exists(file) ? file : undefined;
}

/** The exercises that have a public grader. */
export function gradedExercises(): string[] {
  if (!exists(GRADERS_DIR)) return [];
  return listDir(GRADERS_DIR).filter((f) => f.endsWith('.test.ts')).map((f) => f.replace(/\.test\.ts$/, '')).sort();
}

/** Every driver module the graders may name. */
export function driverFiles(): string[] {
  if (!exists(DRIVERS_DIR)) return [];
  return listDir(DRIVERS_DIR).filter((f) => f.endsWith('.ts')).sort().map((f) => join(DRIVERS_DIR, f));
}

/** A path as the browser bundle names it: relative to the project, with `/`. */
export function projectPath(file: string): string {
  return relative(ROOT, file).split(sep).join('/');
}

/** The release's `scale.ts` (the rescaling to the course's points). */
export function scaleModule(): string {
  const dir = COURSE_MODULE_DIRS.find((d) => exists(join(d, 'scale.ts')));
  if (dir === undefined) throw new Error(`book: no scale.ts in ${COURSE_MODULE_DIRS.map(projectPath).join(' or ')}`);
  return join(dir, 'scale.ts');
}

/** What the page needs of the course config: its title and each exercise's points. */
export interface CoursePoints {
  title: string;
  exercises: Record<string, { points?: number }>;
}

/** What the book uses of the release's course.ts (typed here: its folder differs between layouts). */
interface CourseModule {
  readCourseConfig(file: string, known: readonly string[]): { title: string; exercises: Record<string, { points?: number }> };
}

/** The course's points, validated by the release's reader (the grader's own points where none are set). */
export async function coursePoints(known: readonly string[]): Promise<CoursePoints> {
  const dir = COURSE_MODULE_DIRS.find((d) => exists(join(d, 'course.ts')));
  if (dir === undefined) throw new Error(`book: no course.ts in ${COURSE_MODULE_DIRS.map(projectPath).join(' or ')}`);
  // Imported by path: its folder differs between the kit and a student repository.
  const course = await import(pathToFileURL(join(dir, 'course.ts')).href) as CourseModule;
  const file = COURSE_FILES.map((f) => join(ROOT, f)).find(exists) ?? join(ROOT, COURSE_FILES[1]);
  const config = course.readCourseConfig(file, known);
  const exercises: CoursePoints['exercises'] = {};
  for (const [name, settings] of Object.entries(config.exercises)) {
    if (settings.points !== undefined) exercises[name] = { points: settings.points };
  }
  return { title: config.title, exercises };
}

/** The numbers `npm run grade` grades with. */
export interface GradeSettings {
  seed: number;
  callTimeoutMs: number;
  loadTimeoutMs: number;
  budgetMs: number;
  maxFeedback: number;
}

export const GRADE_SETTINGS: GradeSettings = {
  seed: DEFAULT_SEED,
  callTimeoutMs: DEFAULT_LIMITS.callTimeoutMs,
  loadTimeoutMs: DEFAULT_LIMITS.loadTimeoutMs,
  budgetMs: DEFAULT_BUDGET_MS,
  maxFeedback: MAX_FEEDBACK,
};
