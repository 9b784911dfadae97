/** The kit's one HTML escaping (kit/shared/html.ts: `& < > " '`), under the name the helpers and the book import. */
export { escapeHtml } from '../../shared/html';
