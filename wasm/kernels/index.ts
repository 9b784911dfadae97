/**
 * The kernels module: every export is a plain function on byte offsets into this module's memory
 * (`memory`, exported), which src/tensor/wasm manages. Nothing in here allocates; there is no
 * garbage collector (built with the `stub` runtime).
 */
export { gemmNN, gemmNT, gemmTN } from './gemm';
export {
  addV, subV, mulV, divV, addInto, subInto, mulAddInto, divAddInto, divGradBInto, addScalarInto,
  addRows, colSumsInto, sumAll, relu, reluGradInto, reluMask, biasRelu,
} from './elementwise';
export { logSoftmaxRows, crossEntropyRows, crossEntropyGradInto } from './softmax';
export { adam, sgd, adagrad, rmsprop } from './optim';

/** The first byte after the module's static data: the allocator in src/tensor/wasm starts here. */
export const HEAP_BASE: usize = __heap_base;
