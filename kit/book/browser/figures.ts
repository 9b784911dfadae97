/**
 * Draws the book's plotly figures from their JSON (`<script type="application/json"
 * data-figure>` next to each placeholder) with the page's own plotly.js, in the page's colour
 * scheme: a figure drawn in one of the library's themes switches to the other, dark mode makes
 * backgrounds transparent and plotly's default text and grid light, annotation text keeps AA
 * contrast on its own background; on a phone the legend moves under the plot. Plotly sliders
 * (`layout.sliders`) get a native range input bound to their steps, so the keyboard (arrows,
 * Home, End) and screen readers operate them; `prefers-reduced-motion` turns transitions off.
 */
import { say, type Language } from './strings';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
interface PlotlyApi {
  react(el: HTMLElement, data: unknown[], layout: Json, config: Json): Promise<unknown>;
  relayout(el: HTMLElement, update: Json): Promise<unknown>;
  [method: string]: unknown;
}
interface Theme { background: string; text: string; grid: string; axis: string; neutral: string }
interface Figure { el: HTMLElement; fig: Json; narrow?: boolean; sliders?: HTMLInputElement[] }

const DARK = { fg: '#e6edf3', grid: '#30363d', zero: '#6e7681', line: '#8b949e', hover: '#161b22' };
const LIGHT_TEXT = '#1f2328';
/** Below this width (px) the legend goes under the plot. */
const NARROW = 600;
const LEGEND_ROW = 22;

const plotly = (): PlotlyApi | undefined => (window as unknown as { Plotly?: PlotlyApi }).Plotly;
const darkQuery = window.matchMedia?.('(prefers-color-scheme: dark)') ?? null;
const motionQuery = window.matchMedia?.('(prefers-reduced-motion: reduce)') ?? null;
const copy = <T>(o: T): T => JSON.parse(JSON.stringify(o === undefined ? {} : o)) as T;
const lower = (v: unknown): unknown => (typeof v === 'string' ? v.toLowerCase() : v);

function themes(): { light: Theme; dark: Theme } | null {
  const el = document.getElementById('descent-plot-themes');
  try {
    return el ? JSON.parse(el.textContent || 'null') : null;
  } catch {
    return null;
  }
}

/** Every colour of theme `from` replaced by the same role's colour of theme `to` (like src/plot's withTheme). */
function swap(value: unknown, from: Theme, to: Theme): unknown {
  if (typeof value === 'string') {
    for (const key of Object.keys(from) as Array<keyof Theme>) if (lower(value) === lower(from[key])) return to[key];
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => swap(v, from, to));
  if (value && typeof value === 'object') {
    const out: Json = {};
    for (const k of Object.keys(value)) out[k] = swap((value as Json)[k], from, to);
    return out;
  }
  return value;
}

