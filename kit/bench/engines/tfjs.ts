/**
 * TensorFlow.js (tfjs-core 4.22) on a benchmark problem, with the `cpu` backend (plain
 * JavaScript kernels) or the `wasm` backend (XNNPACK compiled to WebAssembly, one thread, its
 * .wasm loaded from node_modules). TensorFlow.js has no float64: the same numbers are rounded to
 * float32, so its losses agree with the float64 engines to about 1e-6 only.
 */
import * as path from 'path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { Problem } from '../workloads';
import { Trainer } from './trainer';

export type TfjsBackend = 'cpu' | 'wasm';

/** The float64 numbers rounded to float32 (TensorFlow.js does not take a Float64Array). */
function f32(a: Float64Array): Float32Array {
  return Float32Array.from(a);
}

/**
 * Registers and selects the backend (the wasm one single-threaded, from local files); returns a
 * description such as `tfjs-core 4.22.0, wasm (SIMD, 1 thread)`.
 */
export async function useBackend(backend: TfjsBackend): Promise<string> {
  if (backend === 'cpu') {
    await import('@tensorflow/tfjs-backend-cpu');
  } else {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const dist = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
    wasm.setWasmPaths(dist + path.sep);
    wasm.setThreadsCount(1);
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  }
  const ok = await tf.setBackend(backend);
  if (!ok) throw new Error(`TensorFlow.js backend ${backend} failed to initialise`);
  await tf.ready();
  if (backend === 'cpu') return `tfjs-core ${tf.version_core}, cpu`;
  const simd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) ? 'SIMD' : 'no SIMD';
  return `tfjs-core ${tf.version_core}, wasm (${simd}, 1 thread)`;
}

export class TfjsTrainer implements Trainer {
  readonly name: string;
  readonly dtype = 'float32' as const;
  readonly version: string;
  private readonly batches: { x: tf.Tensor2D; y: tf.Tensor2D }[];
  private vars: tf.Variable[] = [];
  private optimizer: tf.Optimizer | null = null;

  /** `version` is what `useBackend` returned (call it first). */
  constructor(private readonly problem: Problem, backend: TfjsBackend, version: string) {
    this.name = `tfjs-${backend}`;
    this.version = version;
    const { layers } = problem.workload;
    const d = layers[0];
    const classes = layers[layers.length - 1];
    this.batches = problem.batches.map(([s, e]) => {
      const labels = tf.tensor1d(Array.from(problem.y.subarray(s, e)), 'int32');
      const hot = tf.oneHot(labels, classes);
      const y = tf.cast(hot, 'float32') as tf.Tensor2D;
      hot.dispose();
      labels.dispose();
      return { x: tf.tensor2d(f32(problem.X.subarray(s * d, e * d)), [e - s, d]), y };
    });
    this.reset();
  }

  reset(): void {
    this.releaseParams();
    const { layers, lr } = this.problem.workload;
    this.problem.weights.forEach((w, l) => {
      this.vars.push(tf.variable(tf.tensor2d(f32(w.W), [layers[l], layers[l + 1]])), tf.variable(tf.tensor1d(f32(w.b))));
    });
    // Same hyperparameters as torch.optim.Adam and the project's Adam (ε added to √v̂).
    this.optimizer = tf.train.adam(lr, 0.9, 0.999, 1e-8);
  }

  step(t: number, wantLoss: boolean): number {
    const batch = this.batches[t % this.batches.length];
    const v = this.vars;
    const cost = (this.optimizer as tf.Optimizer).minimize(
      () => {
        let h: tf.Tensor = batch.x;
        for (let k = 0; k < v.length; k += 2) {
          h = tf.add(tf.matMul(h, v[k]), v[k + 1]);
          if (k + 2 < v.length) h = tf.relu(h);
        }
        return tf.losses.softmaxCrossEntropy(batch.y, h) as tf.Scalar;
      },
      wantLoss,
      v,
    );
    if (cost === null) return NaN;
    const value = cost.dataSync()[0];
    cost.dispose();
    return value;
  }

  private releaseParams(): void {
    for (const x of this.vars) x.dispose();
    this.vars = [];
    if (this.optimizer !== null) this.optimizer.dispose();
    this.optimizer = null;
  }

  dispose(): void {
    this.releaseParams();
    for (const b of this.batches) tf.dispose([b.x, b.y]);
  }
}
