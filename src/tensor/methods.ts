/**
 * The methods of Tensor, installed in one place (as TensorFlow.js does): each is the function of
 * the same name in the file that defines the operation. tensor.ts declares them (the `interface
 * Tensor` there) and imports none of those files, so the modules form no import cycle.
 */
import { Tensor, TensorLike } from './tensor';
import * as elementwise from './elementwise';
import * as reduce from './reduce';
import * as linalg from './matmul';
import * as views from './views';
import { backward } from './autograd';

const methods: { [K in Exclude<keyof Tensor, 'T'>]?: (this: Tensor, ...args: never[]) => unknown } = {
  add(this: Tensor, other: TensorLike) { return elementwise.add(this, other); },
  sub(this: Tensor, other: TensorLike) { return elementwise.sub(this, other); },
  mul(this: Tensor, other: TensorLike) { return elementwise.mul(this, other); },
  div(this: Tensor, other: TensorLike) { return elementwise.div(this, other); },
  pow(this: Tensor, exponent: number) { return elementwise.pow(this, exponent); },
  neg(this: Tensor) { return elementwise.neg(this); },
  exp(this: Tensor) { return elementwise.exp(this); },
  log(this: Tensor) { return elementwise.log(this); },
  tanh(this: Tensor) { return elementwise.tanh(this); },
  relu(this: Tensor) { return elementwise.relu(this); },
  sigmoid(this: Tensor) { return elementwise.sigmoid(this); },
  abs(this: Tensor) { return elementwise.abs(this); },
  sqrt(this: Tensor) { return elementwise.sqrt(this); },
  matmul(this: Tensor, other: Tensor) { return linalg.matmul(this, other); },
  sum(this: Tensor, axis?: number) { return reduce.sum(this, axis); },
  mean(this: Tensor, axis?: number) { return reduce.mean(this, axis); },
  max(this: Tensor, axis: number) { return reduce.max(this, axis); },
  argmax(this: Tensor, axis: number) { return reduce.argmax(this, axis); },
  reshape(this: Tensor, ...shape: number[] | [number[]]) {
    const dims = Array.isArray(shape[0]) ? (shape[0] as number[]) : (shape as number[]);
    return views.reshape(this, dims);
  },
  transpose(this: Tensor) { return views.transpose(this); },
  backward(this: Tensor) { backward(this); },
};

for (const [name, fn] of Object.entries(methods)) {
  Object.defineProperty(Tensor.prototype, name, { value: fn, writable: true, configurable: true });
}
Object.defineProperty(Tensor.prototype, 'T', {
  get(this: Tensor) {
    return views.transpose(this);
  },
  configurable: true,
});
