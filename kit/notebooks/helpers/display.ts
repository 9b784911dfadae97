/**
 * One output with several formats at once (a Jupyter "mime bundle"), from inside a tslab cell.
 *
 * tslab's public `display` sends one mime type per message; a bundle needs the kernel's own
 * writer, `require('tslab/dist/jupyter').lastWriteDisplayData` (tslab is pinned at 1.0.22). It is
 * looked up in Node's module cache so the instance of tslab that runs this kernel is the one used.
 * In the book's browser worker there is no kernel: the worker sets a sink (`setDisplaySink`) that
 * posts each bundle to the page. This file imports nothing from Node, so it bundles for the browser.
 */
import { escapeHtml } from './escape';

export { escapeHtml };

/** Output data by mime type, e.g. `{ 'text/html': '<b>hi</b>', 'text/plain': 'hi' }`. */
export type MimeBundle = Record<string, unknown>;

type Writer = (msg: { data: MimeBundle; metadata: Record<string, unknown>; transient: Record<string, unknown> }, update: boolean) => void;

/** Where bundles go instead of a kernel (the book's worker), or null. */
export type DisplaySink = (data: MimeBundle, metadata: Record<string, unknown>) => void;

const JUPYTER_MODULE = /[\\/]tslab[\\/]dist[\\/]jupyter\.js$/;

let sink: DisplaySink | null = null;

/** Sends every later bundle to `next` (the book's worker); null restores the kernel writer. */
export function setDisplaySink(next: DisplaySink | null): void {
  sink = next;
}

/** The display writer of the running tslab kernel, or null outside a kernel. */
export function kernelWriter(): Writer | null {
  if (typeof require === 'undefined' || !require.cache) return null;
  for (const [file, mod] of Object.entries(require.cache)) {
    if (!JUPYTER_MODULE.test(file)) continue;
    const write = (mod?.exports as { lastWriteDisplayData?: Writer | null } | undefined)?.lastWriteDisplayData;
    if (typeof write === 'function') return write;
  }
  return null;
}

/**
 * Sends `data` as one display output. Outside a kernel (a script, a test) prints its text/plain.
 * @throws TypeError when `data` has no `text/plain` (every front end needs a fallback).
 */
export function displayBundle(data: MimeBundle, metadata: Record<string, unknown> = {}): void {
  if (typeof data['text/plain'] !== 'string') {
    throw new TypeError(`displayBundle: data must have a 'text/plain' string, received keys ${JSON.stringify(Object.keys(data))}`);
  }
  if (sink !== null) {
    sink(data, metadata);
    return;
  }
  const write = kernelWriter();
  if (write === null) {
    process.stdout.write(`${data['text/plain']}\n`);
    return;
  }
  write({ data, metadata, transient: {} }, false);
}
