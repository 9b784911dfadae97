/** Printing tensors readably in a notebook, in PyTorch's style. */
import type { Tensor } from './tensor';
import { view } from './storage';

export type NestedArray = number[] | NestedArray[];

export function toNested(data: Float64Array, shape: readonly number[]): number | NestedArray {
  if (shape.length === 0) return data[0];
  const build = (offset: number, axis: number): NestedArray => {
    const len = shape[axis];
    if (axis === shape.length - 1) return Array.from(data.subarray(offset, offset + len));
    let step = 1;
    for (let i = axis + 1; i < shape.length; i++) step *= shape[i];
    const rows: NestedArray[] = [];
    for (let k = 0; k < len; k++) rows.push(build(offset + k * step, axis + 1));
    return rows as NestedArray;
  };
  return build(0, 0);
}

const EDGE = 3; // elements shown at each end of a long axis
const LONG = 8; // axes longer than this are abbreviated

type Style = 'integer' | 'fixed' | 'scientific';

/** One style for the whole tensor, as PyTorch does, so columns line up. */
function styleOf(data: Float64Array): Style {
  let integers = true;
  let scientific = false;
  for (const x of data) {
    if (!Number.isFinite(x)) continue;
    const ax = Math.abs(x);
    if (!Number.isInteger(x) || ax >= 1e5) integers = false;
    if (ax !== 0 && (ax >= 1e5 || ax < 1e-4)) scientific = true;
  }
  return integers ? 'integer' : scientific ? 'scientific' : 'fixed';
}

function formatNumber(x: number, style: Style): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (style === 'integer') return `${x}.`;
  return style === 'scientific' ? x.toExponential(4) : x.toFixed(4);
}

export function formatTensor(t: Tensor): string {
  const { shape } = t;
  const data = view(t.storage);
  const style = styleOf(data);
  const cells = Array.from(data, (x) => formatNumber(x, style));
  const width = cells.reduce((w, c) => Math.max(w, c.length), 0);
  const pad = (s: string): string => ' '.repeat(width - s.length) + s;
  const strides: number[] = [];
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i];
  }
  const indent = '       '; // aligned under "tensor("
  const render = (offset: number, axis: number): string => {
    const len = shape[axis];
    const picks: (number | null)[] = [];
    if (len > LONG) {
      for (let k = 0; k < EDGE; k++) picks.push(k);
      picks.push(null);
      for (let k = len - EDGE; k < len; k++) picks.push(k);
    } else {
      for (let k = 0; k < len; k++) picks.push(k);
    }
    if (axis === shape.length - 1) {
      return `[${picks.map((k) => (k === null ? '…' : pad(cells[offset + k]))).join(', ')}]`;
    }
    const sep = `,${'\n'.repeat(shape.length - 1 - axis)}${indent}${' '.repeat(axis + 1)}`;
    return `[${picks.map((k) => (k === null ? '…' : render(offset + k * strides[axis], axis + 1))).join(sep)}]`;
  };
  const body = shape.length === 0 ? cells[0] ?? '' : render(0, 0);
  const extras: string[] = [];
  if (t.requiresGrad) extras.push(t.isLeaf ? 'requiresGrad=true' : `gradFn=${t.op}`);
  if (data.length === 0) extras.push(`shape=[${shape.join(', ')}]`);
  return `tensor(${body}${extras.length ? `, ${extras.join(', ')}` : ''})`;
}
