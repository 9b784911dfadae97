/**
 * The exercise page (assets/exercise.js): the exercise file in an editor with **Check** (the public
 * graders, in a worker: check-runner.ts), **Stop**, **Download** (the `.ts` file to commit) and
 * **Reset** (back to the stub, after a confirmation dialog). The code is kept in localStorage
 * (exercise-store.ts); the result is the table of `npm run grade` — test, result, points,
 * feedback — under a `score: X / Y points` line, in a live region. Without JavaScript the page
 * shows the stub as a code block.
 */
import type { EditorView } from '@codemirror/view';
import type { CheckResult } from '../../grade/report/model';
import { formatPoints as points } from '../../grade/report/points';
import type { GradeSettings } from '../checks/where';
import { CheckRunner } from './check-runner';
import { code, createEditor, setCode } from './editor';
import { ExerciseStore } from './exercise-store';
import { pageLanguage, say, type Language, type StringKey } from './strings';

/** What the page says about its exercise (a JSON script written by page.ts). */
export interface ExercisePageData {
  exercise: string;
  file: string;
  settings: GradeSettings;
}

const lang: Language = pageLanguage(document);
const text = (key: StringKey, values?: Record<string, string | number>): string => say(lang, key, values);
const script = document.currentScript as HTMLScriptElement | null;
const assets = new URL('.', script?.src ?? location.href);

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

function button(label: string, title: string, className: string): HTMLButtonElement {
  return el('button', { type: 'button', className, textContent: label, title });
}


