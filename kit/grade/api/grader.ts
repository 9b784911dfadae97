/**
 * How a grader is written: a list of checks with points, each an async function of a CheckContext.
 *
 *   import { defineGrader, expectClose, formatCall } from '../../kit/grade/api';
 *   export default defineGrader(({ graded }) => {
 *     graded('mse is the mean of the squared errors', 2, async (t) => {
 *       expectClose(await t.call('mse', [[1, 2, 5], [1, 2, 3]]), 4 / 3, { input: formatCall('mse', [[1, 2, 5], [1, 2, 3]]) });
 *     });
 *   });
 *
 * A grader file is `course/<exercise>/grader.ts` (public, shipped to students) or
 * `course/<exercise>/hidden/grader.ts` (the instructor's); the folder names the exercise, and
 * `course/<exercise>/exercise.json` its chapter. Checks never touch student code: `t.call` and
 * `t.drive` cross the isolation boundary (a sandbox process today, a Web Worker in a browser
 * tomorrow) and come back with plain data, an Outcome. Nothing here uses a Node API, so the same
 * checks run wherever a CheckContext can be provided.
 */
import { DEFAULT_LANG, type Lang } from '../i18n/lang';

/** What a call across the boundary produced: plain data, or a one-line description of the problem. */
export type Outcome = { ok: true; value: unknown } | { ok: false; problem: string };

export interface CallOptions {
  /** Time limit of this call in ms (default: the sandbox's per-call limit). */
  timeoutMs?: number;
}

/** What a check can do: call the submission's exports and run drivers, always through the boundary. */
export interface CheckContext {
  /** Calls `name(...args)` exported by the exercise file, with plain-data arguments. */
  call(name: string, args: unknown[], options?: CallOptions): Promise<Outcome>;
  /** Runs the driver `name(exports, arg)` of the exercise's `drivers.ts`, next to the student's code. */
  drive(name: string, arg: unknown, options?: CallOptions): Promise<Outcome>;
  /** Seed for randomized cases. */
  readonly seed: number;
}

export interface Check {
  name: string;
  /** The check's weight in the grader; the course's points for the exercise are shared in proportion. */
  points: number;
  run: (t: CheckContext) => Promise<void> | void;
}

/** A grader: what `defineGrader` returns and a grader file exports by default. */
export interface GraderSpec {
  kind: 'descent-grader';
  /** The checks, in English. */
  checks: Check[];
  /** The same checks with their names and hints in `lang` (a grader that declares messages). */
  localize?: (lang: Lang) => Check[];
}

/**
 * An exercise's own sentences in every language (course/<exercise>/messages.ts): the English
 * object's type is the contract, so a language missing a key, or a key the wrong type, does not
 * compile.
 */
export type ExerciseMessages<M> = { readonly [L in Lang]: M };

/** The checks of a grader in `lang` (English for a grader without messages). */
export function checksIn(spec: GraderSpec, lang: Lang = DEFAULT_LANG): Check[] {
  return lang === DEFAULT_LANG || spec.localize === undefined ? spec.checks : spec.localize(lang);
}

export interface GraderBuilder {
  /** Declares a check worth `points`; it passes unless `run` throws. */
  graded(name: string, points: number, run: (t: CheckContext) => Promise<void> | void): void;
}

export function defineGrader(body: (g: GraderBuilder) => void): GraderSpec;
/**
 * A grader whose check names and hints come from its exercise's messages (one object per
 * language): `body` is called once per language with that language's messages.
 */
export function defineGrader<M>(messages: ExerciseMessages<M>, body: (g: GraderBuilder, m: M) => void): GraderSpec;
export function defineGrader<M>(
  first: ExerciseMessages<M> | ((g: GraderBuilder) => void),
  second?: (g: GraderBuilder, m: M) => void,
): GraderSpec {
  if (typeof first === 'function') return { kind: 'descent-grader', checks: build((g) => first(g)) };
  if (typeof second !== 'function') throw new TypeError('defineGrader(messages, body): body must be a function');
  const cache = new Map<Lang, Check[]>();
  const localize = (lang: Lang): Check[] => {
    if (!cache.has(lang)) cache.set(lang, build((g) => second(g, first[lang])));
    return cache.get(lang) as Check[];
  };
  return { kind: 'descent-grader', checks: localize(DEFAULT_LANG), localize };
}

function build(body: (g: GraderBuilder) => void): Check[] {
  const spec = { checks: [] as Check[] };
  body({
    graded(name, points, run) {
      if (typeof name !== 'string' || name.trim() === '') throw new TypeError(`graded: name must be a non-empty string, received ${JSON.stringify(name)}`);
      if (!(typeof points === 'number' && points > 0 && Number.isFinite(points))) throw new RangeError(`graded: points must be a number > 0, received ${points} for "${name}"`);
      if (spec.checks.some((c) => c.name === name)) throw new RangeError(`graded: duplicate check name "${name}"`);
      spec.checks.push({ name, points, run });
    },
  });
  return spec.checks;
}

/** Is `value` a grader (structurally: a grader loaded through another copy of this module is one too)? */
export function isGraderSpec(value: unknown): value is GraderSpec {
  const v = value as Partial<GraderSpec> | null;
  return v !== null && typeof v === 'object' && v.kind === 'descent-grader' && Array.isArray(v.checks);
}
