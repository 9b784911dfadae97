/**
 * `import { plotSetup, show, showTable, showHtml, check } from 'descent/notebook'`:
 * the helpers notebooks use (see kit/notebooks/README.md).
 */
export { show, figureBundle, normalizeFigure, PLOTLY_MIME, DEFAULT_PLOT_HEIGHT } from './plot';
export { plotSetup } from './setup';
export { describeFigure } from './describe';
export type { FigureDescription, DataTable } from './describe';
export type { Figure, Trace, ShowOptions } from './plot';
export { showHtml, showTable, tableBundle } from './html';
export type { Row, TableOptions } from './html';
export { displayBundle } from './display';
export type { MimeBundle } from './display';
export { check } from './check';
export type { GradeReport } from './check';
