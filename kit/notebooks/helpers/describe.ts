/**
 * The text alternative of a plotly figure, generated from the figure itself: its title, its axes
 * and their ranges, and what each trace shows ("η = 0.05: falls from 2 to 0.697 over 11 points"),
 * plus the data behind it as tables. One describer for every front end: `show()` puts the text in
 * the notebook output (text/plain, the PNG fallback's alt), the book under each figure with the
 * tables in a disclosure, and the book's live editor the same for the figures a cell draws.
 * Pure functions on plain JSON: no DOM, no Node.
 */

/** A table of the data behind a figure (one per trace, or a sampled grid for a surface). */
export interface DataTable {
  caption: string;
  columns: string[];
  rows: string[][];
  /** What was left out ("every 4th point: 50 of 200 rows"), or ''. */
  note: string;
}

export interface FigureDescription {
  /** The figure's title without markup, or ''. */
  title: string;
  /** One paragraph: kind, title, axes, then one clause per trace. */
  text: string;
  tables: DataTable[];
}

type Json = Record<string, unknown>;

/** Rows a trace's table keeps before it is sampled evenly. */
export const MAX_TABLE_ROWS = 60;
/** Grid points per side a surface's table keeps. */
export const MAX_GRID_SIDE = 11;
/** Traces described one by one; the rest are counted. */
export const MAX_DESCRIBED_TRACES = 8;

const GRID_TYPES = new Set(['contour', 'heatmap', 'surface', 'histogram2dcontour']);

/** Text without HTML tags and entities, whitespace collapsed (plotly titles allow `<b>`, `<br>`). */
export function plainText(value: unknown): string {
  if (typeof value !== 'string') return '';
  return value.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"').replace(/&#0?39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
}

/** A title given as a string or `{ text }`. */
export function titleText(title: unknown): string {
  if (typeof title === 'string') return plainText(title);
  if (title !== null && typeof title === 'object') return plainText((title as Json).text);
  return '';
}

/** A number in 3 significant digits, as a reader says it (1.23e-6, 0.0912, 1 200). */
export function num(v: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'NaN' : v > 0 ? 'infinity' : 'minus infinity';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e6 || a < 1e-3) return v.toExponential(2).replace(/\.?0+e/, 'e').replace('e+', 'e');
  return String(Number(v.toPrecision(3)));
}

function cell(v: unknown): string {
  if (typeof v === 'number') return num(v);
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? plainText(v) : JSON.stringify(v);
}

function numbers(v: unknown): number[] | null {
  if (!Array.isArray(v) || v.length === 0) return null;
  if (!v.every((x) => typeof x === 'number' || x === null)) return null;
  return v.map((x) => (x === null ? NaN : x as number));
}

function finite(v: readonly number[]): number[] {
  return v.filter(Number.isFinite);
}

function extent(v: readonly number[]): [number, number] | null {
  const f = finite(v);
  if (f.length === 0) return null;
  let lo = f[0];
  let hi = f[0];
  for (const x of f) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return [lo, hi];
}

function traceName(t: Json, k: number): string {
  const name = plainText(t.name);
  return name || `trace ${k + 1}`;
}

function axisKey(ref: unknown, letter: 'x' | 'y'): string {
  const s = typeof ref === 'string' ? ref : letter;
  return `${letter}axis${s.slice(1)}`;
}

interface AxisInfo { title: string; log: boolean; range: [number, number] | null }

function axisInfo(layout: Json, key: string): AxisInfo {
  const a = (layout[key] ?? {}) as Json;
  const range = Array.isArray(a.range) && a.range.length === 2 && a.range.every((r) => typeof r === 'number')
    ? a.range as [number, number] : null;
  const log = a.type === 'log';
  return { title: titleText(a.title), log, range: range && log ? [10 ** range[0], 10 ** range[1]] : range };
}

