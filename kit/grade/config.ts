/**
 * The course settings an instructor chooses per exercise — points and due text — read from one
 * JSON file, `course.config.json`: the instructor's in the kit (or `--config FILE`), and in a
 * student repository the settings the release resolved (every exercise with its points).
 *
 *   {
 *     "title": "Descent — deep-learning foundations",
 *     "exercises": {
 *       "mse": { "points": 10, "due": "Friday of week 2, 23:59" },
 *       "autograd": { "points": 20 }
 *     }
 *   }
 *
 * `points` rescales the grader's maximum for that exercise (each check keeps its share); an
 * exercise without `points` keeps the grader's own points. `due` is free text shown in the student
 * README and above the grade table.
 */
import { isLang, LANGS, type Lang } from './i18n/lang';
import fs from 'fs';
import path from 'path';
import { checkOptions, describe, expected } from '../../src/util/validate';
import { listExercises } from './course';

/** The course settings file, at the project's top level (the kit's and a student repository's). */
export const COURSE_CONFIG_FILE = 'course.config.json';
/** Title used when the config has none. */
export const DEFAULT_TITLE = 'Descent — deep-learning foundations';

export interface ExerciseSettings {
  /** Points the exercise is worth (the grader's checks are rescaled to sum to this). */
  points?: number;
  /** Free text, e.g. "Friday 10 October, 23:59 CET". */
  due?: string;
}

export interface CourseConfig {
  title: string;
  /** Settings per exercise name ('mse', 'cross-entropy', …), in the order given. */
  exercises: Record<string, ExerciseSettings>;
  /** The students' language ("language": "ko"): grading, check() and CI speak it without flags. */
  language?: Lang;
}

/** `gradescope` is read by kit/gradescope (settings of the Gradescope autograder). */
const TOP_KEYS = ['$schema', '$comment', 'title', 'exercises', 'gradescope', 'language'] as const;
const EXERCISE_KEYS = ['points', 'due', '$comment'] as const;

/**
 * Validates parsed JSON as a course config. `known` lists the exercise names the graders define;
 * an unknown name throws and suggests the closest one.
 * @throws TypeError / RangeError naming the field, the expected and the received value.
 */
export function parseCourseConfig(raw: unknown, known: readonly string[], where = COURSE_CONFIG_FILE): CourseConfig {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new TypeError(expected(where, 'the file', 'a JSON object', raw));
  }
  checkOptions(where, raw, TOP_KEYS);
  const o = raw as Record<string, unknown>;
  const title = o.title === undefined ? DEFAULT_TITLE : o.title;
  if (typeof title !== 'string' || title.trim() === '' || /[\n\r]/.test(title)) {
    throw new TypeError(expected(where, 'title', 'a non-empty one-line string', title));
  }
  const exercisesRaw = o.exercises === undefined ? {} : o.exercises;
  if (exercisesRaw === null || typeof exercisesRaw !== 'object' || Array.isArray(exercisesRaw)) {
    throw new TypeError(expected(where, 'exercises', 'an object keyed by exercise name', exercisesRaw));
  }
  const exercises: Record<string, ExerciseSettings> = {};
  for (const [name, value] of Object.entries(exercisesRaw as Record<string, unknown>)) {
    if (!known.includes(name)) {
      const base = name.replace(/\.ts$/, '');
      const hint = known.find((k) => k === base || k.replace(/-/g, '') === base.replace(/[-_ ]/g, '').toLowerCase());
      throw new RangeError(
        `${where}: exercises must be named ${known.join(', ')}, received ${JSON.stringify(name)}${hint ? ` (did you mean "${hint}"?)` : ''}`,
      );
    }
    const at = `${where}: exercises.${name}`;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new TypeError(`${at} must be an object like { "points": 10, "due": "…" }, received ${describe(value)}`);
    }
    checkOptions(at, value, EXERCISE_KEYS);
    const v = value as Record<string, unknown>;
    const settings: ExerciseSettings = {};
    if (v.points !== undefined) {
      if (typeof v.points !== 'number' || !Number.isFinite(v.points) || v.points <= 0 || Math.round(v.points * 100) !== v.points * 100) {
        throw new RangeError(expected(at, 'points', 'a number > 0 with at most 2 decimals', v.points));
      }
      settings.points = v.points;
    }
    if (v.due !== undefined) {
      if (typeof v.due !== 'string' || v.due.trim() === '' || /[\n\r]/.test(v.due)) {
        throw new TypeError(expected(at, 'due', 'a non-empty one-line string', v.due));
      }
      settings.due = v.due.trim();
    }
    exercises[name] = settings;
  }
  if (o.language !== undefined && !isLang(o.language)) throw new RangeError(expected(where, 'language', `one of ${LANGS.join(', ')}`, o.language));
  return { title: title.trim(), exercises, ...(o.language === undefined ? {} : { language: o.language as Lang }) };
}

/** Reads and validates a course config file; a missing file gives the defaults (no rescaling, no due text). */
export function readCourseConfig(file: string, known: readonly string[]): CourseConfig {
  if (!fs.existsSync(file)) return { title: DEFAULT_TITLE, exercises: {} };
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SyntaxError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  return parseCourseConfig(raw, known, path.basename(file));
}

/** The file's text for `config`, exercises in chapter order (what a release writes for students). */
export function courseConfigJson(config: CourseConfig, order: readonly string[]): string {
  const exercises: Record<string, ExerciseSettings> = {};
  for (const name of order) if (config.exercises[name] !== undefined) exercises[name] = config.exercises[name];
  return `${JSON.stringify({ title: config.title, ...(config.language === undefined ? {} : { language: config.language }), exercises }, null, 2)}\n`;
}

/** The settings of the project at `root` (its course.config.json), checked against its exercises. */
export function readProjectConfig(root: string, file: string = path.join(root, COURSE_CONFIG_FILE)): CourseConfig {
  return readCourseConfig(file, listExercises(root).map((e) => e.name));
}
