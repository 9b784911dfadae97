/**
 * The graders' precomputed cases (course/<exercise>/cases.json, made with PyTorch by the
 * exercise's cases.py and course/make-cases.py), taken with a count guard: a check that loops over
 * cases states how many it expects, so an emptied or filtered fixture fails loudly (a grader
 * error, 0 points) instead of awarding points without calling the student's code.
 */

/** `items`, after checking that there are exactly `count` of them. */
export function exactly<T>(items: readonly T[] | undefined, count: number, what: string): readonly T[] {
  const found = Array.isArray(items) ? items.length : 0;
  if (!Array.isArray(items) || found !== count) {
    throw new Error(`grader fixture: expected ${count} ${what}, found ${found}: the exercise's cases.json is damaged (regenerate it: course/make-cases.py)`);
  }
  return items;
}

/** The entry `key` of a fixture's table, or a grader error naming it. */
export function entry<T>(table: Readonly<Record<string, T>>, key: string, what: string): T {
  const found = Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
  if (found === undefined) throw new Error(`grader fixture: no ${what} "${key}": the exercise's cases.json is damaged (regenerate it: course/make-cases.py)`);
  return found;
}
