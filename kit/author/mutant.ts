/**
 * A mutant is one deliberate mistake in one solution file: a small patch applied to a copy of
 * solutions/ (never to solutions/ itself). An exercise's mutants are listed in
 * course/<exercise>/mutants.ts; every one must lose points (test/grading/mutants.test.ts).
 * A non-implementation (a function that only looks like it works: returns its input, never calls
 * the gradient, never shuffles) lists in `mustFail` every check that exercises the function it
 * fakes, so the suite shows that it earns none of them.
 */
export interface Mutant {
  /** A short name, unique in the exercise, e.g. 'sum-instead-of-mean'. */
  name: string;
  /** The mistake, in the words a teacher would use. */
  mistake: string;
  /** Replacements [find, replace, occurrence?] in solutions/<exercise>.ts; without occurrence, `find` must occur exactly once. */
  patch: Array<[string, string] | [string, string, number]>;
  /** Names of checks (visible or hidden) that must all fail for this mutant. */
  mustFail?: string[];
}

/** Applies a mutant's patch to `source` (the solution `file`); throws if a `find` string is missing or ambiguous (a stale mutant). */
export function applyMutant(source: string, mutant: Mutant, file: string): string {
  let out = source;
  for (const [find, replace, occurrence] of mutant.patch) {
    const positions: number[] = [];
    for (let at = out.indexOf(find); at >= 0; at = out.indexOf(find, at + 1)) positions.push(at);
    if (positions.length === 0) {
      throw new RangeError(`mutant "${mutant.name}": ${file} does not contain ${JSON.stringify(find)}`);
    }
    if (occurrence === undefined && positions.length > 1) {
      throw new RangeError(`mutant "${mutant.name}": ${JSON.stringify(find)} occurs ${positions.length} times in ${file}; give an occurrence`);
    }
    const at = positions[(occurrence ?? 1) - 1];
    if (at === undefined) throw new RangeError(`mutant "${mutant.name}": occurrence ${occurrence} of ${JSON.stringify(find)} not found in ${file}`);
    out = out.slice(0, at) + replace + out.slice(at + find.length);
  }
  return out;
}
