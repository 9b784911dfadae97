/** A sentence with `{name}` slots filled in (`fill('{n} checks', { n: 3 })`); a slot with no value stays as it is. */
export function fill(text: string, values: Record<string, string | number | undefined>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (values[key] === undefined ? whole : String(values[key])));
}
