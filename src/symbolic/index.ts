/**
 * Derivation checks with mathjs (chapters 01–07): `checkDerivative` compares mathjs's symbolic
 * derivative with a hand-derived formula at seeded random points; `checkIdentity` checks an
 * algebraic identity the same way. Expressions may use `sigmoid` and `softplus` (substituted by
 * their definitions, see `FUNCTION_DEFINITIONS`) and named sub-expressions (`define`).
 */
export { checkDerivative, DerivativeCheck, symbolicDerivative, texOf } from './check-derivative';
export type { DerivativeCheckOptions, DerivativePoint } from './check-derivative';
export { checkIdentity, IdentityCheck } from './check-identity';
export type { IdentityCheckOptions, IdentityPoint } from './check-identity';
export { FUNCTION_DEFINITIONS } from './math';
export type { Definitions } from './math';
export { DEFAULT_CHECK_SEED, DEFAULT_RANGE, DEFAULT_SAMPLES, DEFAULT_TOLERANCE } from './points';
export type { Point, Range, SampleOptions } from './points';
export { REPORT_POINTS } from './report';
