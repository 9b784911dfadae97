/**
 * How long a full grading takes: `npx tsx kit/grade/timing.ts [DIR] [--runs N] [--hidden]`.
 *
 * Times N full gradings of DIR (default solutions/) with the engine (one sandboxed child process
 * per exercise file) and, for comparison only, with no isolation at all: the same checks calling
 * the student's functions and the drivers directly in this process (what a grader sharing a
 * process with the student would cost). Prints the median and the range of each.
 */
import { Command, InvalidArgumentError } from 'commander';
import path from 'path';
import { grade, loadGraders } from './engine';
import type { CheckContext } from './grader';
import { TsLoader } from './loader';
import { DEFAULT_SEED, GRADERS_DIR, HIDDEN_GRADERS_DIR, PROJECT_ROOT } from './paths';
import type { Outcome } from './sandbox/sandbox';
import { runCheck } from './session';

/** Grades `dir` in this process, without any isolation; returns [score, maxScore]. */
export async function gradeInProcess(dir: string, hidden: boolean): Promise<[number, number]> {
  const loader = new TsLoader();
  const graders = loadGraders(GRADERS_DIR, false, loader).concat(hidden ? loadGraders(HIDDEN_GRADERS_DIR, true, loader) : []);
  const student = new TsLoader();
  let score = 0;
  let max = 0;
  for (const { spec } of graders) {
    const settle = (run: () => unknown): Outcome => {
      try {
        return { ok: true, value: structuredClone(run()) };
      } catch (error) {
        return { ok: false, problem: `threw ${String(error)}` };
      }
    };
    const exports = (): Record<string, unknown> => student.load(path.join(dir, spec.file)) as Record<string, unknown>;
    const context: CheckContext = {
      seed: DEFAULT_SEED,
      call: async (name, args) => settle(() => (exports()[name] as (...a: unknown[]) => unknown)(...args)),
      drive: async (name, arg) =>
        settle(() => {
          const drivers = loader.load(spec.drivers!) as Record<string, (m: unknown, a: unknown) => unknown>;
          return drivers[name](exports(), arg);
        }),
    };
    for (const check of spec.checks) {
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
    .option('--runs <n>', 'number of runs', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`--runs must be an integer >= 1, received ${JSON.stringify(v)}`);
      return n;
    }, 5)
    .option('--hidden', 'include the hidden graders (test/hidden)', false)
    .parse(process.argv);
  const { runs, hidden } = program.opts<{ runs: number; hidden: boolean }>();
  const dir = path.resolve(program.args[0] ?? path.join(PROJECT_ROOT, 'solutions'));
  const isolated: number[] = [];
  const inProcess: number[] = [];
  let scores = '';
  await gradeInProcess(dir, hidden); // warm up the transpile cache like the engine's first run
  for (let i = 0; i < runs; i++) {
    isolated.push(await time(async () => {
      const r = await grade({ dir, hidden: hidden ? HIDDEN_GRADERS_DIR : undefined });
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
