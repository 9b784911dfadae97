/**
 * Every string the book's scripts put on a page, in one place, by language (the page's
 * `<html lang>`). A new edition adds a dictionary with the same keys; `{n}`-style holes are filled
 * by `say()`.
 */
export const STRINGS = {
  en: {
    run: 'Run',
    runTitle: 'Run this cell (Shift+Enter), after the cells above it that have not run yet',
    runAll: 'Run all',
    runAllTitle: 'Run every cell from the top in a fresh worker',
    stop: 'Stop',
    stopTitle: 'Stop the running cell and start a fresh worker (the cells\' variables are lost)',
    reset: 'Reset',
    resetTitle: 'Restore the chapter\'s code and outputs and start a fresh worker',
    toolbar: 'Run the chapter in this page',
    editor: 'Code of cell {n}, editable (Escape, then Tab, leaves the editor)',
    cellRegion: 'Code cell {n}',
    idle: 'Edit any cell and run it: the code runs in this page, nothing is installed.',
    starting: 'Starting the TypeScript worker…',
    ready: 'Ready.',
    running: 'Running cell {n}…',
    ranCell: 'Cell {n} ran in {ms} ms.',
    ranAll: 'All {count} cells ran in {s} s.',
    failed: 'Cell {n} failed: the cells after it did not run.',
    stopped: 'Stopped. A fresh worker is ready: run the cells again from the top (or any cell: the cells above it run first).',
    resetDone: 'The chapter\'s code and outputs are restored.',
    notRun: 'Not run: cell {n} above it failed.',
    workerFailed: 'The worker could not start: {message}',
    figureMissing: 'This figure could not be read.',
    plotlyMissing: 'plotly.js did not load: the figure cannot be drawn.',
    sliderLabel: '{label}: choose a step',
    slider: 'Slider',
    liveNote: 'Runs in your browser; type errors are not reported here (the notebook\'s kernel reports them).',
    practiceTitle: 'Practise here: check your code in the browser',
    practiceNote: 'This is practice, not your grade. Check runs the public graders in this page, as npm run grade does; your grade comes from CI (GitHub Classroom) or your instructor\'s batch run, which may also run hidden checks. Download the file and commit it as exercises/{file}.',
    exerciseToolbar: 'Check {file} in this page',
    exerciseEditor: 'Your {file}, editable (Escape, then Tab, leaves the editor)',
    check: 'Check',
    checkTitle: 'Run the public graders on your code (Ctrl+Enter in the editor)',
    stopCheck: 'Stop',
    stopCheckTitle: 'Stop the running check',
    download: 'Download {file}',
    downloadTitle: 'Save your code as {file}, the file to commit',
    resetExercise: 'Reset',
    resetExerciseTitle: 'Replace your code with the exercise\'s stub',
    resetConfirmTitle: 'Replace your code with the stub?',
    resetConfirmText: 'Your code for {file} in this browser is replaced by the exercise\'s stub and cannot be brought back. Download it first to keep a copy.',
    resetConfirm: 'Replace with the stub',
    resetCancel: 'Keep my code',
    exerciseIdle: 'Edit the code and press Check. Your code is kept in this browser.',
    restored: 'Your code from an earlier visit is restored (saved in this browser). Reset brings back the stub.',
    checking: 'Checking {file}…',
    checked: 'Checked: {score} of {max} points, {passed} of {count} checks passed.',
    checkStopped: 'Stopped: the check did not finish, so there is no score. Press Check to run it again.',
    checkFailed: 'The check could not run: {message}',
    saveFailed: 'Your code could not be saved in this browser ({message}): download it to keep it.',
    downloaded: 'Downloaded {file}: put it in exercises/ of your repository and commit it.',
    resetDoneExercise: 'The stub is back; your previous code is gone.',
    scoreLine: 'score: {score} / {max} points',
    resultsCaption: 'Public checks of {file}: test, points and feedback',
    colTest: 'test',
    colStatus: 'result',
    colPoints: 'points',
    colFeedback: 'feedback',
    checkPassed: 'passed',
    checkFailedWord: 'failed',
    ok: 'ok',
  },
} as const;

export type Language = keyof typeof STRINGS;
export type StringKey = keyof typeof STRINGS.en;

/** The page's language if the book has it, else English. */
export function pageLanguage(doc: { documentElement: { lang: string } }): Language {
  const lang = doc.documentElement.lang.split('-')[0];
  return (lang in STRINGS ? lang : 'en') as Language;
}

/** The string `key` in `lang`, its `{name}` holes filled from `values`. */
export function say(lang: Language, key: StringKey, values: Record<string, string | number> = {}): string {
  return STRINGS[lang][key].replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
