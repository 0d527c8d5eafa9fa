// The statistics module: small pure functions, one concern per file (docs/methods.md).
export type { Estimate } from './types.ts';
export { statsMessages } from './messages.ts';
export { normalQuantile, zFor } from './normal.ts';
export { gammaP, gammaQ, logGamma } from './gamma.ts';
export { chiSquareCdf, chiSquareQuantile, chiSquareUpperQuantile } from './chi-square.ts';
export { wilson } from './wilson.ts';
export { byarsLower, byarsUpper, crudeRate, EXACT_BELOW, exactPoissonLower, exactPoissonUpper } from './poisson.ts';
export { dobsonDsr, DSR_MIN_EVENTS, DSR_NO_POPULATION, DSR_WITHHELD, type AgeBandCount, type DsrResult } from './dsr.ts';
export { seededNormal, seededRandom } from './rng.ts';
export * from './inequality.ts';
export * from './spc.ts';
export * from './disclosure.ts';
export * from './suppression.ts';
