/**
 * Runs a test suite under every backend of the Tensor engine (issue 14): `js` (the TypeScript
 * reference kernels), `wasm` (WebAssembly SIMD, default settings) and `wasm-stress` (WebAssembly
 * with every tensor resident, even one-element ones, and a 64 KiB memory budget, so that nearly
 * every operation sweeps, moves tensors to the heap and back, and compacts the kernels' memory).
 * The same assertions must hold under all three.
 *
 * Where WebAssembly cannot load, the two wasm runs are a visible skip with the reason; under
 * CI=true they fail instead.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { BackendName, backendInfo, getBackend, setBackend } from '../../src';
import { DEFAULT_BUDGET, MIN_RESIDENT, setMinResident, setResidencyBudget } from '../../src/internal';

export type BackendRun = 'js' | 'wasm' | 'wasm-stress';
export const BACKEND_RUNS: readonly BackendRun[] = ['js', 'wasm', 'wasm-stress'];

/** Makes `run` the active backend (and residency settings) for the suite it is called in. */
export function useBackend(run: BackendRun): void {
  let previous: BackendName;
  beforeAll(() => {
    previous = getBackend();
    setBackend(run === 'js' ? 'js' : 'wasm');
    if (run === 'wasm-stress') {
      setMinResident(1);
      setResidencyBudget(64 * 1024);
    }
  });
  afterAll(() => {
    setMinResident(MIN_RESIDENT);
    setResidencyBudget(DEFAULT_BUDGET);
    setBackend(previous);
  });
}

/** `describe(name)` once per backend run, named `name [run]`. */
export function describeEachBackend(name: string, body: (run: BackendRun) => void): void {
  for (const run of BACKEND_RUNS) {
    const title = `${name} [${run}]`;
    const { available, reason } = backendInfo().wasm;
    if (run !== 'js' && !available) {
      if (process.env.CI === 'true') {
        describe(title, () => {
          it('has the wasm backend (required under CI)', () => {
            throw new Error(`the wasm backend is not available: ${reason}`);
          });
        });
      } else {
        describe.skip(`${title}: skipped, the wasm backend is not available here (${reason})`, () => body(run));
      }
      continue;
    }
    describe(title, () => {
      useBackend(run);
      body(run);
    });
  }
}
