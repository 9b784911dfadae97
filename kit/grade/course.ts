/**
 * The course's exercises, derived from its folders: every `course/<exercise>/` with an
 * `exercise.json` is one exercise — its contract (the chapter, the names the stub exports), its
 * public grader (`grader.ts`, shipped to students), the drivers run next to the student's code
 * (`drivers.ts`, optional), the precomputed cases, and, for the instructor only, the hidden grader
 * (`hidden/grader.ts`), the mutants and alternative solutions. The list of exercises is read from
 * here and nowhere else; the student's file is `exercises/<exercise>.ts`.
 */
import fs from 'fs';
import path from 'path';
import { isGraderSpec, type GraderSpec } from './api/grader';
import { PROJECT_ROOT } from '../shared/root';
import { requireTypeScript } from '../shared/typescript';

/** The folder of the exercises, relative to the project root. */
export const COURSE_DIR = 'course';
/** An exercise's name: its folder's and its file's (`mse` → exercises/mse.ts). */
export const EXERCISE_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/** A chapter slug: its notebook's name without .ipynb (`01-mse`). */
export const CHAPTER_SLUG = /^[0-9]{2}-[a-z0-9]+(-[a-z0-9]+)*$/;

/** course/<exercise>/exercise.json. */
export interface ExerciseContract {
  /** The chapter that teaches it (notebooks/<chapter>.ipynb), also the order of every report. */
  chapter: string;
  /** What exercises/<exercise>.ts must export (functions, classes, constants). */
  exports: string[];
  /**
   * Set when the similarity report must not compare this exercise's submissions, with the reason
   * it prints (e.g. the answers are formulas: every correct derivation is the same expression).
   */
  notCompared?: string;
}

export interface Exercise extends ExerciseContract {
  name: string;
  /** The student's file name, `<name>.ts`. */
  file: string;
  /** Absolute paths of the exercise's folder and of its parts (undefined when absent). */
  dir: string;
  grader: string;
  drivers?: string;
  hidden?: string;
}

function readContract(file: string, name: string): ExerciseContract {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SyntaxError(`course/${name}/exercise.json: not valid JSON (${(error as Error).message})`);
  }
  const o = raw as Partial<ExerciseContract> | null;
  if (o === null || typeof o !== 'object' || typeof o.chapter !== 'string' || !CHAPTER_SLUG.test(o.chapter)) {
    throw new TypeError(`course/${name}/exercise.json: chapter must be a chapter slug like "01-mse", received ${JSON.stringify(o?.chapter)}`);
  }
  if (!Array.isArray(o.exports) || o.exports.length === 0 || !o.exports.every((e) => typeof e === 'string' && /^[A-Za-z_$][\w$]*$/.test(e))) {
    throw new TypeError(`course/${name}/exercise.json: exports must be a non-empty list of names, received ${JSON.stringify(o.exports)}`);
  }
  if (o.notCompared !== undefined && (typeof o.notCompared !== 'string' || o.notCompared.trim() === '' || o.notCompared.length > 300)) {
    throw new TypeError(`course/${name}/exercise.json: notCompared must be the reason in at most 300 characters, received ${JSON.stringify(o.notCompared)}`);
  }
  return { chapter: o.chapter, exports: o.exports, ...(o.notCompared === undefined ? {} : { notCompared: o.notCompared }) };
}

const optional = (file: string): string | undefined => (fs.existsSync(file) ? file : undefined);

/** Every exercise of the course at `root`, in chapter order (then by name). */
export function listExercises(root: string = PROJECT_ROOT): Exercise[] {
  const dir = path.join(root, COURSE_DIR);
  if (!fs.existsSync(dir)) return [];
  const found: Exercise[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const contract = path.join(dir, entry.name, 'exercise.json');
    if (!entry.isDirectory() || !fs.existsSync(contract)) continue;
    if (!EXERCISE_NAME.test(entry.name)) {
      throw new RangeError(`course/${entry.name}: an exercise's folder name must be lower-case words joined by '-', like "cross-entropy"`);
    }
    const folder = path.join(dir, entry.name);
    const grader = path.join(folder, 'grader.ts');
    if (!fs.existsSync(grader)) throw new RangeError(`course/${entry.name}: an exercise needs its public grader, grader.ts`);
    found.push({
      name: entry.name,
      file: `${entry.name}.ts`,
      ...readContract(contract, entry.name),
      dir: folder,
      grader,
      drivers: optional(path.join(folder, 'drivers.ts')),
      hidden: optional(path.join(folder, 'hidden', 'grader.ts')),
    });
  }
  return found.sort((a, b) => a.chapter.localeCompare(b.chapter) || a.name.localeCompare(b.name));
}

/** The exercise names of the course at `root`, in chapter order. */
export function exerciseNames(root: string = PROJECT_ROOT): string[] {
  return listExercises(root).map((e) => e.name);
}

/** The grader in `file` (a public or hidden grader.ts). @throws TypeError when it exports no grader. */
export function loadGrader(file: string): GraderSpec {
  const mod = requireTypeScript(file) as { default?: unknown };
  if (!isGraderSpec(mod.default)) {
    throw new TypeError(`grade: ${file} must export default defineGrader(…), received ${typeof mod.default}`);
  }
  return mod.default;
}

/**
 * The exercises named in `only` ('mse' or 'mse.ts'), in chapter order; all of them when `only` is
 * empty. @throws RangeError naming the known exercises.
 */
export function selectExercises(exercises: readonly Exercise[], only: readonly string[] = []): Exercise[] {
  if (only.length === 0) return [...exercises];
  const wanted = new Set(only.map((o) => path.basename(o).replace(/\.ts$/, '')));
  for (const w of wanted) {
    if (!exercises.some((e) => e.name === w)) {
      throw new RangeError(`grade: exercise must be one of ${exercises.map((e) => e.name).join(', ')}, received ${JSON.stringify(w)}`);
    }
  }
  return exercises.filter((e) => wanted.has(e.name));
}