/** What a sequence of y values does: falls, rises, diverges, oscillates, or goes from … to …. */
export function trend(y: readonly number[], x?: readonly number[]): string {
  const n = y.length;
  const first = y[0];
  const last = y[n - 1];
  const over = `over ${n} points`;
  const at = (i: number): string => (x && Number.isFinite(x[i]) ? num(x[i]) : String(i));
  const bad = y.findIndex((v) => !Number.isFinite(v));
  if (bad > 0) return `runs from ${num(first)} to ${num(y[bad - 1])} and becomes ${num(y[bad])} at x = ${at(bad)}`;
  if (n === 1) return `is ${num(first)}`;
  let ups = 0;
  let downs = 0;
  let flips = 0;
  for (let i = 1; i < n; i++) {
    if (y[i] > y[i - 1]) ups++;
    else if (y[i] < y[i - 1]) downs++;
    if (i > 1 && Math.sign(y[i] - y[i - 1]) * Math.sign(y[i - 1] - y[i - 2]) < 0) flips++;
  }
  const [lo, hi] = extent(y) as [number, number];
  // Divergence: its size ends 10× where it started, largest at the end, and still growing there
  // (a zigzag that grows, or a blow-up; not a curve that levels off such as a probability → 1).
  const ratio = first !== 0 ? Math.abs(last / first) : 0;
  const monotone = ups === 0 || downs === 0;
  const size = y.map(Math.abs);
  const steps = size.slice(1).map((v, i) => (size[i] > 0 ? v / size[i] - 1 : 0)).filter(Number.isFinite);
  const median = [...steps].sort((a, b) => a - b)[Math.floor(steps.length / 2)] ?? 0;
  const stillGrowing = steps.length > 0 && steps[steps.length - 1] > 0 && steps[steps.length - 1] >= 0.5 * Math.max(median, 0);
  if (ratio > 10 && (!monotone || (ratio >= 100 && stillGrowing)) && size[n - 1] >= 0.99 * Math.max(...size)) {
    const turn = size.indexOf(Math.min(...size));
    return `diverges: grows from ${num(first)} to ${num(last)} ${over}${turn > 0 ? ` after x = ${at(turn)}` : ''}`;
  }
  if (flips >= (n - 2) * 0.6 && n > 4) return `oscillates between ${num(lo)} and ${num(hi)}, from ${num(first)} to ${num(last)} ${over}`;
  if (ups === 0 && downs > 0) return `falls from ${num(first)} to ${num(last)} ${over}`;
  if (downs === 0 && ups > 0) return `rises from ${num(first)} to ${num(last)} ${over}`;
  if (ups === 0 && downs === 0) return `stays at ${num(first)} ${over}`;
  // One turn: down then up (a valley), or up then down (a peak).
  const dirs = y.slice(1).map((v, i) => Math.sign(v - y[i])).filter((d) => d !== 0);
  const turns = dirs.slice(1).filter((d, i) => d !== dirs[i]).length;
  if (turns === 1) {
    const valley = dirs[0] < 0;
    const k = valley ? y.indexOf(lo) : y.indexOf(hi);
    return `${valley ? 'falls' : 'rises'} from ${num(first)} to ${num(y[k])} at x = ${at(k)}, then ${valley ? 'rises' : 'falls'} to ${num(last)} ${over}`;
  }
  const iMin = y.indexOf(lo);
  const iMax = y.indexOf(hi);
  return `goes from ${num(first)} to ${num(last)} ${over} (lowest ${num(lo)} at x = ${at(iMin)}, highest ${num(hi)} at x = ${at(iMax)})`;
}

function sampled<T>(rows: T[], max: number): { rows: T[]; note: string } {
  if (rows.length <= max) return { rows, note: '' };
  const step = Math.ceil(rows.length / max);
  const kept = rows.filter((_, i) => i % step === 0 || i === rows.length - 1);
  return { rows: kept, note: `every ${step}th point and the last: ${kept.length} of ${rows.length} rows` };
}

