/**
 * Loss landscapes with closed-form gradients, as numbers and as Tensor functions; optimizer
 * trajectories; plain gradient descent; learning-rate bounds, momentum's rates and SGD's noise
 * floor, predicted and measured (chapters 03, 04, 06, 07).
 */
export { makeLandscape } from './landscape';
export type { Landscape, LandscapeSpec } from './landscape';
export { ILL_CONDITIONED_DEFAULTS, QUADRATIC_HALF_WIDTH, illConditioned, quadratic, quadraticForm } from './quadratic';
export type { IllConditionedOptions } from './quadratic';
export { ROSENBROCK_DEFAULTS, rosenbrock } from './rosenbrock';
export { HIMMELBLAU_MINIMA, himmelblau } from './himmelblau';
export { saddle } from './saddle';
export { nonConvex1D } from './non-convex';
export { compareOptimizers, trajectory } from './trajectory';
export type { NamedTrajectory, Trajectory, TrajectoryOptions } from './trajectory';
export { gradientDescentPath } from './gradient-descent';
export type { PathMomentum } from './gradient-descent';
export {
  convergenceFactor,
  eigenvalues2x2,
  lipschitzConstant,
  maxStableLearningRate,
  optimalLearningRate,
  symmetricEigenvalues,
} from './lipschitz';
export { conditionNumber, momentumFactor, momentumStabilityLimit, optimalMomentum } from './momentum';
export type { MomentumTuning } from './momentum';
export { DEFAULT_RATE_STEPS, measuredRate } from './rate';
export type { RateOptions } from './rate';
export { noiseFloor, stationaryCovariance } from './noise-floor';
export { LANDSCAPE_HEIGHT, landscapeFigure } from './figure';
export type { LandscapeFigureOptions } from './figure';