/** Relative luminance of a #rgb / #rrggbb colour, or null. */
export function luminance(colour: unknown): number | null {
  if (typeof colour !== 'string') return null;
  let hex = colour.trim().replace(/^#/, '');
  if (/^[0-9a-f]{3}$/i.test(hex)) hex = hex.split('').map((c) => c + c).join('');
  if (!/^[0-9a-f]{6}$/i.test(hex)) return null;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The figure in the page's colour scheme. */
export function themed(fig: Json, dark: boolean, reducedMotion: boolean): { data: Json[]; layout: Json } {
  let data = copy(fig.data ?? []) as Json[];
  let l = copy(fig.layout ?? {}) as Json;
  const t = themes();
  if (t?.light && t.dark) {
    const want = dark ? t.dark : t.light;
    const other = dark ? t.light : t.dark;
    if (lower(l.paper_bgcolor) === lower(other.background)) {
      data = swap(data, other, want) as Json[];
      l = swap(l, other, want) as Json;
    }
  }
  if (dark) {
    const bg = t?.dark ? lower(t.dark.background) : null;
    if (l.paper_bgcolor === undefined || lower(l.paper_bgcolor) === bg) l.paper_bgcolor = 'rgba(0,0,0,0)';
    if (l.plot_bgcolor === undefined || lower(l.plot_bgcolor) === bg) l.plot_bgcolor = 'rgba(0,0,0,0)';
    l.font = l.font ?? {};
    if (l.font.color === undefined) l.font.color = DARK.fg;
    l.hoverlabel = l.hoverlabel ?? {};
    if (l.hoverlabel.bgcolor === undefined) l.hoverlabel.bgcolor = DARK.hover;
    if (l.legend && l.legend.bgcolor === undefined) l.legend.bgcolor = 'rgba(0,0,0,0)';
    const axes = ['xaxis', 'yaxis', ...Object.keys(l).filter((k) => /^[xy]axis\d+$/.test(k))];
    for (const k of axes) {
      const a = l[k] = l[k] ?? {};
      if (a.gridcolor === undefined) a.gridcolor = DARK.grid;
      if (a.zerolinecolor === undefined) a.zerolinecolor = DARK.zero;
      if (a.linecolor === undefined) a.linecolor = DARK.line;
    }
    if (l.scene) {
      for (const k of ['xaxis', 'yaxis', 'zaxis']) {
        const a = l.scene[k] = l.scene[k] ?? {};
        if (a.gridcolor === undefined) a.gridcolor = DARK.grid;
        if (a.zerolinecolor === undefined) a.zerolinecolor = DARK.zero;
      }
    }
  }
  // Annotation text on its own background keeps AA contrast in either scheme.
  for (const a of Array.isArray(l.annotations) ? l.annotations as Json[] : []) {
    const lum = luminance(a.bgcolor);
    if (lum === null || a.font?.color !== undefined) continue;
    a.font = { ...(a.font ?? {}), color: lum > 0.4 ? LIGHT_TEXT : DARK.fg };
  }
  if (reducedMotion) {
    l.transition = { duration: 0 };
    for (const s of Array.isArray(l.sliders) ? l.sliders as Json[] : []) s.transition = { duration: 0 };
    for (const m of Array.isArray(l.updatemenus) ? l.updatemenus as Json[] : []) {
      for (const b of Array.isArray(m.buttons) ? m.buttons as Json[] : []) {
        if (b.method === 'animate' && Array.isArray(b.args)) b.args[1] = { ...(b.args[1] ?? {}), transition: { duration: 0 }, frame: { duration: 0, redraw: true } };
      }
    }
  }
  return { data, layout: l };
}

/** On a phone the legend goes underneath the plot, the figure made taller by its rows. */
function fitted(layout: Json, data: Json[], narrow: boolean): Json {
  const legend = layout.legend ?? {};
  if (!narrow || legend.x !== undefined || legend.y !== undefined || legend.orientation !== undefined || layout.showlegend === false) return layout;
  const rows = data.filter((t) => t.showlegend !== false && t.name).length;
  if (rows < 2 && layout.showlegend !== true) return layout;
  const extra = rows * LEGEND_ROW + 8;
  Object.assign(legend, { orientation: 'h', x: 0, xanchor: 'left', yref: 'container', y: 0, yanchor: 'bottom' });
  layout.legend = legend;
  layout.margin = layout.margin ?? {};
  layout.margin.b = (typeof layout.margin.b === 'number' ? layout.margin.b : 80) + extra;
  if (typeof layout.height === 'number') layout.height += extra;
  return layout;
}

function stepLabel(step: Json, k: number): string {
  return typeof step.label === 'string' ? step.label : String(step.value ?? k + 1);
}

/** A native range input per plotly slider: the keyboard's and screen readers' way to move it. */
function sliderControls(f: Figure, lang: Language): void {
  const sliders = Array.isArray(f.fig.layout?.sliders) ? f.fig.layout.sliders as Json[] : [];
  if (sliders.length === 0 || f.sliders) return;
  f.sliders = [];
  const box = document.createElement('div');
  box.className = 'plot-sliders';
  sliders.forEach((slider, i) => {
    const steps = Array.isArray(slider.steps) ? slider.steps as Json[] : [];
    if (steps.length === 0) return;
    const id = `${f.el.id}-slider-${i}`;
    const prefix = String(slider.currentvalue?.prefix ?? '').replace(/[:=\s]+$/, '').trim();
    const name = prefix || String(slider.name ?? '') || say(lang, 'slider');
    const row = document.createElement('div');
    row.className = 'plot-slider';
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = name;
    const input = document.createElement('input');
    input.type = 'range';
    input.id = id;
    input.min = '0';
    input.max = String(steps.length - 1);
    input.step = '1';
    const active = typeof slider.active === 'number' ? slider.active : 0;
    input.value = String(active);
    input.setAttribute('aria-valuetext', stepLabel(steps[active] ?? {}, active));
    const out = document.createElement('output');
    out.htmlFor.add(id);
    out.textContent = stepLabel(steps[active] ?? {}, active);
    const apply = (): void => {
      const k = Number(input.value);
      const step = steps[k] ?? {};
      const text = stepLabel(step, k);
      out.textContent = text;
      input.setAttribute('aria-valuetext', text);
      const P = plotly();
      if (!P) return;
      const method = typeof step.method === 'string' ? step.method : 'restyle';
      let args = Array.isArray(step.args) ? copy(step.args) as unknown[] : [];
      if (method === 'animate' && motionQuery?.matches) {
        args = [args[0], { ...(args[1] as Json ?? {}), transition: { duration: 0 }, frame: { duration: 0, redraw: true }, mode: 'immediate' }];
      }
      const fn = P[method];
      const done = method !== 'skip' && typeof fn === 'function' ? Promise.resolve((fn as (...a: unknown[]) => unknown).call(P, f.el, ...args)) : Promise.resolve();
      void done.then(() => P.relayout(f.el, { [`sliders[${i}].active`]: k }));
    };
    input.addEventListener('input', apply);
    (f.el as unknown as { on?(ev: string, cb: (e: Json) => void): void }).on?.('plotly_sliderchange', (e) => {
      const k = steps.indexOf(e.step) >= 0 ? steps.indexOf(e.step) : Number(e.step?._index);
      if (Number.isInteger(k) && String(k) !== input.value) {
        input.value = String(k);
        out.textContent = stepLabel(steps[k] ?? {}, k);
        input.setAttribute('aria-valuetext', out.textContent);
      }
    });
    row.append(label, input, out);
    box.append(row);
    f.sliders?.push(input);
  });
  f.el.after(box);
}

/**
 * A font the page's edition sets its text in (`--plot-font` on the root, from the Korean font's
 * stylesheet: fonts.ts), put before the figure's own so the plots' titles and labels use it too.
 */
function withPageFont(layout: Json): Json {
  const family = getComputedStyle(document.documentElement).getPropertyValue('--plot-font').trim();
  if (family === '') return layout;
  const font = (layout.font ?? {}) as Json;
  return { ...layout, font: { ...font, family: `${family}, ${typeof font.family === 'string' ? font.family : 'sans-serif'}` } };
}

function draw(f: Figure): Promise<unknown> | undefined {
  const P = plotly();
  if (!P) return undefined;
  const config = copy(f.fig.config ?? {}) as Json;
  if (config.responsive === undefined) config.responsive = true;
  if (config.displaylogo === undefined) config.displaylogo = false;
  const t = themed(f.fig, !!darkQuery?.matches, !!motionQuery?.matches);
  f.narrow = f.el.clientWidth < NARROW;
  return P.react(f.el, t.data, fitted(withPageFont(t.layout), t.data, f.narrow), config);
}

const drawn: Figure[] = [];
const waiting: Figure[] = [];
const jobs = new WeakMap<Figure, Promise<void>>();
let pumping = false;

let plotlyLoading: Promise<boolean> | null = null;

/**
 * plotly.js, loaded on first use from the URL book.js's script tag names (`data-plotly`): a
 * chapter's text, editors and worker do not wait for its 4.8 MB to be parsed.
 */
export function loadPlotly(): Promise<boolean> {
  if (plotly()) return Promise.resolve(true);
  plotlyLoading ??= new Promise((ok) => {
    const src = document.querySelector('script[data-plotly]')?.getAttribute('data-plotly');
    if (!src) {
      ok(false);
      return;
    }
    const script = document.createElement('script');
    script.src = src;
    script.async = true;
    script.onload = () => ok(plotly() !== undefined);
    script.onerror = () => ok(false);
    document.head.append(script);
  });
  return plotlyLoading;
}

function drawNow(f: Figure, lang: Language): Promise<void> {
  const job = jobs.get(f);
  if (job) return job;
  visible?.unobserve(f.el);
  const done = loadPlotly().then((loaded) => {
    if (!loaded) {
      f.el.innerHTML = `<p class="plot-missing">${say(lang, 'plotlyMissing')}</p>`;
      return undefined;
    }
    f.el.style.minHeight = '';
    f.el.innerHTML = '';
    return draw(f);
  }).then(() => sliderControls(f, lang), () => sliderControls(f, lang));
  jobs.set(f, done);
  return done;
}

const idle = (work: () => void): void => {
  const ric = (window as unknown as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => void }).requestIdleCallback;
  if (ric) ric(work, { timeout: 2000 });
  else setTimeout(work, 30);
};

/** Draws the waiting figures one at a time when the page is idle, so reading and Run stay responsive. */
function pump(lang: Language): void {
  if (pumping) return;
  const next = waiting.find((f) => near.has(f) && !jobs.has(f)) ?? waiting.find((f) => !jobs.has(f));
  if (!next) return;
  pumping = true;
  const later = (): void => {
    setTimeout(() => {
      pumping = false;
      pump(lang);
    }, 500);
  };
  // Cells running in the live editor come first: their outputs are what the reader waits for.
  if (busy()) {
    later();
    return;
  }
  idle(() => {
    if (busy()) {
      later();
      return;
    }
    void drawNow(next, lang).then(() => {
      pumping = false;
      pump(lang);
    });
  });
}

/** How long after a page is shown its off-screen figures start being drawn. */
const OFFSCREEN_DELAY_MS = 3000;
let visible: IntersectionObserver | null = null;
/** Figures that came near the screen while cells were running: drawn first once they are done. */
const near = new Set<Figure>();
const busy = (): boolean => document.documentElement.classList.contains('live-busy');
let visibleLang: Language = 'en';

/**
 * Draws every figure placeholder inside `root` (once each); resolves when all are drawn. With
 * `lazy`, a figure is drawn when it comes near the screen, the others one by one when the page is
 * idle (a chapter's figures take seconds of plotly's time; the page must not wait for them).
 */
export function drawFigures(root: ParentNode, lang: Language, lazy = false): Promise<void> {
  const mine: Figure[] = [];
  for (const source of Array.from(root.querySelectorAll<HTMLScriptElement>('script[data-figure]'))) {
    const el = document.getElementById(source.getAttribute('data-figure') ?? '');
    if (!el || el.dataset.drawn === 'true') continue;
    el.dataset.drawn = 'true';
    let fig: Json;
    try {
      fig = JSON.parse(source.textContent || '{}');
    } catch {
      el.innerHTML = `<p class="plot-missing">${say(lang, 'figureMissing')}</p>`;
      continue;
    }
    const f: Figure = { el, fig };
    el.querySelector('noscript')?.remove();
    drawn.push(f);
    mine.push(f);
  }
  if (!lazy || typeof IntersectionObserver !== 'function') return Promise.all(mine.map((f) => drawNow(f, lang))).then(() => undefined);
  visibleLang = lang;
  visible ??= new IntersectionObserver((entries) => {
    for (const e of entries) {
      const f = drawn.find((d) => d.el === e.target);
      if (!e.isIntersecting || !f) continue;
      if (busy()) {
        near.add(f);
        pump(visibleLang);
      } else {
        void drawNow(f, visibleLang);
      }
    }
  }, { rootMargin: '300px 0px' });
  for (const f of mine) visible.observe(f.el);
  waiting.push(...mine);
  // The figures off screen wait until the page has settled (plotly.js takes a while to parse):
  // a reader who runs a cell at once gets its output first.
  setTimeout(() => pump(lang), OFFSCREEN_DELAY_MS);
  return new Promise((ok) => {
    const check = (): void => {
      const all = mine.map((f) => jobs.get(f));
      if (all.every((j) => j !== undefined)) void Promise.all(all).then(() => ok());
      else setTimeout(check, 100);
    };
    check();
  });
}

/** Redraws on a change of colour scheme, motion preference, or phone/laptop width. */
export function followPreferences(): void {
  window.addEventListener('resize', () => {
    for (const f of drawn) if (f.el.isConnected && jobs.has(f) && (f.el.clientWidth < NARROW) !== f.narrow) void draw(f);
  });
  const redraw = (): void => { for (const f of drawn) if (f.el.isConnected && jobs.has(f)) void draw(f); };
  darkQuery?.addEventListener?.('change', redraw);
  motionQuery?.addEventListener?.('change', redraw);
}

/** Draws every figure now (printing, or a test that needs them all); resolves when done. */
export function drawAll(): Promise<void> {
  return Promise.all(drawn.map((f) => drawNow(f, visibleLang))).then(() => undefined);
}
