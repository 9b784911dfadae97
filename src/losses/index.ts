export { mse } from './mse';
export { binaryCrossEntropy, binaryCrossEntropyWithLogits, logSigmoid, BCE_LOG_CLAMP } from './binary-cross-entropy';
export { crossEntropy, DEFAULT_LABEL_SMOOTHING } from './cross-entropy';
export type { CrossEntropyOptions } from './cross-entropy';
export { softmax, logSoftmax } from './softmax';
export { DEFAULT_REDUCTION } from './reduction';
export type { Reduction, LossOptions } from './reduction';
