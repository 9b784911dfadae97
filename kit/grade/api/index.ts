/**
 * The grading API graders are written in (course/<exercise>/grader.ts and hidden/grader.ts):
 * defining checks, receiving and comparing plain data, feedback that teaches, precomputed cases,
 * seeded randomness. It uses no Node API, so a grader's checks can run wherever a CheckContext is
 * given — the sandboxed engine here, a Web Worker in the browser later.
 */
export { checksIn, defineGrader, isGraderSpec } from './grader';
export type { CallOptions, Check, CheckContext, ExerciseMessages, GraderBuilder, GraderSpec, Outcome } from './grader';
export type { Catalogue, Lang, Text } from '../i18n/catalogue';
export { render } from '../i18n/catalogue';
export {
  checkClose, deepClose, DEFAULT_TOLERANCE, expectClose, expectThat, fail, Feedback, feedbackText, firstDifference, isClose, pickHint, problemHint, receive,
} from './expect';
export type { Case, FeedbackLines, Hint, Tolerance } from './expect';
export {
  anything, arrayOf, bool, compactNumber, describeReceived, formatCall, formatInput, formatNumber, formatValue, matrix, num, numbers, optional, record, str, truncate, validate,
} from './plain';
export type { Schema } from './plain';
export { entry, exactly } from './fixtures';
export { random, seeded } from './random';
export type { Random } from './random';
