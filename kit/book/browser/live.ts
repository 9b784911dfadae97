/**
 * The live chapter (assets/live.js): every code cell of the page becomes an editor with a Run
 * button, and the page gets Run all, Stop and Reset. Cells run in order in one worker per page
 * (session.ts) sharing one scope; a cell's Run first runs the cells above it that have not run in
 * this worker yet. Outputs are rendered by the same code as the static book's (outputs.ts) and
 * replace the pre-rendered ones; without JavaScript the static page is what the reader gets.
 */
import type { EditorView } from '@codemirror/view';
import { renderBundle, type OutputContext } from '../outputs';
import { CATALOGUES } from '../lang';
import { code, createEditor, setCode } from './editor';
import type { Reply } from './protocol';
import { Session, StoppedError } from './session';
import { pageLanguage, say, type Language, type StringKey } from './strings';

interface Book {
  lang: Language;
  ready: Promise<void>;
  drawFigures(root: ParentNode): Promise<void>;
  focusableScrollers(root?: ParentNode): void;
  fixInlineContrast(root?: ParentNode): void;
}

interface Cell {
  /** 0-based position among the page's code cells. */
  index: number;
  section: HTMLElement;
  original: string;
  editor: EditorView | null;
  /** The static code block, until the editor replaces it. */
  pre: HTMLElement | null;
  outputs: HTMLElement;
  staticOutputs: string;
  runButton: HTMLButtonElement | null;
  /** The worker generation the cell last ran in (0: never). */
  ranIn: number;
}

/** book.js's helpers (it runs after this script: looked up when needed). */
const bookApi = (): Book | undefined => (window as unknown as { descentBook?: Book }).descentBook;
const lang: Language = pageLanguage(document);
const text = (key: StringKey, values?: Record<string, string | number>): string => say(lang, key, values);
const script = document.currentScript as HTMLScriptElement | null;
const workerUrl = new URL('worker.js', script?.src ?? location.href).href;

function button(label: string, title: string, className: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = label;
  b.title = title;
  return b;
}

class LiveChapter {
  private readonly cells: Cell[] = [];
  private readonly status: HTMLElement;
  private readonly stopButton: HTMLButtonElement;
  private readonly session: Session;
  private queue: Promise<unknown> = Promise.resolve();
  private runs = 0;

  constructor(sections: HTMLElement[], toolbarAnchor: Element) {
    this.session = new Session(workerUrl, (message) => this.say('workerFailed', { message }));
    const bar = document.createElement('div');
    bar.className = 'live-toolbar';
    bar.setAttribute('role', 'group');
    bar.setAttribute('aria-label', text('toolbar'));
    const runAll = button(text('runAll'), text('runAllTitle'), 'live-run-all');
    this.stopButton = button(text('stop'), text('stopTitle'), 'live-stop');
    this.stopButton.disabled = true;
    const reset = button(text('reset'), text('resetTitle'), 'live-reset');
    this.status = document.createElement('p');
    this.status.className = 'live-status';
    this.status.setAttribute('role', 'status');
    this.status.textContent = text('idle');
    const note = document.createElement('p');
    note.className = 'live-note';
    note.textContent = text('liveNote');
    bar.append(runAll, this.stopButton, reset, this.status, note);
    toolbarAnchor.after(bar);
    runAll.addEventListener('click', () => { void this.runAll(); });
    this.stopButton.addEventListener('click', () => this.stop());
    reset.addEventListener('click', () => this.reset());

    this.session.restart(); // first: the worker loads the library while the page renders
    sections.forEach((section, index) => this.cells.push(this.mount(section, index)));
    this.mountEditors();
  }

