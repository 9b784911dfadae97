/** The book's exercise files (name → TypeScript source), bundled into the worker by kit/book/bundle.ts. */
declare module 'descent-book:exercises' {
  const sources: Record<string, string>;
  export default sources;
}
