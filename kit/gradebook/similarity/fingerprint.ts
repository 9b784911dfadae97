/**
 * Fingerprints of a token sequence by winnowing (Schleimer, Wilkerson and Aiken, "Winnowing: local
 * algorithms for document fingerprinting", SIGMOD 2003 — the algorithm of MOSS):
 *
 *   1. hash every k-gram (k consecutive tokens): h₀ … h_{n−k};
 *   2. in every window of w consecutive hashes keep the smallest (the rightmost one on a tie).
 *
 * Any run of at least t = w + k − 1 tokens shared by two files yields at least one shared
 * fingerprint, and no run shorter than k does: k is the noise threshold (how long a shared stretch
 * must be to count), t the guarantee threshold.
 */

/** Tokens per k-gram (default: 10). */
export const DEFAULT_K = 10;
/** Hashes per winnowing window (default: 4; guarantee threshold t = 13 tokens). */
export const DEFAULT_WINDOW = 4;

export interface FingerprintOptions {
  /** Tokens per k-gram (default: DEFAULT_K). */
  k?: number;
  /** Hashes per winnowing window (default: DEFAULT_WINDOW). */
  window?: number;
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`fingerprints: ${name} must be an integer >= 1, received ${value}`);
  return value;
}

/** FNV-1a (32 bits) of tokens[start … start+k−1]. */
function hashGram(tokens: readonly number[], start: number, k: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < start + k; i++) {
    let t = tokens[i];
    for (let b = 0; b < 2; b++) {
      h ^= t & 0xff;
      h = Math.imul(h, 0x01000193) >>> 0;
      t >>>= 8;
    }
  }
  return h;
}

/** The winnowed fingerprints of `tokens` (a file shorter than k tokens has none). */
export function fingerprints(tokens: readonly number[], options: FingerprintOptions = {}): Set<number> {
  const k = positiveInteger('k', options.k ?? DEFAULT_K);
  const w = positiveInteger('window', options.window ?? DEFAULT_WINDOW);
  const out = new Set<number>();
  const count = tokens.length - k + 1;
  if (count <= 0) return out;
  const hashes = new Uint32Array(count);
  for (let i = 0; i < count; i++) hashes[i] = hashGram(tokens, i, k);
  if (count <= w) {
    out.add(Math.min(...hashes));
    return out;
  }
  for (let start = 0; start + w <= count; start++) {
    let best = start;
    for (let i = start + 1; i < start + w; i++) if (hashes[i] <= hashes[best]) best = i;
    out.add(hashes[best]);
  }
  return out;
}

/** |a ∩ b| */
export function shared(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const h of small) if (large.has(h)) n++;
  return n;
}

/** `set` without the fingerprints of `common` (the stub every student starts from). */
export function without(set: ReadonlySet<number>, common: ReadonlySet<number>): Set<number> {
  const out = new Set<number>();
  for (const h of set) if (!common.has(h)) out.add(h);
  return out;
}
