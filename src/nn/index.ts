/**
 * Neural-network layers (chapter 08-training): the `Module` base class, `Linear`, the
 * activations `ReLU`, `Tanh`, `Sigmoid`, the container `Sequential` and the ready-made `MLP`.
 */
export { Module } from './module';
export { Linear, LINEAR_OPTION_NAMES } from './linear';
export type { LinearOptions } from './linear';
export { ReLU, Tanh, Sigmoid } from './activations';
export { Sequential } from './sequential';
export { MLP, DEFAULT_MLP_ACTIVATION, MLP_OPTION_NAMES } from './mlp';
export type { MLPOptions, MLPActivation } from './mlp';
export { DEFAULT_INIT_SEED, linearInitBound } from './init';
export type { InitOptions } from './init';
