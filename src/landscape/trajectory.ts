/**
 * Runs a real optimizer from `src/optim` on a landscape and records its path (chapters
 * 03-gradient-descent, 06-minima-saddles, 07-optimizers). Each coordinate is one scalar Tensor
 * parameter, so `f` reads like the formula: `([x, y]) => x.sub(1).pow(2).add(…)`.
 *
 * One step is the training loop of every chapter: zeroGrad, loss = f(θ), backward, step.
 */
import { noGrad, Tensor, tensor } from '../tensor';
import { Optimizer } from '../optim/optimizer';
import { LRScheduler } from '../optim/lr-scheduler';
import { checkInteger, checkOptions, describe, expected } from '../util/validate';

export interface TrajectoryOptions {
  /** The loss on the parameters, e.g. `rosenbrock().tensorF`; must return a scalar Tensor. */
  f: (params: Tensor[]) => Tensor;
  /** The starting point θ₀, one number per parameter. */
  start: readonly number[];
  /** Makes the optimizer, e.g. `(p) => new Adam(p, { lr: 0.1 })`. */
  optimizer: (params: Tensor[]) => Optimizer;
  /** Number of optimizer steps. */
  steps: number;
  /** Optional learning-rate schedule, stepped after every optimizer step, e.g. `(o) => new StepLR(o, { stepSize: 50 })`. */
  scheduler?: (optimizer: Optimizer) => LRScheduler;
}

export interface Trajectory {
  /** θ₀, θ₁, …: `steps + 1` points, fewer if the run diverged. */
  points: number[][];
  /** f(θ_t) for every point. */
  losses: number[];
  /** True if a loss or a coordinate stopped being finite; the run stops there. */
  diverged: boolean;
}

const OPTION_NAMES = ['f', 'start', 'optimizer', 'steps', 'scheduler'];

/** The path of an optimizer from `start` (see the file comment). */
export function trajectory(options: TrajectoryOptions): Trajectory {
  const where = 'trajectory';
  if (options === null || typeof options !== 'object') {
    throw new TypeError(expected(where, 'options', 'an object { f, start, optimizer, steps }', options));
  }
  checkOptions(where, options, OPTION_NAMES);
  const { f, start, optimizer, scheduler } = options;
  if (typeof f !== 'function') throw new TypeError(expected(where, 'f', 'a function (params: Tensor[]) => Tensor', f));
  if (!Array.isArray(start) || start.length === 0 || start.some((v) => typeof v !== 'number' || !Number.isFinite(v))) {
    throw new TypeError(expected(where, 'start', 'a non-empty array of finite numbers', start));
  }
  if (typeof optimizer !== 'function') {
    throw new TypeError(expected(where, 'optimizer', 'a function (params) => optimizer, e.g. (p) => new SGD(p, { lr: 0.1 })', optimizer));
  }
  if (scheduler !== undefined && typeof scheduler !== 'function') {
    throw new TypeError(expected(where, 'scheduler', 'a function (optimizer) => scheduler', scheduler));
  }
  const steps = checkInteger(where, 'steps', options.steps, 0);

  const params = start.map((v) => tensor(v, { requiresGrad: true }));
  const opt = optimizer(params);
  if (!(opt instanceof Optimizer)) {
    throw new TypeError(expected(where, 'optimizer(params)', 'an optimizer (SGD, Adam, …) built on the given params', opt));
  }
  if (opt.params.length !== params.length || opt.params.some((p, i) => p !== params[i])) {
    throw new RangeError(`${where}: optimizer must be built on the params it receives, e.g. (p) => new SGD(p, { lr: 0.1 })`);
  }
  const sched = scheduler === undefined ? undefined : scheduler(opt);
  if (sched !== undefined && !(sched instanceof LRScheduler)) {
    throw new TypeError(expected(where, 'scheduler(optimizer)', 'a learning-rate scheduler (StepLR, …)', sched));
  }

  const read = (): number[] => params.map((p) => p.data[0]);
  const points: number[][] = [read()];
  const losses: number[] = [];
  let diverged = false;
  for (let t = 0; t < steps; t++) {
    opt.zeroGrad();
    const loss = checkLoss(where, f(params.slice()));
    losses.push(loss.data[0]);
    if (!Number.isFinite(loss.data[0])) {
      diverged = true;
      break;
    }
    loss.backward();
    opt.step();
    sched?.step();
    const point = read();
    points.push(point);
    if (point.some((v) => !Number.isFinite(v))) {
      losses.push(NaN);
      diverged = true;
      break;
    }
  }
  if (losses.length < points.length) {
    const last = noGrad(() => checkLoss(where, f(params.slice()), false)).data[0];
    losses.push(last);
    if (!Number.isFinite(last)) diverged = true;
  }
  return { points, losses, diverged };
}

function checkLoss(where: string, loss: unknown, needGrad = true): Tensor {
  if (!(loss instanceof Tensor)) throw new TypeError(expected(where, 'f(params)', 'a Tensor', loss));
  if (loss.size !== 1) {
    throw new RangeError(`${where}: f(params) must be a scalar Tensor, received shape [${loss.shape.join(', ')}]`);
  }
  if (needGrad && !loss.requiresGrad) {
    throw new RangeError(
      `${where}: f(params) must be computed from the params (so it has a gradient), received ${describe(loss)} ` +
        'without requiresGrad',
    );
  }
  return loss;
}

/** One named run of `compareOptimizers`: usable directly as a `path` of `contourFigure` and a curve of `lossCurves`. */
export interface NamedTrajectory extends Trajectory {
  name: string;
}

/**
 * The paths of several optimizers from the same start on the same loss (chapter 07-optimizers):
 * `compareOptimizers({ f, start, steps, optimizers: { SGD: (p) => new SGD(p, { lr: 1e-3 }), Adam: … } })`.
 */
export function compareOptimizers(options: {
  f: (params: Tensor[]) => Tensor;
  start: readonly number[];
  steps: number;
  optimizers: Readonly<Record<string, (params: Tensor[]) => Optimizer>>;
}): NamedTrajectory[] {
  const where = 'compareOptimizers';
  if (options === null || typeof options !== 'object') {
    throw new TypeError(expected(where, 'options', 'an object { f, start, steps, optimizers }', options));
  }
  checkOptions(where, options, ['f', 'start', 'steps', 'optimizers']);
  const { optimizers } = options;
  if (optimizers === null || typeof optimizers !== 'object' || Object.keys(optimizers).length === 0) {
    throw new TypeError(expected(where, 'optimizers', 'an object { name: (params) => optimizer } with at least one entry', optimizers));
  }
  return Object.entries(optimizers).map(([name, optimizer]) => ({
    name,
    ...trajectory({ f: options.f, start: options.start, steps: options.steps, optimizer }),
  }));
}
