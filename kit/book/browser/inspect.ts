/**
 * `console.log`'s text in the book's worker, close to Node's (what tslab prints): strings as they
 * are, other values through object-inspect (`[ 10, 1 ]`, `{ a: 1 }`, `'text'` inside arrays),
 * typed arrays as `Float64Array(2) [ 1, 2 ]`, and the format directives %s %d %i %f %j %o %O %c %%.
 */
import objectInspect from 'object-inspect';

/** A value as Node's util.inspect would show it (near enough for a notebook). */
export function inspect(value: unknown): string {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const items = Array.from(value as unknown as ArrayLike<number | bigint>, (v) => (typeof v === 'bigint' ? `${v}n` : objectInspect(v)));
    return `${value.constructor.name}(${items.length}) [${items.length > 0 ? ` ${items.join(', ')} ` : ''}]`;
  }
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
  return objectInspect(value, { depth: 4 });
}

/** The arguments of console.log as one line of text (Node's util.format). */
export function format(...args: unknown[]): string {
  const show = (v: unknown): string => (typeof v === 'string' ? v : inspect(v));
  if (typeof args[0] !== 'string' || !args[0].includes('%')) return args.map(show).join(' ');
  let k = 1;
  const head = args[0].replace(/%([sdifjoOc%])/g, (m, d: string) => {
    if (d === '%') return '%';
    if (k >= args.length) return m;
    const v = args[k++];
    switch (d) {
      case 's': return typeof v === 'string' ? v : typeof v === 'bigint' ? `${v}n` : typeof v === 'object' && v !== null ? inspect(v) : String(v);
      case 'd': case 'i': {
        const n = typeof v === 'bigint' ? v : Number(v);
        return typeof n === 'bigint' ? `${n}n` : String(d === 'i' ? Math.trunc(n) : n);
      }
      case 'f': return String(parseFloat(String(v)));
      case 'j': try { return JSON.stringify(v); } catch { return '[Circular]'; }
      case 'c': return '';
      default: return inspect(v);
    }
  });
  return [head, ...args.slice(k).map(show)].join(' ');
}
