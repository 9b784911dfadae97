/**
 * The library's internals, for code that extends the Tensor engine (chapter 05-backpropagation
 * writes a tanh of its own): `import { fromOp, gradOf } from 'descent/internal'`, or from this file.
 * Not part of the stable API of the package root.
 *
 * - `fromOp(data, shape, op, parents, backwardStep)`: the result of an operation written with
 *   Float64Arrays; `backwardStep(g)` receives ∂L/∂out and adds into `gradOf(parent)`.
 * - `gradOf(t)`: the gradient array of `t` to add into (zeros on first use).
 * - `residencyStats`, `setResidencyBudget`, `sweepNow`: the wasm backend's memory (tests, benchmark).
 */
export { fromOp, gradOf } from './tensor/autograd';
export { residencyStats, setResidencyBudget, sweepNow, DEFAULT_BUDGET } from './tensor/wasm/residency';
export type { ResidencyStats } from './tensor/wasm/residency';
export { MIN_RESIDENT, setMinResident } from './tensor/storage';
