/**
 * The mutation suite of a course: every mutant of an exercise (course/<exercise>/mutants.ts) is
 * applied to a copy of solutions/ in a temporary folder and graded for its exercise with the
 * public and hidden graders. A mutant must lose points, and fail every check it names in
 * `mustFail`. Used by test/grading/mutants.test.ts (the kit) and by the new-exercise test (a copy).
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { listExercises, type Exercise } from '../grade/course';
import { grade } from '../grade/engine';
import type { GradeRun } from '../grade/report/model';
import { forEachLimited } from '../shared/pool';
import { requireTypeScript } from '../shared/typescript';
import { applyMutant, type Mutant } from './mutant';

export interface MutantOutcome {
  exercise: string;
  mutant: Mutant;
  run: GradeRun;
}

/** The mutants of an exercise (none when it has no mutants.ts). @throws on duplicate names. */
export function mutantsOf(exercise: Exercise): Mutant[] {
  const file = path.join(exercise.dir, 'mutants.ts');
  if (!fs.existsSync(file)) return [];
  const mutants = (requireTypeScript(file) as { default: Mutant[] }).default;
  const names = mutants.map((m) => m.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) throw new RangeError(`course/${exercise.name}/mutants.ts: two mutants are named "${twice}"`);
  return mutants;
}

/** Grades every mutant of the course at `root` (or of `only` its exercises), `jobs` at a time. */
export async function gradeMutants(root: string, options: { only?: string[]; jobs?: number } = {}): Promise<MutantOutcome[]> {
  const solutions = path.join(root, 'solutions');
  const work = listExercises(root)
    .filter((e) => options.only === undefined || options.only.includes(e.name))
    .flatMap((exercise) => mutantsOf(exercise).map((mutant) => ({ exercise, mutant })));
  const outcomes: MutantOutcome[] = [];
  await forEachLimited(work, options.jobs ?? 3, async ({ exercise, mutant }) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'descent-mutant-'));
    try {
      // The solution files only (solutions/answers/ is the instructor's Markdown).
      for (const f of fs.readdirSync(solutions, { withFileTypes: true })) if (f.isFile()) fs.copyFileSync(path.join(solutions, f.name), path.join(dir, f.name));
      const original = fs.readFileSync(path.join(solutions, exercise.file), 'utf8');
      fs.writeFileSync(path.join(dir, exercise.file), applyMutant(original, mutant, exercise.file));
      const report = await grade({ root, dir, hidden: exercise.hidden !== undefined, only: [exercise.name], concurrency: 1 });
      outcomes.push({ exercise: exercise.name, mutant, run: report.toJSON() });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  return outcomes;
}

/** What is wrong with a mutant's outcome: it kept every point, a check it must fail passed, a check errored. Empty when it did its job. */
export function mutantProblems({ exercise, mutant, run }: MutantOutcome): string[] {
  const problems: string[] = [];
  if (run.score >= run.maxScore) problems.push(`${exercise}/${mutant.name} (${mutant.mistake}): no check failed`);
  for (const r of run.results) if (!r.passed && /grader error/.test(r.feedback)) problems.push(`${exercise}/${mutant.name} › ${r.name}: ${r.feedback}`);
  for (const name of mutant.mustFail ?? []) {
    const result = run.results.find((r) => r.name === name);
    if (result === undefined) problems.push(`${exercise}/${mutant.name}: no check named "${name}"`);
    else if (result.passed) problems.push(`${exercise}/${mutant.name}: "${name}" passed (${mutant.mistake})`);
  }
  return problems;
}
