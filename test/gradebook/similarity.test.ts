/**
 * The similarity report: copies are flagged (identical, renamed and reformatted, a shipped file
 * behind one-line wrappers), honest different implementations are not, and the default threshold
 * is defended by measuring the honest alternatives under course/<exercise>/alternatives.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { compareSubmissions, DEFAULT_THRESHOLD, SimilarityExercise } from '../../kit/gradebook/similarity/compare';
import { fingerprints } from '../../kit/gradebook/similarity/fingerprint';
import { similarityCsv, similarityMarkdown } from '../../kit/gradebook/similarity/report';
import { kitSources, shippedSources, SHIPPED_DIRS, STUB_DIR } from '../../kit/gradebook/similarity/kit-sources';
import { normalisedTokens } from '../../kit/gradebook/similarity/tokens';
import { listExercises } from '../../kit/grade/course';
import { buildReleaseTree, COPIED_DIRS } from '../../kit/release/tree';
import { disguise, EXERCISES, KIT, read } from './helpers';

/** The honest implementations of an exercise: the solution and the two alternatives. */
const honest = (name: string): string[] => [`solutions/${name}.ts`, `course/${name}/alternatives/first.ts`, `course/${name}/alternatives/second.ts`];
let kit: Array<{ path: string; source: string }>;

beforeAll(() => {
  kit = kitSources(KIT, false);
});

test("the kit's sources are the student release's TypeScript files, stubs left out", () => {
  expect([...SHIPPED_DIRS, STUB_DIR.replace(/\/$/, '')].sort()).toEqual([...COPIED_DIRS].sort());
  const release = shippedSources(buildReleaseTree({}).files).map((f) => f.path);
  const ours = kit.map((f) => f.path);
  // The release also carries files the shipped code imports from elsewhere; every file read here is shipped.
  expect(ours.filter((p) => !release.includes(p) && !p.startsWith('kit/notebooks/i18n/'))).toEqual([]);
  expect(ours).toEqual(expect.arrayContaining(['src/value/value.ts', 'src/optim/adam.ts', 'course/mse/grader.ts']));
  expect(ours.some((p) => p.startsWith(STUB_DIR) || p.includes('/hidden/'))).toBe(false);
  expect(kitSources(KIT, true).map((f) => f.path)).toContain('course/optimizers/hidden/oracle.ts');
});

const exercise = (name: string, files: Array<{ student: string; source: string }>): SimilarityExercise => ({ exercise: name, stub: read(`exercises/${name}.ts`), files });

describe('the tokens', () => {
  test('names, literals, comments and layout do not change them; structure does', () => {
    const a = normalisedTokens('const total = 0; // sum\nfor (const x of xs) total += x * 2;');
    const b = normalisedTokens('const   s=0\n/* other */for(const item of list)s+=item*7.5');
    expect(b.filter((t) => t !== 27 /* ; */)).toEqual(a.filter((t) => t !== 27));
    expect(normalisedTokens('a = b + c')).not.toEqual(normalisedTokens('a = b * c'));
  });

  test('strings, templates and regular expressions are read as the compiler reads them', () => {
    // The `//` inside the string, the `/*` inside the template and the regex are not comments.
    const tokens = normalisedTokens('const u = "http://x"; const t = `a ${ {k: 1}.k } /* b ${c}`; const r = /\\/*x/g; n = a / b / c;');
    expect(tokens.length).toBe(normalisedTokens('const u = 1; const t = `${ {k: 1}.k }${c}`; const r = /q/; n = a / b / c;').length);
  });

  test('fingerprints reject a bad k or window', () => {
    expect(() => fingerprints([1, 2, 3], { k: 0 })).toThrow(/k must be an integer >= 1, received 0/);
    expect(() => fingerprints([1, 2, 3], { window: 1.5 })).toThrow(/window/);
  });
});

describe('copies are flagged', () => {
  test('ten identical submissions: all 45 pairs', () => {
    const files = Array.from({ length: 10 }, (_, i) => ({ student: `s${i}`, source: read('solutions/optimizers.ts') }));
    const result = compareSubmissions([exercise('optimizers', files)], []);
    const flagged = result.pairs.filter((p) => p.flagged);
    expect(flagged).toHaveLength(45);
    expect(flagged.every((p) => p.score === 1)).toBe(true);
  });

  test('a copy with every name renamed, comments dropped and the code reformatted', () => {
    for (const name of EXERCISES) {
      const original = read(`course/${name}/alternatives/first.ts`);
      const copy = disguise(original, 'mine');
      expect(copy).not.toBe(original);
      const result = compareSubmissions([exercise(name, [{ student: 'a', source: original }, { student: 'b', source: copy }, { student: 'c', source: read(`course/${name}/alternatives/second.ts`) }])], []);
      const ab = result.pairs.find((p) => p.a === 'a' && p.b === 'b');
      expect(ab?.flagged, name).toBe(true);
      expect(ab!.score, name).toBeGreaterThan(0.9);
      expect(result.pairs.filter((p) => p.flagged), name).toHaveLength(1);
    }
  });

  test("the library's Value pasted behind one-line wrappers is flagged against the kit", () => {
    const body = ['topo', 'value'].map((f) => read(`src/value/${f}.ts`).replace(/^import .*$/gm, '')).join('\n');
    const pasted = `${disguise(body, 'v')}\nexport function add(a: Value, b: Value): Value { return a.add(b); }\n`;
    const result = compareSubmissions([exercise('autograd', [{ student: 'paster', source: pasted }])], kit);
    expect(result.kit).toHaveLength(1);
    expect(result.kit[0]).toMatchObject({ student: 'paster', file: 'src/value/value.ts', flagged: true });
  });

  test('an optimizer from src/optim pasted behind one-line wrappers is flagged against the kit', () => {
    const pasted = `${read('src/optim/adam.ts')}\nexport function adamStep(p: number[], g: number[]): void { new Adam([] as never).step(); }\n`;
    const result = compareSubmissions([exercise('optimizers', [{ student: 'paster', source: pasted }])], kit);
    expect(result.kit[0]).toMatchObject({ file: 'src/optim/adam.ts', flagged: true });
  });
});

