/**
 * How long a full grading takes: `npx tsx kit/grade/timing.ts [DIR] [--runs N] [--hidden]`.
 *
 * Times N full gradings of DIR (default solutions/) with the engine (one sandboxed child process
 * per exercise file) and, for comparison only, with no isolation at all: the same checks calling
 * the student's functions and the drivers directly in this process (what a grader sharing a
 * process with the student would cost). Prints the median and the range of each.
 */
import { Command } from 'commander';
import path from 'path';
import type { CheckContext } from './api/grader';
import { listExercises, loadGrader } from './course';
import { DEFAULT_SEED, grade } from './engine';
import type { Outcome } from './sandbox/sandbox';
import { runCheck } from './session';
import { integerOption } from '../shared/options';
import { PROJECT_ROOT } from '../shared/root';
import { requireTypeScript } from '../shared/typescript';

/** Grades `dir` in this process, without any isolation; returns [score, maxScore] in the graders' weights. */
export async function gradeInProcess(dir: string, hidden: boolean): Promise<[number, number]> {
  let score = 0;
  let max = 0;
  for (const exercise of listExercises(PROJECT_ROOT)) {
    const specs = [loadGrader(exercise.grader), ...(hidden && exercise.hidden !== undefined ? [loadGrader(exercise.hidden)] : [])];
    const settle = (run: () => unknown): Outcome => {
      try {
        return { ok: true, value: structuredClone(run()) };
      } catch (error) {
        return { ok: false, problem: `threw ${String(error)}` };
      }
    };
    const exports = (): Record<string, unknown> => requireTypeScript(path.join(dir, exercise.file)) as Record<string, unknown>;
    const context: CheckContext = {
      seed: DEFAULT_SEED,
      call: async (name, args) => settle(() => (exports()[name] as (...a: unknown[]) => unknown)(...args)),
      drive: async (name, arg) =>
        settle(() => {
          const drivers = requireTypeScript(exercise.drivers!) as Record<string, (m: unknown, a: unknown) => unknown>;
          return drivers[name](exports(), arg);
        }),
    };
    for (const check of specs.flatMap((s) => s.checks)) {
      const verdict = await runCheck(check, context);
      max += check.points;
      if (verdict.passed) score += check.points;
    }
  }
  return [score, max];
}

async function time(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function summary(ms: number[]): string {
  const sorted = ms.slice().sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  return `median ${(median / 1000).toFixed(2)} s (${(sorted[0] / 1000).toFixed(2)}–${(sorted[sorted.length - 1] / 1000).toFixed(2)} s)`;
}

async function main(): Promise<void> {
  const program = new Command()
    .argument('[dir]', 'folder to grade', path.join(PROJECT_ROOT, 'solutions'))
    .option('--runs <n>', 'number of runs', integerOption('--runs', 1), 5)
    .option('--hidden', 'include the hidden graders (course/<exercise>/hidden)', false)
    .parse(process.argv);
  const { runs, hidden } = program.opts<{ runs: number; hidden: boolean }>();
  const dir = path.resolve(program.args[0] ?? path.join(PROJECT_ROOT, 'solutions'));
  const isolated: number[] = [];
  const inProcess: number[] = [];
  let scores = '';
  await gradeInProcess(dir, hidden); // warm up the transpile cache like the engine's first run
  for (let i = 0; i < runs; i++) {
    isolated.push(await time(async () => {
      const r = await grade({ dir, hidden });
      scores = `${r.score}/${r.maxScore}`;
    }));
    inProcess.push(await time(() => gradeInProcess(dir, hidden)));
  }
  process.stdout.write(`${path.relative(process.cwd(), dir) || '.'}${hidden ? ' (+ hidden)' : ''}: ${scores} points, ${runs} runs\n`);
  process.stdout.write(`  isolated (child process per exercise file): ${summary(isolated)}\n`);
  process.stdout.write(`  no isolation (in-process, comparison only): ${summary(inProcess)}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`timing: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
