/**
 * Plotly figure builders for the chapters. Each returns a plain JSON figure `{ data, layout }`
 * (no DOM, no notebook): show it with the kit's `show(figure)` helper. Series differ by colour
 * (the Okabe–Ito palette), dash and marker symbol (`seriesStyle`); themes: light (default) and
 * dark. `sliderFigure` makes any of them interactive, `panelsFigure` puts several side by side.
 */
export {
  CLASS_SYMBOLS,
  DEFAULT_HEIGHT,
  DEFAULT_THEME,
  FIGURE_OPTION_NAMES,
  PALETTE,
  THEMES,
  colour,
  withTheme,
} from './figure';
export type { Figure, FigureOptions, Layout, Theme, ThemeColours, Trace } from './figure';
export { DEFAULT_GRID_POINTS, linspace } from './grid';
export type { GridAxis } from './grid';
export type { Labels, Points2D } from './points';
export { AXIS_OPTION_NAMES } from './axes';
export type { AxisOptions, Guide } from './axes';
export { BAR_PATTERNS, DASHES, SYMBOLS, seriesStyle } from './style';
export type { SeriesStyle } from './style';
export { lineFigure, lossCurves } from './line';
export type { LineOptions, LineSeries, LossCurve, LossCurvesOptions } from './line';
export { barFigure } from './bar';
export type { BarOptions, BarSeries } from './bar';
export { SLIDER_HEIGHT, sliderFigure } from './slider';
export type { SliderOptions, SliderStep } from './slider';
export { PANEL_ROW_HEIGHT, panelsFigure } from './panels';
export type { Panel, PanelsOptions } from './panels';
export { scatterFigure } from './scatter';
export type { LabelledPoints, ScatterOptions } from './scatter';
export { contourFigure, DEFAULT_CONTOUR_LEVELS, LOG_SCALE_EPSILON } from './contour';
export type { ContourOptions, Marker, Path, SurfaceGridOptions } from './contour';
export { surfaceFigure } from './surface';
export type { SurfaceOptions } from './surface';
export {
  BOUNDARY_PADDING,
  DEFAULT_BOUNDARY_RESOLUTION,
  REGION_OPACITY,
  decisionBoundary,
} from './decision-boundary';
export type { DecisionBoundaryOptions } from './decision-boundary';
export { DEFAULT_GRAPH_DIGITS, GRAPH_COLUMN_WIDTH, GRAPH_ROW_HEIGHT, graphFigure } from './graph';
export type { GraphFigureInput, GraphFigureNode, GraphFigureOptions } from './graph';
