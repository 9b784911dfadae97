/**
 * Text whose colour an output set inline (a grader's red "0/3", a check's green tick) is made
 * readable on the page's background in either colour scheme: a colour below WCAG AA (4.5:1) is
 * blended towards the page's text colour until it passes, so it keeps its hue.
 */
type Rgb = [number, number, number];

function parse(colour: string): { rgb: Rgb; alpha: number } | null {
  const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(colour);
  return m ? { rgb: [Number(m[1]), Number(m[2]), Number(m[3])], alpha: m[4] === undefined ? 1 : Number(m[4]) } : null;
}

function luminance([r, g, b]: Rgb): number {
  const f = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}

/** The WCAG contrast ratio of two colours. */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

function background(el: Element | null): Rgb {
  for (let e = el; e; e = e.parentElement) {
    const c = parse(getComputedStyle(e).backgroundColor);
    if (c && c.alpha > 0.5) return c.rgb;
  }
  return parse(getComputedStyle(document.body).backgroundColor)?.rgb ?? [255, 255, 255];
}

/** Fixes the inline text colours under `root` that are below AA on their background. */
export function fixInlineContrast(root: ParentNode = document): void {
  const page = parse(getComputedStyle(document.body).color)?.rgb ?? [0, 0, 0];
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('.cell-outputs [style*="color"]'))) {
    if (el.dataset.colour === undefined) el.dataset.colour = el.style.color;
    el.style.color = el.dataset.colour;
    const fg = parse(getComputedStyle(el).color);
    if (!fg) continue;
    const bg = background(el);
    for (let k = 1; k <= 10 && contrast(fg.rgb, bg) < 4.5; k++) {
      const t = k / 10;
      const mixed = fg.rgb.map((c, i) => Math.round(c + (page[i] - c) * t)) as Rgb;
      el.style.color = `rgb(${mixed.join(', ')})`;
      if (contrast(mixed, bg) >= 4.5) break;
    }
  }
}
