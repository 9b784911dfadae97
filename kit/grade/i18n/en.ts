/**
 * The grader's English messages: every sentence the grading kit shows a student or an instructor
 * (feedback labels and generic hints, data-shape reasons, the report's table and summaries, the
 * command line's errors). ko.ts has the same keys (TypeScript checks it: `Catalogue` is this
 * object's type); a third language is a third file of the same type, named in catalogue.ts. An
 * exercise's own sentences (check names, its hints) live beside its grader, in
 * course/<exercise>/messages.ts.
 */

function plural(what: string, count?: number): string {
  if (count === 1) return what.replace(/^an? /, '');
  return what.replace(/^an? (\w+)/, (_m, noun: string) => `${noun}s`).replace(/^an array/, 'arrays');
}

export const en = {
  /** Labels of the aligned feedback block (expect.ts). */
  feedback: {
    input: 'input',
    problem: 'problem',
    expected: 'expected',
    received: 'received',
    hint: 'hint',
    firstDifference: (where: string) => `first difference at ${where}`,
    entry: (i: number) => `entry ${i}`,
    row: (i: number) => `row ${i}`,
    differs: (here: string, expected: string, received: string) => `${here}: expected ${expected}, received ${received}`,
    graderError: (detail: string) => `grader error (please report it): ${detail}`,
  },
  /** Generic hints (expect.ts pickHint / problemHint). */
  hints: {
    nan: 'NaN comes from 0/0, Infinity − Infinity, 0 · Infinity or the log of a negative number: look for one of those',
    overflow: 'something overflowed to Infinity (e.g. exp of a large number, or log(0)): the expected value is finite',
    sign: 'the sign is flipped',
    twice: 'twice the expected value: an extra factor 2?',
    half: 'half the expected value: a missing factor 2?',
    todo: "not implemented yet: replace the throw new Error('TODO: …') with your code",
    timeout: 'an endless loop? check the loop conditions and that every loop makes progress',
    memory: 'something grows without bound: an array that is never emptied, or a loop that never ends',
    copy: 'return plain numbers and arrays (no functions, no Promises)',
    forbidden: 'exercise functions only compute: no files, processes, network or messages to the grader',
    exit: 'return the value instead of ending the program',
    frozen: 'built-ins (Math, Object, JSON, Array.prototype, …) are frozen while grading: leave them as they are',
    recursion: 'a recursion that never stops: check its base case',
    tooBig: 'return the numbers the exercise asks for, nothing more',
  },
  /** Habits from Python and NumPy (expect.ts: a NaN where an array was expected, an undefined len/range/np …). */
  habits: {
    arrayArithmetic: 'arithmetic on whole arrays gives NaN in TypeScript: (2 / n) * (yHat - y) is not element-wise as in NumPy. Compute each entry, e.g. yHat.map((p, i) => (2 / n) * (p - y[i]))',
    arrayPlus: '+ on arrays joins them into a string in TypeScript, it does not add them: add entry by entry, e.g. a.map((v, i) => v + b[i])',
    scalarNaN: 'NaN: arithmetic on a whole array (a - b, 2 * a, a ** 2) gives NaN in TypeScript — compute entry by entry (a.map((v, i) => v - b[i])); otherwise NaN comes from 0/0, Infinity − Infinity, 0 · Infinity or the log of a negative number',
    len: "TypeScript has no len(): use the array's .length (e.g. y.length)",
    range: 'TypeScript has no range(): count with a loop, for (let i = 0; i < n; i++) { … }',
    numpy: 'there is no NumPy here: work on the arrays entry by entry (a loop, or a.map((v, i) => …))',
    sum: 'TypeScript has no sum(): add in a loop, or a.reduce((s, v) => s + v, 0)',
    math: (name: string) => `TypeScript has no ${name}(): use Math.${name}(…)`,
    print: 'print() is Python: use console.log(…)',
    python: (name: string, ts: string) => `${name} is Python: TypeScript writes ${ts}`,
  },
  /** Type errors in plain words for someone who knows Python (typecheck/plain.ts; `{…}` are filled in). */
  typeErrors: {
  len: 'TypeScript has no len(): use {arg}.length',
  range: 'TypeScript has no range(): count with a loop, for (let i = 0; i < n; i++) { … }',
  numpy: 'there is no NumPy ({name}) here: work entry by entry, e.g. a.map((v, i) => v - b[i]), or with a for loop',
  sum: 'TypeScript has no sum(): add in a loop, or a.reduce((s, v) => s + v, 0)',
  print: 'print() is Python: use console.log(…)',
  math: 'TypeScript has no {name}(): use Math.{name}(…)',
  zipEnumerate: 'TypeScript has no {name}(): loop over the indices, for (let i = 0; i < a.length; i++) { … a[i] … b[i] }',
  constants: '{name} is Python: TypeScript writes {ts}',
  notDefined: '{name} is not defined: declare it (const {name} = …) or check its spelling',
  arrayArithmetic: 'arithmetic on arrays is not element-wise in TypeScript: `{operand}` is an array, and {operator} on an array gives NaN. Compute each entry, e.g. a.map((v, i) => v {operator} b[i])',
  arrayPower: '** on an array gives NaN in TypeScript: `{operand}` is an array. Square each entry, e.g. a.map((v) => v ** 2)',
  arrayPlus: '+ on arrays joins them into a string in TypeScript: add entry by entry, e.g. a.map((v, i) => v + b[i])',
  shape: 'arrays have .length, not .{name} (a matrix: rows.length and rows[0].length)',
  append: 'Python\'s append is push in TypeScript: a.push(v)',
  mustReturn: 'this function must return a value on every path: a return statement is missing',
  constAssign: '{name} is a const: declare it with let if it changes',
  implicitAny: 'give {name} a type, e.g. ({name}: number) or ({name}: number[])',
  },
  /** What a value is, and why it does not fit the expected shape (plain.ts). */
  shape: {
    nullValue: 'null',
    undefinedValue: 'undefined',
    number: (text: string) => `the number ${text}`,
    string: (text: string) => `a string ${text}`,
    boolean: (value: boolean) => `the boolean ${value}`,
    array: (length: number, text: string) => `an array of length ${length} (${text})`,
    typed: (kind: string) => `a ${kind}`,
    boxed: (kind: string) => `a ${kind} object (new ${kind}(…)), not a plain ${kind.toLowerCase()}`,
    map: 'a Map',
    set: 'a Set',
    date: 'a Date',
    emptyObject: 'an empty object {}',
    object: (keys: string) => `an object with keys ${keys}`,
    other: (type: string) => `a ${type}`,
    aNumber: 'a number',
    aValue: 'a value',
    aBoolean: 'true or false',
    aString: 'a string',
    arrayOf: (item: string, length?: number) => (length === undefined ? `an array of ${plural(item)}` : `an array of ${length} ${plural(item, length)}`),
    matrix: (rows: string, cols: string) => `a ${rows} × ${cols} array of arrays of numbers`,
    record: (keys: string) => `an object { ${keys} }`,
    optional: (what: string) => `${what} (optional)`,
    itIs: (what: string) => `it is ${what}`,
    wrongLength: (length: number, wanted: number, text: string) => `it has length ${length} instead of ${wanted} (${text})`,
    hole: (i: number) => `entry ${i} is missing (a hole in the array)`,
    atEntry: (i: number, problem: string) => `entry ${i}: ${problem}`,
    atRow: (i: number, problem: string) => `row ${i}: ${problem}`,
    noField: (key: string) => `it has no field ${key}`,
    atField: (key: string, problem: string) => `${key}: ${problem}`,
  },
  /** The report: text table, HTML table, job summary, results.json (report/*). */
  report: {
    exercise: 'exercise',
    test: 'test',
    status: 'status',
    points: 'points',
    feedback: 'feedback',
    passed: 'passed',
    failed: 'failed',
    hidden: '[hidden]',
    total: 'total',
    due: (due: string) => `due ${due}`,
    pointsOf: (points: string) => `${points} points`,
    score: (score: string, max: string) => `${score}/${max} points`,
    totals: (score: string, max: string, passed: number, checks: number) => `${score}/${max} points (${passed}/${checks} checks passed)`,
    checksPassed: (passed: number, checks: number) => `${passed}/${checks} checks passed.`,
    typeErrorLine: (line: string) => `type error: ${line}`,
    typeErrorsHeading: '**Type errors** (they cost no points; fix them first):',
  },
  /** The summary table, the first thing a student reads (report/brief.ts; `{…}` are filled in). */
  brief: {
  heading: { exercise: 'exercise', points: 'points', status: 'status', due: 'due', total: 'total' },
  allPass: 'all {n} checks pass',
  notStarted: 'not started: still throws TODO',
  someFailing: '{passed}/{n} checks pass; failing: {name}',
  noneYet: '0/{n} checks pass; failing: {name}',
  cannotRun: '{problem}',
  totalChecks: '{passed}/{n} checks passed ({time})',
  moreTypeErrors: '… and {n} more type error(s): --verbose shows them all',
  typecheckProblem: 'type-check skipped: {problem}',
  },
  /** What a one-folder run says after grading (cli.ts; `{…}` are filled in). */
  run: {
  allPass: 'All {n} checks pass: {points} points. Commit and push to submit.',
  somePass: 'Fix the failing checks and run {again} again. Commit and push to submit.',
  notStarted: 'Nothing passes yet: that is where everyone starts. Open a chapter (npm run lab), fill in the\nmatching exercises/*.ts (replace each TODO), and run {again} again.',
  startedNonePass: 'No check passes yet, but you have started: each failing check says what it called, what it\nexpected and what came back. Fix the first one and run {again} again.',
  details: 'Details of every check (input, expected, received, hint): {again} -- --verbose',
  detailsWritten: 'Details of every check: {again} -- --verbose, or {file}',
  grading: 'Grading {dir}',
  gradersModifiedHeading: 'graders modified — this run counts for no points',
  gradersModified: 'The graders, the grading tools or the workflow differ from the ones the course shipped:',
  gradersRestore: 'Restore them (e.g. `git checkout <first commit> -- course kit .github package.json course.config.json`).',
  gradersModifiedAfter: 'graders modified: the score above does not count until the graders are restored.',
  },
  /** The command line (cli.ts). */
  /** The notebooks' check() (kit/notebooks/helpers/check.ts). */
  notebook: {
    typeErrors: 'Type errors (fix these first; the grader runs the code anyway):',
  },
  /** The Gradescope autograder's summary (kit/gradescope/runtime/run.ts). */
  gradescope: {
    gradersModified: "the graders in your repository differ from the course's; your work was graded with the course's own graders",
    problems: 'problems:',
  },
  cli: {
    grading: (dir: string) => `Grading ${dir}`,
    allPass: (checks: number, score: string, max: string) => `All ${checks} checks pass: ${score}/${max} points. Commit and push to submit.`,
    someFail: (again: string) => `Read the feedback of the failing checks above, fix, and run ${again} again. Commit and push to submit.`,
    nothingYet: (again: string) => `Nothing passes yet: that is where everyone starts. Open a chapter (npm run lab), fill in the\nmatching exercises/*.ts (replace each TODO), and run ${again} again.`,
    notAFolder: (dir: string) => `DIR must be a folder with exercise files, received ${dir}`,
    refusing: (message: string) => `refusing to grade: ${message}`,
    refused: (message: string) => `refused to grade: ${message}`,
    reinstall: 'reinstall the kit, or run `npm run manifest` if you changed the graders on purpose',
    modifiedHeading: 'graders modified',
    modifiedLines: 'The graders, the grading tools or the workflow differ from the ones the course shipped:',
    restore: 'Restore them (e.g. `git checkout <first commit> -- course kit .github package.json course.config.json`).',
    modifiedNoPoints: 'graders modified — this run counts for no points',
    modifiedScore: 'graders modified: the score above does not count until the graders are restored.',
    wrote: (file: string) => `wrote ${file}`,
    reported: (targets: string) => `reported to ${targets}`,
    notReported: 'GITHUB_OUTPUT is not set: nothing reported',
    batchOption: (flag: string) => `${flag} is an option of --batch`,
    notWithBatch: (flag: string) => `${flag} grades one folder: it cannot be used with --batch`,
  },
};

export type Catalogue = typeof en;
