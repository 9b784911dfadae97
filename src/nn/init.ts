/**
 * PyTorch's default initialisation of a linear layer (chapter 08-training). `nn.Linear` calls
 * `kaiming_uniform_(W, a=√5)`, i.e. W ~ U(−b, b) with
 * $$b = \text{gain}\cdot\sqrt{\frac{3}{\text{fan\_in}}}, \qquad
 *   \text{gain} = \sqrt{\frac{2}{1 + a^2}} = \sqrt{\tfrac{1}{3}}
 *   \quad\Longrightarrow\quad b = \frac{1}{\sqrt{\text{fan\_in}}},$$
 * and draws the bias from the same U(−1/√fan_in, 1/√fan_in). A uniform U(−b, b) has variance
 * b²/3 = 1/(3·fan_in), so a unit's pre-activation Σᵢ xᵢ Wᵢⱼ keeps a variance of about a third
 * of its inputs' mean square, whatever the width.
 *
 * The numbers come from a seeded generator (`rng(seed)` of src/data/rng) so a network starts
 * from the same weights on every run and every machine.
 */
import { Rng, checkRng, checkSeed, draw, rng as makeRng } from '../data/rng';

/** The seed a layer or network uses when it is given neither `seed` nor `rng`. */
export const DEFAULT_INIT_SEED = 0;

/** Where the initial weights come from: a seed, or a generator shared by several layers. */
export interface InitOptions {
  /** Make a fresh generator `rng(seed)` (default: DEFAULT_INIT_SEED = 0). */
  seed?: number;
  /** Draw from this generator instead (e.g. one `rng(42)` shared by all layers of a network). */
  rng?: Rng;
}

/** The bound b = 1/√fan_in of PyTorch's default U(−b, b) for a layer with `fanIn` inputs. */
export function linearInitBound(fanIn: number): number {
  return 1 / Math.sqrt(fanIn);
}

/** The generator named by `{ seed }` or `{ rng }` (not both), or `rng(DEFAULT_INIT_SEED)`. @internal */
export function initGenerator(where: string, options: InitOptions | undefined): Rng {
  const seed = options?.seed;
  const given = options?.rng;
  if (seed !== undefined && given !== undefined) {
    throw new TypeError(`${where}: pass either seed or rng, not both`);
  }
  if (given !== undefined) return checkRng(where, given);
  return makeRng(seed === undefined ? DEFAULT_INIT_SEED : checkSeed(where, seed));
}

/** Fills `out` with U(−b, b) samples b·(2u − 1), u = rng() ∈ [0, 1), in storage order. @internal */
export function fillUniform(where: string, out: Float64Array, bound: number, rng: Rng): Float64Array {
  for (let i = 0; i < out.length; i++) out[i] = bound * (2 * draw(where, rng) - 1);
  return out;
}
