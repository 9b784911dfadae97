/**
 * One engine on one workload, in its own process (so one engine's heap, JIT state and memory
 * high-water mark do not affect another's). Started by run.ts:
 *
 *   node --import tsx kit/bench/worker.ts <engine> <problem.json | value> <result.json> <reps> <warmupSteps>
 *   node --import tsx kit/bench/worker.ts gemm|peaks|overhead|memory - <result.json> [backend]
 *
 * (the other measurements: gemm.ts, overhead.ts, memory-run.ts).
 *
 * A warm-up run (untimed, its losses recorded for the agreement check), then `reps` timed runs,
 * each from the initial weights with a fresh optimizer. Writes an EngineResult to result.json.
 */
import * as fs from 'fs';
import { readProblem } from './problem-file';
import { DescentTrainer, Style } from './engines/descent';
import { Trainer } from './engines/trainer';
import { ValueMlp } from './engines/value-mlp';
import { BENCH_SEED, Problem } from './workloads';
import { EngineResult } from './result';

function maxRssMB(): number {
  return process.resourceUsage().maxRSS / 1024; // maxRSS is in KiB
}

async function makeTrainer(engine: string, problem: Problem): Promise<Trainer> {
  const descent = /^descent-(ops|layers)(-js)?$/.exec(engine);
  if (descent !== null) return new DescentTrainer(problem, descent[1] as Style, descent[2] === undefined ? 'wasm' : 'js');
  if (engine === 'tfjs-cpu' || engine === 'tfjs-wasm') {
    const { TfjsTrainer, useBackend } = await import('./engines/tfjs');
    const backend = engine === 'tfjs-cpu' ? 'cpu' : 'wasm';
    const version = await useBackend(backend);
    return new TfjsTrainer(problem, backend, version);
  }
  throw new RangeError(`worker: unknown engine ${JSON.stringify(engine)}`);
}

async function runTrainer(engine: string, manifest: string, reps: number, warmupSteps: number): Promise<EngineResult> {
  const problem = readProblem(manifest);
  const { workload } = problem;
  const trainer = await makeTrainer(engine, problem);
  // --profile (profile.ts) sets BENCH_CPU_PROFILE: profile the training only.
  const profileFile = process.env.BENCH_CPU_PROFILE;
  const stopProfile = profileFile ? await (await import('./inspector-profile')).startProfile(profileFile) : null;
  const losses: number[] = [];
  trainer.reset();
  for (let t = 0; t < warmupSteps; t++) losses.push(trainer.step(t, true));
  const seconds: number[] = [];
  let finalLoss = NaN;
  for (let r = 0; r < reps; r++) {
    trainer.reset();
    const start = process.hrtime.bigint();
    for (let t = 0; t < workload.steps - 1; t++) trainer.step(t, false);
    // The last step reads its loss: that also waits for any pending work of the engine.
    finalLoss = trainer.step(workload.steps - 1, true);
    seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  if (stopProfile !== null) await stopProfile();
  trainer.dispose();
  return {
    engine,
    workload: workload.name,
    dtype: trainer.dtype,
    version: trainer.version,
    steps: workload.steps,
    seconds,
    losses,
    finalLoss,
    maxRssMB: maxRssMB(),
  };
}

function runValue(reps: number, warmupSteps: number, steps: number): EngineResult {
  const losses: number[] = [];
  const seconds: number[] = [];
  let finalLoss = NaN;
  const warm = new ValueMlp(BENCH_SEED);
  for (let t = 0; t < warmupSteps; t++) losses.push(warm.step());
  for (let r = 0; r < reps; r++) {
    const mlp = new ValueMlp(BENCH_SEED);
    const start = process.hrtime.bigint();
    for (let t = 0; t < steps; t++) finalLoss = mlp.step();
    seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  return {
    engine: 'value',
    workload: 'micrograd',
    dtype: 'float64',
    version: 'this repo',
    steps,
    seconds,
    losses,
    finalLoss,
    maxRssMB: maxRssMB(),
  };
}

/** The measurements other than training: their JSON results. */
async function measurement(kind: string, arg: string | undefined): Promise<unknown> {
  if (kind === 'gemm') return (await import('./gemm')).gemmRates(['wasm', 'js']);
  if (kind === 'peaks') return (await import('./gemm')).peaks(arg as string);
  if (kind === 'overhead') {
    const { overheads } = await import('./overhead');
    return { wasm: overheads('wasm'), js: overheads('js') };
  }
  if (kind === 'memory') return (await import('./memory-run')).memoryRun(arg === 'js' ? 'js' : 'wasm');
  throw new RangeError(`worker: unknown measurement ${JSON.stringify(kind)}`);
}

async function main(): Promise<void> {
  const [engine, manifest, out, repsArg, warmupArg, valueStepsArg] = process.argv.slice(2);
  if (['gemm', 'peaks', 'overhead', 'memory'].includes(engine)) {
    fs.writeFileSync(out, JSON.stringify(await measurement(engine, repsArg)));
    return;
  }
  const reps = Number(repsArg);
  const warmup = Number(warmupArg);
  const result =
    engine === 'value' ? runValue(reps, warmup, Number(valueStepsArg)) : await runTrainer(engine, manifest, reps, warmup);
  fs.writeFileSync(out, JSON.stringify(result));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
