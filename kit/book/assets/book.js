/* The Descent book's only script: the phone menu, and the plotly figures, drawn from their JSON
   (application/vnd.plotly.v1+json in the executed notebook) with the book's local plotly.js,
   themed to follow the page's light or dark colours. */
(function () {
  'use strict';
  var root = document.documentElement;
  root.classList.remove('no-js');

  var toggle = document.querySelector('.menu-toggle');
  var sidebar = document.getElementById('sidebar');
  if (toggle && sidebar) {
    var setOpen = function (open) {
      sidebar.classList.toggle('open', open);
      toggle.setAttribute('aria-expanded', String(open));
    };
    toggle.addEventListener('click', function () { setOpen(!sidebar.classList.contains('open')); });
    sidebar.addEventListener('click', function (e) { if (e.target && e.target.closest('a')) setOpen(false); });
    document.addEventListener('keydown', function (e) { if (e.key === 'Escape') setOpen(false); });
    document.addEventListener('click', function (e) {
      if (sidebar.classList.contains('open') && !sidebar.contains(e.target) && !toggle.contains(e.target)) setOpen(false);
    });
  }

  var sources = document.querySelectorAll('script[data-figure]');
  if (sources.length === 0) return;
  var figures = [];
  for (var i = 0; i < sources.length; i++) {
    var el = document.getElementById(sources[i].getAttribute('data-figure'));
    if (!el) continue;
    try {
      figures.push({ el: el, fig: JSON.parse(sources[i].textContent || '{}') });
    } catch (err) {
      el.innerHTML = '<p class="plot-missing">This figure could not be read.</p>';
    }
  }
  if (!window.Plotly) {
    figures.forEach(function (f) { f.el.innerHTML = '<p class="plot-missing">plotly.js did not load: the figure cannot be drawn.</p>'; });
    return;
  }

  var darkQuery = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  var DARK = { fg: '#e6edf3', grid: '#30363d', zero: '#6e7681', line: '#8b949e', hover: '#161b22' };
  /* The library's figure themes (src/plot: background, text, grid, axis, neutral), from the page. */
  var themesEl = document.getElementById('descent-plot-themes');
  var themes = null;
  try { themes = themesEl ? JSON.parse(themesEl.textContent || 'null') : null; } catch (err) { themes = null; }

  function copy(o) { return JSON.parse(JSON.stringify(o === undefined ? {} : o)); }
  function lower(v) { return typeof v === 'string' ? v.toLowerCase() : v; }

  /* Every colour of theme `from` replaced by the same role's colour of theme `to` (like src/plot's withTheme). */
  function swap(value, from, to) {
    if (typeof value === 'string') {
      for (var key in from) if (lower(value) === lower(from[key])) return to[key];
      return value;
    }
    if (Array.isArray(value)) return value.map(function (v) { return swap(v, from, to); });
    if (value && typeof value === 'object') {
      var out = {};
      for (var k in value) out[k] = swap(value[k], from, to);
      return out;
    }
    return value;
  }

  /*
   * The figure in the page's colour scheme: a figure drawn in one of the library's themes switches
   * to the other one; in dark mode backgrounds become transparent, and colours the figure left to
   * plotly (text, grid) become light.
   */
  function themed(fig, dark) {
    var data = copy(fig.data);
    var l = copy(fig.layout);
    if (themes && themes.light && themes.dark) {
      var want = dark ? themes.dark : themes.light;
      var other = dark ? themes.light : themes.dark;
      if (lower(l.paper_bgcolor) === lower(other.background)) {
        data = swap(data, other, want);
        l = swap(l, other, want);
      }
    }
    if (!dark) return { data: data, layout: l };
    var bg = themes && themes.dark ? lower(themes.dark.background) : null;
    if (l.paper_bgcolor === undefined || lower(l.paper_bgcolor) === bg) l.paper_bgcolor = 'rgba(0,0,0,0)';
    if (l.plot_bgcolor === undefined || lower(l.plot_bgcolor) === bg) l.plot_bgcolor = 'rgba(0,0,0,0)';
    l.font = l.font || {};
    if (l.font.color === undefined) l.font.color = DARK.fg;
    l.hoverlabel = l.hoverlabel || {};
    if (l.hoverlabel.bgcolor === undefined) l.hoverlabel.bgcolor = DARK.hover;
    if (l.legend && l.legend.bgcolor === undefined) l.legend.bgcolor = 'rgba(0,0,0,0)';
    var axes = ['xaxis', 'yaxis'];
    Object.keys(l).forEach(function (k) { if (/^[xy]axis\d+$/.test(k)) axes.push(k); });
    axes.forEach(function (k) {
      var a = l[k] = l[k] || {};
      if (a.gridcolor === undefined) a.gridcolor = DARK.grid;
      if (a.zerolinecolor === undefined) a.zerolinecolor = DARK.zero;
      if (a.linecolor === undefined) a.linecolor = DARK.line;
    });
    if (l.scene) {
      ['xaxis', 'yaxis', 'zaxis'].forEach(function (k) {
        var a = l.scene[k] = l.scene[k] || {};
        if (a.gridcolor === undefined) a.gridcolor = DARK.grid;
        if (a.zerolinecolor === undefined) a.zerolinecolor = DARK.zero;
      });
    }
    return { data: data, layout: l };
  }

  /*
   * On a phone a legend beside the plot leaves no room for the plot: it goes underneath, at the
   * bottom of the figure, below the x-axis title, with the figure made taller by its rows.
   */
  var NARROW = 600;
  var LEGEND_ROW = 22;
  function fitted(layout, data, narrow) {
    var legend = layout.legend || {};
    if (!narrow || legend.x !== undefined || legend.y !== undefined || legend.orientation !== undefined || layout.showlegend === false) return layout;
    var rows = data.filter(function (t) { return t.showlegend !== false && t.name; }).length;
    if (rows < 2 && layout.showlegend !== true) return layout;
    var extra = rows * LEGEND_ROW + 8;
    legend.orientation = 'h';
    legend.x = 0;
    legend.xanchor = 'left';
    legend.yref = 'container';
    legend.y = 0;
    legend.yanchor = 'bottom';
    layout.legend = legend;
    layout.margin = layout.margin || {};
    layout.margin.b = (typeof layout.margin.b === 'number' ? layout.margin.b : 80) + extra;
    if (typeof layout.height === 'number') layout.height += extra;
    return layout;
  }

  function draw(f) {
    var dark = !!(darkQuery && darkQuery.matches);
    var config = copy(f.fig.config);
    if (config.responsive === undefined) config.responsive = true;
    if (config.displaylogo === undefined) config.displaylogo = false;
    var t = themed(f.fig, dark);
    f.narrow = f.el.clientWidth < NARROW;
    return window.Plotly.react(f.el, t.data, fitted(t.layout, t.data, f.narrow), config);
  }

  figures.forEach(function (f) {
    f.el.innerHTML = '';
    f.el.style.minHeight = '';
    draw(f);
  });
  window.addEventListener('resize', function () {
    figures.forEach(function (f) { if ((f.el.clientWidth < NARROW) !== f.narrow) draw(f); });
  });
  if (darkQuery) {
    var redraw = function () { figures.forEach(draw); };
    if (darkQuery.addEventListener) darkQuery.addEventListener('change', redraw);
    else if (darkQuery.addListener) darkQuery.addListener(redraw);
  }
})();
