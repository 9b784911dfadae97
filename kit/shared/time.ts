/** Durations as a person reads them: `2 s`, `0.4 s`, `12.3 s` (whole seconds without a decimal). */
export function seconds(ms: number): string {
  const tenths = Math.round(ms / 100);
  return tenths % 10 === 0 ? `${tenths / 10} s` : `${(tenths / 10).toFixed(1)} s`;
}