function gridTrace(t: Json, name: string, kind: string): { clause: string; table: DataTable | null } {
  const z = Array.isArray(t.z) ? (t.z as unknown[]).map((r) => numbers(r) ?? []) : [];
  const rows = z.length;
  const cols = rows > 0 ? z[0].length : 0;
  const xs = numbers(t.x) ?? Array.from({ length: cols }, (_, i) => i);
  const ys = numbers(t.y) ?? Array.from({ length: rows }, (_, i) => i);
  const all = z.flat();
  const ext = extent(all);
  if (ext === null) return { clause: `${name}: a ${kind} with no finite values`, table: null };
  let iMin = 0;
  for (let i = 1; i < all.length; i++) if (all[i] < all[iMin]) iMin = i;
  const r = Math.floor(iMin / cols);
  const c = iMin % cols;
  const xr = extent(xs);
  const yr = extent(ys);
  const clause = `${name}: ${kind} of z over a ${cols} × ${rows} grid`
    + `${xr ? ` (x from ${num(xr[0])} to ${num(xr[1])}, y from ${num(yr?.[0] ?? 0)} to ${num(yr?.[1] ?? 0)})` : ''}`
    + `, z from ${num(ext[0])} to ${num(ext[1])}, lowest at (${num(xs[c])}, ${num(ys[r])})`;
  const stepR = Math.max(1, Math.ceil(rows / MAX_GRID_SIDE));
  const stepC = Math.max(1, Math.ceil(cols / MAX_GRID_SIDE));
  const ci = Array.from({ length: cols }, (_, i) => i).filter((i) => i % stepC === 0);
  const ri = Array.from({ length: rows }, (_, i) => i).filter((i) => i % stepR === 0);
  const table: DataTable = {
    caption: `${name}: z (rows: y, columns: x)`,
    columns: ['y \\ x', ...ci.map((i) => num(xs[i]))],
    rows: ri.map((i) => [num(ys[i]), ...ci.map((j) => num(z[i][j]))]),
    note: stepR > 1 || stepC > 1 ? `every ${stepC}th column and ${stepR}th row of the ${cols} × ${rows} grid` : '',
  };
  return { clause, table };
}

function lineTrace(t: Json, name: string): { clause: string; table: DataTable | null } {
  const yRaw = Array.isArray(t.y) ? t.y as unknown[] : null;
  const xRaw = Array.isArray(t.x) ? t.x as unknown[] : null;
  const zRaw = Array.isArray(t.z) ? t.z as unknown[] : null;
  const values = yRaw ?? xRaw ?? [];
  const n = values.length;
  if (n === 0) return { clause: `${name}: no data`, table: null };
  const x = xRaw ?? Array.from({ length: n }, (_, i) => i);
  const mode = typeof t.mode === 'string' ? t.mode : n > 20 ? 'lines' : 'lines+markers';
  const yNum = yRaw ? numbers(yRaw) : null;
  const xNum = numbers(x);
  let clause: string;
  if (zRaw) {
    clause = `${name}: a path of ${n} points in 3-D`;
  } else if (yNum && (mode.includes('lines') || t.type === 'bar' || (xNum !== null && xNum.every((v, i) => i === 0 || v > xNum[i - 1])))) {
    clause = `${name}: ${trend(yNum, xNum ?? undefined)}`;
  } else if (yNum && xNum) {
    const ex = extent(xNum);
    const ey = extent(yNum);
    clause = `${name}: ${n} point${n === 1 ? '' : 's'}${ex && ey ? ` with x from ${num(ex[0])} to ${num(ex[1])} and y from ${num(ey[0])} to ${num(ey[1])}` : ''}`;
  } else {
    clause = `${name}: ${n} value${n === 1 ? '' : 's'}`;
  }
  const columns = zRaw ? ['x', 'y', 'z'] : yRaw ? ['x', 'y'] : ['x'];
  const all = Array.from({ length: n }, (_, i) => (zRaw ? [x[i], values[i], zRaw[i]] : yRaw ? [x[i], yRaw[i]] : [x[i]]).map(cell));
  const { rows, note } = sampled(all, MAX_TABLE_ROWS);
  return { clause, table: { caption: name, columns, rows, note } };
}