class ExercisePage {
  private readonly store = new ExerciseStore(new URL('..', assets).pathname);
  private readonly runner = new CheckRunner(new URL('check.js', assets).href);
  private readonly editor: EditorView;
  private readonly status: HTMLElement;
  private readonly results: HTMLElement;
  private readonly checkButton: HTMLButtonElement;
  private readonly stopButton: HTMLButtonElement;
  private readonly resetButton: HTMLButtonElement;
  private readonly dialog: HTMLDialogElement;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly data: ExercisePageData, private readonly stub: string, pre: HTMLElement) {
    const file = data.file;
    this.checkButton = button(text('check'), text('checkTitle'), 'exercise-check');
    this.stopButton = button(text('stopCheck'), text('stopCheckTitle'), 'exercise-stop');
    this.stopButton.disabled = true;
    const download = button(text('download', { file }), text('downloadTitle', { file }), 'exercise-download');
    this.resetButton = button(text('resetExercise'), text('resetExerciseTitle'), 'exercise-reset');
    this.status = el('p', { className: 'live-status' });
    this.status.setAttribute('role', 'status');
    const bar = el('div', { className: 'live-toolbar' }, this.checkButton, this.stopButton, download, this.resetButton, this.status);
    bar.setAttribute('role', 'group');
    bar.setAttribute('aria-label', text('exerciseToolbar', { file }));
    const host = el('div', { className: 'exercise-editor' });
    this.results = el('div', { className: 'check-results' });
    this.results.setAttribute('aria-live', 'polite');
    const heading = el('h2', { id: 'practice-title', textContent: text('practiceTitle') });
    const section = el('section', { className: 'practice' }, heading,
      el('p', { className: 'practice-note', textContent: text('practiceNote', { file }) }), bar, host, this.results);
    section.setAttribute('aria-labelledby', heading.id);
    pre.replaceWith(section);

    const saved = this.store.load(data.exercise);
    this.editor = createEditor(host, {
      doc: saved ?? stub,
      label: text('exerciseEditor', { file }),
      onRun: () => { void this.check(); },
      onChange: () => this.scheduleSave(),
    });
    this.status.textContent = saved !== undefined && saved !== stub ? text('restored') : text('exerciseIdle');
    this.dialog = this.confirmDialog();

    this.checkButton.addEventListener('click', () => { void this.check(); });
    this.stopButton.addEventListener('click', () => this.runner.stop());
    download.addEventListener('click', () => this.download());
    this.resetButton.addEventListener('click', () => this.dialog.showModal());
    window.addEventListener('pagehide', () => this.saveNow());
    // The editor's text for scripts and tests (CodeMirror renders only the lines on screen).
    (window as unknown as { descentExercise?: { code(): string } }).descentExercise = { code: () => code(this.editor) };
  }

  private confirmDialog(): HTMLDialogElement {
    const file = this.data.file;
    const title = el('h2', { id: 'reset-title', textContent: text('resetConfirmTitle') });
    const body = el('p', { id: 'reset-text', textContent: text('resetConfirmText', { file }) });
    const confirm = button(text('resetConfirm'), '', 'exercise-reset-confirm');
    const cancel = button(text('resetCancel'), '', 'exercise-reset-cancel');
    cancel.autofocus = true;
    const dialog = el('dialog', { className: 'confirm' }, title, body, el('div', { className: 'confirm-buttons' }, cancel, confirm));
    dialog.setAttribute('aria-labelledby', title.id);
    dialog.setAttribute('aria-describedby', body.id);
    confirm.addEventListener('click', () => { dialog.close(); this.reset(); });
    cancel.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => this.resetButton.focus());
    document.body.append(dialog);
    return dialog;
  }

  private say(key: StringKey, values?: Record<string, string | number>): void {
    this.status.textContent = text(key, values);
  }

  private scheduleSave(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.saveNow(), 300);
  }

  private saveNow(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const problem = this.store.save(this.data.exercise, code(this.editor));
    if (problem !== undefined) this.say('saveFailed', { message: problem });
  }

  private download(): void {
    this.saveNow();
    const url = URL.createObjectURL(new Blob([code(this.editor)], { type: 'text/plain;charset=utf-8' }));
    const a = el('a', { href: url, download: this.data.file });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    this.say('downloaded', { file: this.data.file });
  }

  private reset(): void {
    this.runner.stop();
    setCode(this.editor, this.stub);
    clearTimeout(this.saveTimer);
    this.store.remove(this.data.exercise);
    this.results.replaceChildren();
    this.say('resetDoneExercise');
  }

  /** The exercise files: the book's (the stubs), each replaced by the student's stored code. */
  private async sources(): Promise<Record<string, string>> {
    const response = await fetch(new URL('exercises.json', assets).href);
    if (!response.ok) throw new Error(`exercises.json: HTTP ${response.status}`);
    const files = await response.json() as Record<string, string>;
    const sources: Record<string, string> = {};
    for (const [name, stub] of Object.entries(files)) sources[name] = this.store.load(name) ?? stub;
    sources[this.data.exercise] = code(this.editor);
    return sources;
  }

  private async check(): Promise<void> {
    if (this.runner.running) return;
    this.saveNow();
    this.checkButton.disabled = true;
    this.stopButton.disabled = false;
    this.results.setAttribute('aria-busy', 'true');
    this.say('checking', { file: this.data.file });
    const results: CheckResult[] = [];
    try {
      const end = await this.runner.run({
        exercise: this.data.exercise,
        file: this.data.file,
        sources: await this.sources(),
        settings: this.data.settings,
        onResult: (r) => results.push(r),
        lang, // the graders speak the page's language (kit/grade/i18n)
      });
      if (end.kind === 'done') {
        const cents = (f: (r: CheckResult) => number): number => results.reduce((s, r) => s + Math.round(f(r) * 100), 0) / 100;
        const score = points(cents((r) => r.points));
        const max = points(cents((r) => r.maxPoints));
        this.results.replaceChildren(this.table(results, score, max));
        this.say('checked', { score, max, passed: results.filter((r) => r.passed).length, count: results.length });
      } else {
        this.results.replaceChildren();
        if (end.kind === 'stopped') this.say('checkStopped');
        else this.say('checkFailed', { message: end.message });
      }
    } catch (error) {
      this.say('checkFailed', { message: error instanceof Error ? error.message : String(error) });
    } finally {
      this.results.removeAttribute('aria-busy');
      this.checkButton.disabled = false;
      this.stopButton.disabled = true;
    }
  }

  /** The score line and the table: test, result (a word and a sign, not only colour), points, feedback. */
  private table(results: CheckResult[], score: string, max: string): DocumentFragment {
    const head = el('tr', {}, ...(['colTest', 'colStatus', 'colPoints', 'colFeedback'] as const).map((k) => {
      const th = el('th', { textContent: text(k) });
      th.scope = 'col';
      return th;
    }));
    const rows = results.map((r) => {
      const name = el('th', { textContent: r.name });
      name.scope = 'row';
      const status = el('td', { className: r.passed ? 'check-passed' : 'check-failed', textContent: `${r.passed ? '✓' : '✗'} ${text(r.passed ? 'checkPassed' : 'checkFailedWord')}` });
      const feedback = r.passed ? el('td', { textContent: text('ok') }) : el('td', {}, el('pre', { className: 'check-feedback', textContent: r.feedback }));
      return el('tr', {}, name, status, el('td', { className: 'check-points', textContent: `${points(r.points)} / ${points(r.maxPoints)}` }), feedback);
    });
    const table = el('table', { className: 'check-table' },
      el('caption', { textContent: text('resultsCaption', { file: this.data.file }) }), el('thead', {}, head), el('tbody', {}, ...rows));
    const fragment = document.createDocumentFragment();
    fragment.append(el('p', { className: 'score-line' }, el('strong', { textContent: text('scoreLine', { score, max }) })), el('div', { className: 'table-scroll' }, table));
    return fragment;
  }
}

function start(): void {
  const article = document.querySelector<HTMLElement>('article.exercise');
  const dataScript = document.getElementById('descent-exercise');
  const pre = article?.querySelector<HTMLElement>('pre.exercise-source');
  if (!article || !dataScript || !pre) return;
  const data = JSON.parse(dataScript.textContent ?? '{}') as ExercisePageData;
  const stub = (pre.textContent ?? '');
  new ExercisePage(data, stub, pre);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
