/**
 * A code cell's editor: CodeMirror 6 with TypeScript highlighting in the book's colours (CSS
 * variables in book.css, AA contrast in light and dark), line numbers (errors name the cell's
 * lines), undo history, bracket matching, Shift+Enter or Ctrl/Cmd+Enter to run. Tab is left to
 * the browser, so the keyboard moves through the page: the editor never traps focus.
 */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { javascript } from '@codemirror/lang-javascript';
import { bracketMatching, HighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';

/** Token colours: the same roles as the static book's highlight.js theme. */
const BOOK_HIGHLIGHT = HighlightStyle.define([
  { tag: [t.keyword, t.modifier, t.operatorKeyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword], color: 'var(--code-keyword)' },
  { tag: [t.string, t.special(t.string), t.regexp], color: 'var(--code-string)' },
  { tag: [t.number, t.bool, t.null, t.atom], color: 'var(--code-number)' },
  { tag: [t.comment, t.lineComment, t.blockComment, t.docComment], color: 'var(--muted)', fontStyle: 'italic' },
  { tag: [t.function(t.variableName), t.function(t.propertyName), t.definition(t.function(t.variableName))], color: 'var(--code-function)' },
  { tag: [t.typeName, t.className, t.namespace], color: 'var(--code-type)' },
  { tag: [t.propertyName, t.definition(t.propertyName)], color: 'var(--code-property)' },
]);

const BOOK_THEME = EditorView.theme({
  '&': { backgroundColor: 'var(--surface)', color: 'var(--fg)', border: '1px solid var(--border)', borderRadius: '8px', fontSize: '0.88em' },
  '&.cm-focused': { outline: '3px solid var(--hint-border)', outlineOffset: '2px' },
  '.cm-content': { fontFamily: 'ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace', padding: '0.6rem 0', caretColor: 'var(--fg)' },
  '.cm-scroller': { lineHeight: '1.5', overflowX: 'auto' },
  '.cm-gutters': { backgroundColor: 'var(--surface)', color: 'var(--muted)', border: 'none', borderRadius: '8px 0 0 8px' },
  '.cm-activeLine': { backgroundColor: 'var(--active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--active-line)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--selection)' },
  '.cm-cursor': { borderLeftColor: 'var(--fg)' },
});

export interface EditorOptions {
  doc: string;
  /** The editor's accessible name ("Code of cell 3, editable"). */
  label: string;
  /** Shift+Enter / Ctrl+Enter. */
  onRun: () => void;
  /** Called after each edit of the text. */
  onChange?: () => void;
}

/** A CodeMirror editor in `parent`. */
export function createEditor(parent: HTMLElement, options: EditorOptions): EditorView {
  const run = (): boolean => {
    options.onRun();
    return true;
  };
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        javascript({ typescript: true }),
        syntaxHighlighting(BOOK_HIGHLIGHT),
        keymap.of([{ key: 'Shift-Enter', run }, { key: 'Mod-Enter', run }, ...defaultKeymap, ...historyKeymap]),
        EditorView.contentAttributes.of({ 'aria-label': options.label, tabindex: '0' }),
        BOOK_THEME,
        ...(options.onChange ? [EditorView.updateListener.of((u) => { if (u.docChanged) options.onChange?.(); })] : []),
      ],
    }),
  });
}

/** The editor's text. */
export const code = (view: EditorView): string => view.state.doc.toString();

/** Replaces the editor's text. */
export function setCode(view: EditorView, text: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}
