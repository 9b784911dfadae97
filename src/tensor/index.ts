import './methods';
import { getBackend } from './backend';

export { Tensor } from './tensor';
export type { TensorLike } from './tensor';
export { tensor, zeros, ones, full, randn, arange } from './create';
export type { TensorOptions, FromDataOptions } from './create';
export type { NestedArray } from './format';
export { noGrad, isGradEnabled } from './grad-mode';
export { broadcastShapes, formatShape, sizeOf } from './shape';
export { sigmoidScalar } from './elementwise';
export { linear } from './linear';
export type { Activation } from './linear';
export { setBackend, getBackend, backendInfo, BACKENDS } from './backend';
export type { BackendName, BackendInfo } from './backend';

// Pick the backend now (DESCENT_BACKEND, else wasm where it loads), so every later check is a flag.
getBackend();
