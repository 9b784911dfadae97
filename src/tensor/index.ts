export { Tensor, fromOp, gradOf } from './tensor';
export type { TensorLike, BackwardStep } from './tensor';
export { tensor, zeros, ones, full, randn, arange } from './create';
export type { TensorOptions, FromDataOptions } from './create';
export type { NestedArray } from './format';
export { noGrad, isGradEnabled } from './grad-mode';
export { broadcastShapes, formatShape, sizeOf } from './shape';
export { sigmoidScalar } from './elementwise';
