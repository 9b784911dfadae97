/**
 * Runs `work` on every item, at most `size` at a time, in the order given; resolves when all are
 * done. A failing item rejects the whole run (callers that must not stop catch inside `work`).
 */
export async function forEachLimited<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(size, items.length)) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(workers);
}
