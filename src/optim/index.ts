/**
 * Optimizers and learning-rate schedules, matching `torch.optim` (PyTorch 1.13).
 * Chapters: 03-gradient-descent (SGD), 07-optimizers (all of them).
 */
export { Optimizer } from './optimizer';
export type { OptimizerState } from './optimizer';
export { SGD, SGD_DEFAULTS, SGD_OPTION_NAMES, sgdStep } from './sgd';
export type { SGDOptions, SGDHyperparameters, SGDState } from './sgd';
export { Adagrad, ADAGRAD_DEFAULTS, ADAGRAD_OPTION_NAMES, adagradStep } from './adagrad';
export type { AdagradOptions, AdagradHyperparameters, AdagradState } from './adagrad';
export { RMSprop, RMSPROP_DEFAULTS, RMSPROP_OPTION_NAMES, rmspropStep } from './rmsprop';
export type { RMSpropOptions, RMSpropHyperparameters, RMSpropState } from './rmsprop';
export { Adam, ADAM_DEFAULTS, ADAM_OPTION_NAMES, adamStep, adamUpdate } from './adam';
export type { AdamOptions, AdamHyperparameters, AdamState } from './adam';
export { AdamW, ADAMW_DEFAULTS, adamwStep } from './adamw';
export type { AdamWOptions } from './adamw';
export { LRScheduler } from './lr-scheduler';
export { StepLR, STEP_LR_DEFAULTS } from './step-lr';
export type { StepLROptions } from './step-lr';
export { ExponentialLR } from './exponential-lr';
export type { ExponentialLROptions } from './exponential-lr';
export { CosineAnnealingLR, COSINE_ANNEALING_LR_DEFAULTS } from './cosine-annealing-lr';
export type { CosineAnnealingLROptions } from './cosine-annealing-lr';