describe('honest work is not flagged', () => {
  test(`the solutions and two sets of alternatives score below the default threshold (${DEFAULT_THRESHOLD}), with each other and with the kit`, () => {
    const result = compareSubmissions(
      EXERCISES.map((name) => exercise(name, honest(name).map((file) => ({ student: file, source: read(file) })))),
      kit,
    );
    const pairMax = Math.max(...result.summary.map((s) => s.highest));
    const kitMax = Math.max(0, ...result.kit.map((k) => k.score));
    // The measurement that defends the threshold (see DEFAULT_THRESHOLD): printed for the record.
    console.log(`similarity of honest implementations: highest pair ${pairMax}, highest against one kit file ${kitMax}; threshold ${DEFAULT_THRESHOLD}`);
    expect(result.summary.every((s) => s.tooShort.length === 0)).toBe(true);
    expect(result.pairs.filter((p) => p.flagged)).toEqual([]);
    expect(result.kit.filter((k) => k.flagged)).toEqual([]);
    expect(pairMax).toBeGreaterThan(0); // they were compared
  });

  test('a file too short to judge (the stub itself) is listed as such, not compared', () => {
    const stub = read('exercises/mse.ts');
    const result = compareSubmissions([exercise('mse', [{ student: 'a', source: stub }, { student: 'b', source: stub }])], kit);
    expect(result.summary[0].tooShort).toEqual(['a', 'b']);
    expect(result.pairs).toEqual([]);
  });
});

test("an exercise marked notCompared (partial-derivatives: formulas) is listed with its reason and never compared", () => {
  const [contract] = listExercises(KIT).filter((e) => e.name === 'partial-derivatives');
  expect(contract.notCompared).toMatch(/formulas/);
  const source = read('solutions/partial-derivatives.ts');
  const files = [{ student: 'a-1', source }, { student: 'b-2', source }];
  // The same two identical files, with and without the flag: compared (and flagged) only without it.
  expect(compareSubmissions([exercise('partial-derivatives', files)], kit).pairs.filter((p) => p.flagged)).toHaveLength(1);
  const result = compareSubmissions([{ ...exercise('partial-derivatives', files), notCompared: contract.notCompared }], kit);
  expect([result.pairs, result.kit]).toEqual([[], []]);
  expect(result.summary).toEqual([{ exercise: 'partial-derivatives', files: 2, tooShort: [], highest: 0, notCompared: contract.notCompared }]);
  const md = similarityMarkdown(result, new Map());
  expect(md).toContain('## Not compared');
  expect(md).toMatch(/- partial-derivatives \(2 file\(s\)\): the answers are formulas/);
});

describe('the report', () => {
  test('names go through the Markdown and CSV sanitisers; the CSV has a BOM', () => {
    const source = read('solutions/mse.ts');
    const result = compareSubmissions([exercise('mse', [{ student: 'x-1', source }, { student: 'y-2', source }])], []);
    const names = new Map([['x-1', '이서준 <img src=x onerror=alert(1)>|'], ['y-2', '=cmd|\' /C calc\'!A0']]);
    const md = similarityMarkdown(result, names);
    expect(md).toContain('이서준 &lt;img src=x onerror=alert(1)&gt;\\|');
    expect(md).not.toContain('<img');
    expect(md).toMatch(/This report changes no score/);
    const csv = similarityCsv(result, names);
    expect(csv.startsWith('\ufeffkind,')).toBe(true);
    expect(csv).toContain(`"'=cmd|' /C calc'!A0"`.replace(/"/g, '')); // neutralised with a leading '
    expect(csv).toContain('이서준');
  });
});

test('200 students × 8 exercises: time printed', () => {
  const exercises: SimilarityExercise[] = [];
  for (let e = 0; e < 8; e++) {
    const name = EXERCISES[e % EXERCISES.length];
    const versions = honest(name).map((file) => disguise(read(file), 'x'));
    exercises.push({ exercise: `${name}-${e}`, stub: read(`exercises/${name}.ts`), files: Array.from({ length: 200 }, (_, i) => ({ student: `s${i}`, source: `${versions[i % 3]}\nconst padding${i} = [${i}, ${i * 7}];\n`.repeat(1 + (i % 2)) })) });
  }
  const start = performance.now();
  const result = compareSubmissions(exercises, kit);
  const ms = performance.now() - start;
  console.log(`similarity of 200 students × 8 exercises (${8 * 19_900} pairs, ${kit.length} kit files): ${(ms / 1000).toFixed(1)} s`);
  expect(result.summary.every((s) => s.files === 200)).toBe(true);
});

