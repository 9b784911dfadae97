/**
 * Escapes text for HTML element content and attribute values (double- or single-quoted): the five
 * characters HTML gives a meaning, `& < > " '`. Shared by the grade table, the notebook helpers and
 * the book. Pure (no Node API): it also runs in the browser.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
