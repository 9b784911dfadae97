export { gradcheck, formatGradcheck, GRADCHECK_DEFAULTS } from './gradcheck';
export type { GradcheckOptions, GradcheckResult, GradcheckEntry } from './gradcheck';
