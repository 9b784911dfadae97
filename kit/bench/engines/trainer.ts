/** What the worker needs from each engine: a resettable training loop over a Problem. */
export interface Trainer {
  /** Engine name as shown in the table, e.g. `descent` or `tfjs-wasm`. */
  name: string;
  /** Storage type of the numbers ('float64', or 'float32' for TensorFlow.js). */
  dtype: 'float64' | 'float32';
  /** Library version (or a description) for the table. */
  version: string;
  /** Fresh parameters (copies of the initial weights) and a fresh optimizer. */
  reset(): void;
  /** One training step on batch t mod (number of batches); the loss when `wantLoss`, else NaN. */
  step(t: number, wantLoss: boolean): number;
  /** Releases what the engine holds (tensors of TensorFlow.js). */
  dispose(): void;
}
