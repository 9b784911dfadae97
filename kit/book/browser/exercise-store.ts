/**
 * The student's code of each exercise, kept in the browser's localStorage across visits. The key
 * names the book by its folder on the origin (`/descent/` and `/other-course/` on one GitHub Pages
 * origin never collide) and the exercise file: `descent-book:<book folder>:exercises/mse.ts`.
 * Storage can be missing or full (private windows, quotas): every failure is returned, not thrown,
 * so the page can say so.
 */
const PREFIX = 'descent-book:';

interface Stored { v: 1; source: string; saved: string }

export class ExerciseStore {
  constructor(private readonly bookPath: string) {}

  key(exercise: string): string {
    return `${PREFIX}${this.bookPath}:exercises/${exercise}.ts`;
  }

  private get storage(): Storage | null {
    try {
      return window.localStorage;
    } catch {
      return null;
    }
  }

  /** The stored code of `exercise`, or undefined. */
  load(exercise: string): string | undefined {
    try {
      const raw = this.storage?.getItem(this.key(exercise));
      if (raw === null || raw === undefined) return undefined;
      const value = JSON.parse(raw) as Partial<Stored>;
      return value.v === 1 && typeof value.source === 'string' ? value.source : undefined;
    } catch {
      return undefined;
    }
  }

  /** Stores the code; returns why it could not, or undefined. */
  save(exercise: string, source: string): string | undefined {
    const storage = this.storage;
    if (storage === null) return 'storage is not available';
    try {
      storage.setItem(this.key(exercise), JSON.stringify({ v: 1, source, saved: new Date().toISOString() } satisfies Stored));
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  /** Forgets the stored code (Reset). */
  remove(exercise: string): void {
    try {
      this.storage?.removeItem(this.key(exercise));
    } catch { /* nothing stored */ }
  }
}
