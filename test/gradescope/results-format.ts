/**
 * Gradescope's results.json, as its "Autograder Specifications" document it (Output format): an
 * explicit check, field by field, that returns every violation (empty = valid).
 *
 * Top level: score (number; optional, but required when a test lacks one), execution_time (number,
 * seconds), output (string), output_format / test_output_format ('text' | 'html' |
 * 'simple_format' | 'md' | 'ansi'), test_name_format ('text' | 'html' | 'md'), visibility and
 * stdout_visibility ('hidden' | 'after_due_date' | 'after_published' | 'visible'), extra_data
 * (object), tests (array), leaderboard (array of { name, value, order? }). Each test: score and
 * max_score (numbers), status ('passed' | 'failed'), name (string), name_format, number (string),
 * output (string), output_format, tags (array of strings), visibility, extra_data (object).
 * No other keys: an unknown key is a typo Gradescope would silently ignore.
 */
const FORMATS = ['text', 'html', 'simple_format', 'md', 'ansi'];
const NAME_FORMATS = ['text', 'html', 'md'];
const VISIBILITIES = ['hidden', 'after_due_date', 'after_published', 'visible'];
const TOP_KEYS = ['score', 'execution_time', 'output', 'output_format', 'test_output_format', 'test_name_format', 'visibility', 'stdout_visibility', 'extra_data', 'tests', 'leaderboard'];
const TEST_KEYS = ['score', 'max_score', 'status', 'name', 'name_format', 'number', 'output', 'output_format', 'tags', 'visibility', 'extra_data'];

type Rule = (value: unknown) => boolean;
const num: Rule = (v) => typeof v === 'number' && Number.isFinite(v);
const str: Rule = (v) => typeof v === 'string';
const oneOf = (xs: string[]): Rule => (v) => typeof v === 'string' && xs.includes(v);
const obj: Rule = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

function checkObject(where: string, value: Record<string, unknown>, keys: string[], rules: Record<string, Rule>, errors: string[]): void {
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) errors.push(`${where}.${key}: not a documented key`);
    else if (rules[key] !== undefined && !rules[key](value[key])) errors.push(`${where}.${key}: invalid value ${JSON.stringify(value[key])?.slice(0, 80)}`);
  }
}

export function gradescopeResultsErrors(results: unknown): string[] {
  const errors: string[] = [];
  if (!obj(results)) return ['results: not an object'];
  const r = results as Record<string, unknown>;
  checkObject('results', r, TOP_KEYS, {
    score: num, execution_time: num, output: str, output_format: oneOf(FORMATS), test_output_format: oneOf(FORMATS),
    test_name_format: oneOf(NAME_FORMATS), visibility: oneOf(VISIBILITIES), stdout_visibility: oneOf(VISIBILITIES), extra_data: obj,
    tests: Array.isArray, leaderboard: Array.isArray,
  }, errors);
  const tests = Array.isArray(r.tests) ? (r.tests as unknown[]) : [];
  tests.forEach((t, i) => {
    const where = `results.tests[${i}]`;
    if (!obj(t)) return errors.push(`${where}: not an object`);
    const test = t as Record<string, unknown>;
    checkObject(where, test, TEST_KEYS, {
      score: num, max_score: num, status: oneOf(['passed', 'failed']), name: str, name_format: oneOf(NAME_FORMATS), number: str,
      output: str, output_format: oneOf(FORMATS), tags: (v) => Array.isArray(v) && v.every(str), visibility: oneOf(VISIBILITIES), extra_data: obj,
    }, errors);
    if (test.score === undefined && r.score === undefined) errors.push(`${where}.score: missing, and no score at the top level`);
    if (num(test.score) && num(test.max_score) && ((test.score as number) < 0 || (test.score as number) > (test.max_score as number))) {
      errors.push(`${where}: score ${String(test.score)} outside 0…max_score ${String(test.max_score)}`);
    }
    return undefined;
  });
  if (r.score === undefined && tests.length === 0) errors.push('results.score: missing, and no tests');
  (Array.isArray(r.leaderboard) ? (r.leaderboard as unknown[]) : []).forEach((e, i) => {
    if (!obj(e) || !str((e as Record<string, unknown>).name) || (e as Record<string, unknown>).value === undefined) errors.push(`results.leaderboard[${i}]: needs name and value`);
  });
  return errors;
}