function kindOf(data: Json[]): string {
  const types = new Set(data.map((t) => (typeof t.type === 'string' ? t.type : 'scatter')));
  if (types.has('surface') || types.has('scatter3d')) return '3-D plot';
  if (types.has('contour') || types.has('histogram2dcontour')) return 'Contour plot';
  if (types.has('heatmap')) return 'Heat map';
  if (types.has('bar')) return 'Bar chart';
  const lines = data.some((t) => typeof t.mode !== 'string' || t.mode.includes('lines'));
  return lines ? 'Line chart' : 'Scatter plot';
}

function axisText(letter: string, info: AxisInfo, values: number[]): string {
  const ext = info.range ?? extent(values);
  const name = info.title ? `“${info.title}”` : '';
  const range = ext ? ` from ${num(ext[0])} to ${num(ext[1])}` : '';
  return `${letter} axis${name ? ` ${name}` : ''}${info.log ? ' (log scale)' : ''}${range}`;
}

/** The description and data tables of a figure `{ data, layout }` (plain JSON, as `show` sends it). */
export function describeFigure(figure: { data?: unknown; layout?: unknown }): FigureDescription {
  const data = (Array.isArray(figure?.data) ? figure.data : []).filter((t): t is Json => t !== null && typeof t === 'object');
  const layout = (figure?.layout !== null && typeof figure?.layout === 'object' ? figure.layout : {}) as Json;
  const title = titleText(layout.title);
  if (data.length === 0) return { title, text: `Empty figure${title ? ` “${title}”` : ''}.`, tables: [] };

  // Axes: those the traces use, in order (subplots have xaxis2, yaxis2, …).
  const axes: string[] = [];
  const threeD = data.some((t) => t.type === 'surface' || t.type === 'scatter3d');
  if (!threeD) {
    const seen = new Map<string, number[]>();
    for (const t of data) {
      for (const letter of ['x', 'y'] as const) {
        const key = axisKey(t[`${letter}axis`], letter);
        const implicit = letter === 'x' && !GRID_TYPES.has(String(t.type)) && Array.isArray(t.y) ? (t.y as unknown[]).map((_, i) => i) : [];
        const values = numbers(t[letter]) ?? implicit;
        seen.set(key, [...(seen.get(key) ?? []), ...values]);
      }
    }
    const keys = [...seen.keys()];
    const pairs = keys.length > 2 ? keys.filter((k) => /^xaxis/.test(k)) : ['xaxis'];
    for (const xk of pairs) {
      const yk = `y${xk.slice(1)}`;
      const panel = pairs.length > 1 ? `panel ${pairs.indexOf(xk) + 1}: ` : '';
      axes.push(`${panel}${axisText('x', axisInfo(layout, xk), seen.get(xk) ?? [])}; ${axisText('y', axisInfo(layout, yk), seen.get(yk) ?? [])}`);
    }
  } else {
    const scene = (layout.scene ?? {}) as Json;
    axes.push((['x', 'y', 'z'] as const).map((l) => axisText(l, axisInfo(scene, `${l}axis`), [])).join('; '));
  }

  const clauses: string[] = [];
  const tables: DataTable[] = [];
  data.forEach((t, k) => {
    const name = traceName(t, k);
    const type = String(t.type ?? 'scatter');
    const { clause, table } = GRID_TYPES.has(type)
      ? gridTrace(t, name, type === 'surface' ? 'a surface' : type === 'heatmap' ? 'a heat map' : 'contours')
      : lineTrace(t, name);
    clauses.push(clause);
    if (table) tables.push(table);
  });
  const shown = clauses.slice(0, MAX_DESCRIBED_TRACES);
  const more = clauses.length - shown.length;
  const traces = `${data.length} trace${data.length === 1 ? '' : 's'}: ${shown.join('; ')}${more > 0 ? `; and ${more} more (see the data tables)` : ''}.`;
  const sliders = Array.isArray(layout.sliders) ? layout.sliders.length : 0;
  const slider = sliders > 0 ? ` It has ${sliders === 1 ? 'a slider' : `${sliders} sliders`} that change${sliders === 1 ? 's' : ''} what is shown.` : '';
  const text = `${kindOf(data)}${title ? ` “${title}”` : ''}. ${axes.join('. ')}. ${traces}${slider}`;
  return { title, text: text.replace(/\.\./g, '.'), tables };
}
