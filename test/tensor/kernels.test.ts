/**
 * Every WebAssembly kernel against its JavaScript reference (issue 14), on random inputs of awkward
 * sizes (0, 1, odd, a tile ± 1, larger than a tile), with operands resident in the kernels' memory
 * and operands that must be staged from the JavaScript heap. Kernels that do the same IEEE
 * operations in the same order must agree bit for bit; those that sum in another order (gemm NT,
 * pairs of k) or use another exp/log (softmax, cross-entropy: AssemblyScript's, not the engine's)
 * agree to 1e-14 relative.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendInfo, setBackend, getBackend, BackendName } from '../../src';
import { Storage, allocate, fromArray, isResident, view } from '../../src/tensor/storage';
import * as K from '../../src/tensor/kernels';
import { rng } from '../../src/data/rng';
import { adagradStep, adamUpdate, adamwStep, rmspropStep, sgdStep } from '../../src/optim';

const r = rng(14);
const SIZES = [0, 1, 2, 3, 7, 31, 32, 33, 100];
const GEMM_SIZES = [1, 2, 3, 7, 8, 9, 17];

function randomArray(n: number): Float64Array {
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = 4 * r() - 2;
  return a;
}

/** A storage holding `values`: resident (placed in the kernels' memory) or a JavaScript array to stage. */
function storage(values: Float64Array, resident: boolean): Storage {
  if (!resident) return fromArray(values.slice(), true);
  const s = allocate(values.length, false);
  view(s).set(values);
  return s;
}

type Run = (resident: boolean) => Float64Array[];

/**
 * The rounding bound of a dot product summed in another order: 2·K·u·Σ|aₖbₖ| per element
 * (u = 2⁻⁵³), from |A| and |B| multiplied the same way.
 */
function dotBound(layout: K.Layout, A: Float64Array, B: Float64Array, M: number, N: number, Kd: number): Float64Array {
  const abs = (s: Float64Array) => fromArray(s.map(Math.abs), true);
  const out = fromArray(new Float64Array(M * N), true);
  setBackend('js');
  K.gemm(layout, abs(A), abs(B), out, M, N, Kd, false);
  return view(out).map((x) => 2 * Kd * 2 ** -53 * x);
}

/** Runs `kernel` under js and under wasm (resident and staged operands) and compares the outputs. */
function compare(kernel: Run, tolerance: number | 'exact' | Float64Array): void {
  setBackend('js');
  const expected = kernel(false);
  for (const resident of [true, false]) {
    setBackend('wasm');
    const actual = kernel(resident);
    actual.forEach((out, k) => {
      expect(out.length).toBe(expected[k].length);
      for (let i = 0; i < out.length; i++) {
        const e = expected[k][i];
        if (tolerance === 'exact') {
          if (!Object.is(out[i], e)) throw new Error(`output ${k}[${i}]: wasm ${out[i]} vs js ${e} (resident: ${resident})`);
        } else if (tolerance instanceof Float64Array) {
          if (!(Math.abs(out[i] - e) <= tolerance[i])) {
            throw new Error(`output ${k}[${i}]: wasm ${out[i]} vs js ${e} beyond the rounding bound ${tolerance[i]}`);
          }
        } else if (!(Math.abs(out[i] - e) <= tolerance * Math.max(1, Math.abs(e)))) {
          throw new Error(`output ${k}[${i}]: wasm ${out[i]} vs js ${e} (resident: ${resident}, tolerance ${tolerance})`);
        }
      }
    });
  }
}

const wasm = backendInfo().wasm;
const suite = wasm.available ? describe : process.env.CI === 'true' ? describe : describe.skip;

