/**
 * Progress lines for `npm start` and `npm run book`: which notebook is executing and how long
 * each took. On a terminal the name shows while the notebook runs; in a log, one line per notebook.
 */
import type { Progress } from './execute';

export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** The progress callback writing to `out` (default stdout). */
export function progressPrinter(out: Output = process.stdout): (event: Progress) => void {
  return (e) => {
    const tag = `[${e.index}/${e.total}] ${e.notebook}`;
    if (e.kind === 'start') {
      if (e.index === 1) out.write(`Executing ${e.total} notebook${e.total === 1 ? '' : 's'} on the TypeScript kernel (tslab)…\n`);
      if (out.isTTY) out.write(`${tag}  running…`);
    } else {
      const clear = out.isTTY ? '\r\u001b[2K' : '';
      out.write(e.kind === 'done'
        ? `${clear}${tag}  ${e.cells} cells  ${e.seconds.toFixed(1)} s\n`
        : `${clear}${tag}  FAILED\n`);
    }
  };
}

/** "1 min 23 s" / "4.2 s". */
export function duration(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const m = Math.floor(seconds / 60);
  return `${m} min ${Math.round(seconds - 60 * m)} s`;
}