  /**
   * Each cell's code becomes an editor: the cells near the screen at once, the others one by one
   * while the page is idle (a CodeMirror view costs a layout; a chapter has a dozen of them). A
   * cell run before its editor exists runs its code as written.
   */
  private mountEditors(): void {
    const pending = new Set(this.cells.filter((c) => c.pre !== null));
    const mountOne = (cell: Cell): void => {
      if (!pending.delete(cell)) return;
      near?.unobserve(cell.section);
      this.mountEditor(cell);
    };
    const near = typeof IntersectionObserver === 'function'
      ? new IntersectionObserver((entries) => {
        for (const e of entries) if (e.isIntersecting) mountOne(this.cells.find((c) => c.section === e.target) as Cell);
      }, { rootMargin: '400px 0px' })
      : null;
    for (const cell of pending) near?.observe(cell.section);
    const ric = (window as unknown as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => void }).requestIdleCallback
      ?? ((cb: () => void) => setTimeout(cb, 30));
    const next = (): void => {
      const cell = pending.values().next().value as Cell | undefined;
      if (!cell) return;
      mountOne(cell);
      ric(next, { timeout: 1000 });
    };
    ric(next, { timeout: 1000 });
  }

  private mountEditor(cell: Cell): void {
    const pre = cell.pre;
    if (!pre) return;
    const host = document.createElement('div');
    host.className = 'cell-editor';
    const hadFocus = document.activeElement === pre;
    pre.replaceWith(host);
    cell.pre = null;
    cell.editor = createEditor(host, {
      doc: cell.original,
      label: text('editor', { n: cell.index + 1 }),
      onRun: () => { void this.enqueue(() => this.runUpTo(cell.index)); },
    });
    if (hadFocus) cell.editor.focus();
  }

  private mount(section: HTMLElement, index: number): Cell {
    const hidden = section.querySelector<HTMLScriptElement>('script.cell-source');
    const pre = section.querySelector<HTMLElement>('pre.code');
    const original = hidden ? (hidden.textContent ?? '').replace(/<\\\/(script)/gi, '</$1') : (pre?.textContent ?? '');
    let outputs = section.querySelector<HTMLElement>('.cell-outputs');
    if (!outputs) {
      outputs = document.createElement('div');
      outputs.className = 'cell-outputs';
      section.append(outputs);
    }
    outputs.setAttribute('aria-live', 'polite');
    const cell: Cell = { index, section, original, editor: null, pre: hidden ? null : pre, outputs, staticOutputs: outputs.innerHTML, runButton: null, ranIn: 0 };
    if (pre && !hidden) {
      const run = button(text('run'), text('runTitle'), 'cell-run');
      run.setAttribute('aria-label', `${text('run')} ${text('cellRegion', { n: index + 1 })}`);
      run.addEventListener('click', () => { void this.enqueue(() => this.runUpTo(index)); });
      pre.after(run);
      cell.runButton = run;
    }
    section.classList.add('live');
    return cell;
  }

  private say(key: StringKey, values?: Record<string, string | number>): void {
    this.status.textContent = text(key, values);
  }

  private pending = 0;

  /** Runs `work` after the work queued before it; the page is marked busy meanwhile (figures drawn later wait). */
  private enqueue(work: () => Promise<unknown>): Promise<unknown> {
    this.pending++;
    document.documentElement.classList.add('live-busy');
    const done = (): void => {
      if (--this.pending === 0) document.documentElement.classList.remove('live-busy');
    };
    this.queue = this.queue.then(work, work).finally(done);
    return this.queue;
  }

  /** Runs one cell; resolves true when it succeeded. */
  private async runCell(cell: Cell): Promise<boolean> {
    const source = cell.editor ? code(cell.editor) : cell.original;
    const runNo = ++this.runs;
    const ctx: OutputContext = { env: {}, figures: 0, idPrefix: `live-${cell.index + 1}-${runNo}-`, words: CATALOGUES[lang] };
    cell.outputs.innerHTML = '';
    cell.section.classList.add('running');
    this.stopButton.disabled = false;
    this.say('running', { n: cell.index + 1 });
    let stream: { name: string; el: HTMLElement } | null = null;
    const append = (html: string): void => {
      cell.outputs.insertAdjacentHTML('beforeend', html);
      stream = null;
    };
    const onMessage = (reply: Reply): void => {
      if (reply.type === 'stream') {
        if (!stream || stream.name !== reply.name || stream.el !== cell.outputs.lastElementChild) {
          const el = document.createElement('pre');
          el.className = `output-stream${reply.name === 'stderr' ? ' stderr' : ''}`;
          el.tabIndex = 0;
          cell.outputs.append(el);
          stream = { name: reply.name, el };
        }
        stream.el.textContent += reply.text;
      } else if (reply.type === 'display') {
        append(renderBundle(reply.data, reply.metadata, ctx));
        void bookApi()?.drawFigures(cell.outputs);
      }
    };
    try {
      await this.session.ready;
      const done = await this.session.run(cell.index + 1, source, onMessage);
      cell.ranIn = this.session.generation;
      if (!done.ok) {
        const pre = document.createElement('pre');
        pre.className = 'output-error';
        pre.tabIndex = 0;
        pre.textContent = done.error.traceback.join('\n');
        cell.outputs.append(pre);
        return false;
      }
      this.say('ranCell', { n: cell.index + 1, ms: Math.round(done.ms) });
      return true;
    } finally {
      cell.section.classList.remove('running');
      this.stopButton.disabled = !this.session.running;
      bookApi()?.focusableScrollers(cell.outputs);
      bookApi()?.fixInlineContrast(cell.outputs);
    }
  }

  /** Runs the cells above `index` that have not run in this worker, then the cell itself. */
  private async runUpTo(index: number): Promise<void> {
    try {
      for (const cell of this.cells.slice(0, index)) {
        if (cell.ranIn === this.session.generation) continue;
        if (!await this.runCell(cell)) {
          this.say('failed', { n: cell.index + 1 });
          this.cells[index].outputs.innerHTML = `<p class="output-note">${text('notRun', { n: cell.index + 1 })}</p>`;
          return;
        }
      }
      await this.runCell(this.cells[index]);
    } catch (e) {
      if (!(e instanceof StoppedError)) throw e;
    }
  }

  /** Every cell from the top, in a fresh worker; stops at the first failing cell. */
  private runAll(): Promise<unknown> {
    return this.enqueue(async () => {
      this.session.restart();
      const started = performance.now();
      try {
        for (const cell of this.cells) {
          if (!await this.runCell(cell)) {
            this.say('failed', { n: cell.index + 1 });
            return;
          }
        }
        this.say('ranAll', { count: this.cells.length, s: ((performance.now() - started) / 1000).toFixed(1) });
      } catch (e) {
        if (!(e instanceof StoppedError)) throw e;
      }
    });
  }

  private stop(): void {
    this.session.restart();
    this.stopButton.disabled = true;
    this.say('stopped');
  }

  private reset(): void {
    this.session.restart();
    this.stopButton.disabled = true;
    for (const cell of this.cells) {
      if (cell.editor) setCode(cell.editor, cell.original);
      cell.outputs.innerHTML = cell.staticOutputs;
      cell.ranIn = 0;
    }
    void bookApi()?.drawFigures(document);
    this.say('resetDone');
  }
}

const sections = Array.from(document.querySelectorAll<HTMLElement>('main section.code-cell[data-cell]'));
const anchor = document.querySelector('main .run-hint') ?? document.querySelector('main h1');
if (sections.length > 0 && anchor && typeof Worker === 'function') {
  (window as unknown as { descentLive: LiveChapter }).descentLive = new LiveChapter(sections, anchor);
}