suite(`WebAssembly kernels against the JavaScript reference${wasm.available ? '' : ` (skipped: ${wasm.reason})`}`, () => {
  let previous: BackendName;
  beforeAll(() => {
    previous = getBackend();
  });
  afterAll(() => setBackend(previous));

  it('the wasm backend is available (required under CI)', () => {
    expect(wasm.reason).toBe('');
    setBackend('wasm');
    expect(isResident(allocate(64, false))).toBe(true);
  });

  for (const layout of ['nn', 'nt', 'tn'] as const) {
    it(`gemm ${layout}: every small shape, overwrite and accumulate`, () => {
      for (const M of GEMM_SIZES) for (const N of GEMM_SIZES) for (const Kd of [1, 2, 5, 8, 9]) {
        for (const accumulate of [false, true]) {
          const A = randomArray(M * Kd);
          const B = randomArray(Kd * N);
          const C0 = randomArray(M * N);
          const bound = dotBound(layout, A, B, M, N, Kd);
          compare((res) => {
            const c = storage(C0, res);
            K.gemm(layout, storage(A, res), storage(B, res), c, M, N, Kd, accumulate);
            return [view(c).slice()];
          }, layout === 'nt' ? bound.map((x, i) => x + 2 ** -52 * Math.abs(C0[i])) : 'exact');
        }
      }
    });
    it(`gemm ${layout}: the benchmark's shapes`, () => {
      for (const [M, N, Kd] of [[256, 64, 64], [64, 64, 256], [256, 3, 64], [128, 128, 784], [784, 128, 128]]) {
        const A = randomArray(M * Kd);
        const B = randomArray(Kd * N);
        const bound = dotBound(layout, A, B, M, N, Kd);
        compare((res) => {
          const c = allocate(M * N, false);
          K.gemm(layout, storage(A, res), storage(B, res), c, M, N, Kd, false);
          return [view(c).slice()];
        }, layout === 'nt' ? bound : 'exact');
      }
    });
  }

  it('elementwise: add, sub, mul, div and the gradient accumulations', () => {
    for (const n of SIZES) {
      const a = randomArray(n), b = randomArray(n), g = randomArray(n), d0 = randomArray(n);
      for (const kind of ['add', 'sub', 'mul', 'div'] as const) {
        compare((res) => {
          const out = allocate(n, false);
          K.binary(kind, storage(a, res), storage(b, res), out);
          return [view(out).slice()];
        }, 'exact');
      }
      const into = (f: (dst: Storage, res: boolean) => void): Run => (res) => {
        const dst = storage(d0, res);
        f(dst, res);
        return [view(dst).slice()];
      };
      compare(into((dst, res) => K.addInto(dst, storage(g, res))), 'exact');
      compare(into((dst, res) => K.subInto(dst, storage(g, res))), 'exact');
      compare(into((dst, res) => K.mulAddInto(dst, storage(g, res), storage(a, res))), 'exact');
      compare(into((dst, res) => K.divAddInto(dst, storage(g, res), storage(b, res))), 'exact');
      compare(into((dst, res) => K.divGradBInto(dst, storage(g, res), storage(a, res), storage(b, res))), 'exact');
      compare(into((dst) => K.addScalarInto(dst, 0.3125)), 'exact');
      compare((res) => [Float64Array.of(K.sumAll(storage(a, res)))], 'exact');
    }
  });

  it('relu and its gradient, with zeros, negative zeros and NaN', () => {
    for (const n of SIZES) {
      const x = randomArray(n);
      for (let i = 0; i < n; i += 5) x[i] = [0, -0, NaN, Infinity, -Infinity][(i / 5) % 5];
      const g = randomArray(n), d0 = randomArray(n);
      compare((res) => {
        const out = allocate(n, false);
        K.relu(storage(x, res), out);
        return [view(out).slice()];
      }, 'exact');
      compare((res) => {
        const dst = storage(d0, res);
        K.reluGradInto(storage(x, res), storage(g, res), dst);
        return [view(dst).slice()];
      }, 'exact');
      compare((res) => {
        const out = allocate(n, false);
        K.reluMask(storage(x, res), storage(g, res), out);
        return [view(out).slice()];
      }, 'exact');
    }
  });

  it('bias rows: add, column sums, and the fused bias + relu epilogue', () => {
    for (const rows of [1, 2, 7, 64]) for (const C of [1, 2, 3, 10, 64]) {
      const a = randomArray(rows * C), b = randomArray(C), d0 = randomArray(C);
      compare((res) => {
        const out = allocate(rows * C, false);
        K.addRows(storage(a, res), storage(b, res), out, rows, C);
        return [view(out).slice()];
      }, 'exact');
      compare((res) => {
        const dst = storage(d0, res);
        K.colSumsInto(storage(a, res), dst, rows, C);
        return [view(dst).slice()];
      }, 'exact');
      for (const relu of [false, true]) for (const withBias of [false, true]) {
        compare((res) => {
          const out = storage(a, res);
          K.biasRelu(out, withBias ? storage(b, res) : null, rows, C, relu);
          return [view(out).slice()];
        }, 'exact');
      }
    }
  });

  it('log-softmax and cross-entropy rows (forward and gradient), with and without label smoothing', () => {
    for (const N of [1, 3, 33, 256]) for (const C of [1, 2, 3, 10]) {
      const z = randomArray(N * C).map((v) => 10 * v);
      const labels = Int32Array.from({ length: N }, () => Math.floor(r() * C));
      const scales = randomArray(N);
      compare((res) => {
        const out = allocate(N * C, false);
        K.logSoftmaxRows(storage(z, res), out, N, C);
        return [view(out).slice()];
      }, 1e-14);
      for (const eps of [0, 0.2]) {
        compare((res) => {
          const lse = allocate(N, false), losses = allocate(N, false);
          K.crossEntropyRows(storage(z, res), labels, lse, losses, N, C, eps);
          const gz = storage(new Float64Array(N * C), res);
          K.crossEntropyGradInto(storage(z, res), labels, lse, gz, N, C, eps, null, 1 / N);
          const gz2 = storage(new Float64Array(N * C), res);
          K.crossEntropyGradInto(storage(z, res), labels, lse, gz2, N, C, eps, storage(scales, res), 0);
          return [view(lse).slice(), view(losses).slice(), view(gz).slice(), view(gz2).slice()];
        }, 1e-14);
      }
    }
  });

  it('optimizer updates give the bits of the step functions (adam ± amsgrad ± L2, AdamW decay; sgd; adagrad; rmsprop)', () => {
    setBackend('wasm');
    /** Runs the wasm kernel on resident or staged copies of `inputs`; returns the written buffers. */
    const kernel = (name: K.OptimizerKernel, inputs: (Float64Array | null)[], writes: number, scalars: number[], res: boolean) => {
      const bufs = inputs.map((x) => (x === null ? null : storage(x, res)));
      expect(K.optimizerKernel(name, bufs, writes, scalars)).toBe(true);
      return bufs.map((b) => (b === null ? null : view(b).slice()));
    };
    const same = (actual: (Float64Array | null)[], expected: (Float64Array | null)[]) => {
      expected.forEach((e, k) => {
        if (e === null) return;
        const a = actual[k] as Float64Array;
        e.forEach((x, i) => {
          if (!Object.is(a[i], x)) throw new Error(`buffer ${k}[${i}]: wasm ${a[i]} vs step function ${x}`);
        });
      });
    };
    for (const n of [1, 2, 3, 33, 100]) {
      const theta = randomArray(n), grad = randomArray(n);
      const m0 = randomArray(n), v0 = randomArray(n).map(Math.abs), vmax0 = randomArray(n).map(Math.abs);
      for (const res of [true, false]) {
        for (const amsgrad of [false, true]) for (const [l2, decoupled] of [[0, false], [0.01, false], [0.01, true]] as const) {
          const t = 3, lr = 0.01, b1 = 0.9, b2 = 0.999, eps = 1e-8;
          const th = theta.slice();
          const state = { step: t - 1, expAvg: m0.slice(), expAvgSq: v0.slice(), maxExpAvgSq: amsgrad ? vmax0.slice() : null };
          if (decoupled) adamwStep(th, grad, state, { lr, betas: [b1, b2], eps, weightDecay: l2, amsgrad });
          else adamUpdate(th, grad, state, lr, b1, b2, eps, l2, amsgrad);
          const scalars = [lr / (1 - b1 ** t), Math.sqrt(1 - b2 ** t), b1, b2, eps, decoupled ? 0 : l2, decoupled ? 1 - lr * l2 : 1, amsgrad ? 1 : 0];
          const out = kernel('adam', [theta, grad, m0, v0, amsgrad ? vmax0 : null], 0b11101, scalars, res);
          same(out, [th, null, state.expAvg, state.expAvgSq, state.maxExpAvgSq]);
        }
        for (const [momentum, dampening, weightDecay, nesterov, first] of [[0, 0, 0, false, false], [0.9, 0.1, 0.01, false, true], [0.9, 0.1, 0.01, false, false], [0.9, 0, 0, true, false]] as const) {
          const th = theta.slice();
          const state = { step: 4, momentumBuffer: momentum === 0 || first ? null : m0.slice() };
          sgdStep(th, grad, state, { lr: 0.05, momentum, dampening, weightDecay, nesterov });
          const out = kernel('sgd', [theta, grad, momentum === 0 ? null : m0], 0b101, [0.05, momentum, dampening, weightDecay, nesterov ? 1 : 0, first ? 1 : 0], res);
          same(out, [th, null, state.momentumBuffer]);
        }
        {
          const th = theta.slice();
          const state = { step: 2, sum: v0.slice() };
          adagradStep(th, grad, state, { lr: 0.05, lrDecay: 0.1, weightDecay: 0.01, eps: 1e-10 });
          const out = kernel('adagrad', [theta, grad, v0], 0b101, [0.05 / (1 + 2 * 0.1), 0.01, 1e-10], res);
          same(out, [th, null, state.sum]);
        }
        for (const [weightDecay, momentum, centered] of [[0, 0, false], [0.01, 0.9, true], [0, 0.5, false]] as const) {
          const th = theta.slice();
          const state = { step: 1, squareAvg: v0.slice(), gradAvg: centered ? m0.map((x) => x / 100) : null, momentumBuffer: momentum > 0 ? vmax0.slice() : null };
          rmspropStep(th, grad, state, { lr: 0.01, alpha: 0.99, eps: 1e-8, weightDecay, momentum, centered });
          const inputs = [theta, grad, v0, centered ? m0.map((x) => x / 100) : null, momentum > 0 ? vmax0 : null];
          const out = kernel('rmsprop', inputs, 0b11101, [0.01, 0.99, 1e-8, weightDecay, momentum, centered ? 1 : 0], res);
          same(out, [th, null, state.squareAvg, state.gradAvg, state.momentumBuffer]);
        }
      }
    }
  });
});
