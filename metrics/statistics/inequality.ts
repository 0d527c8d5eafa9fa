// Inequality measures across deprivation quantiles and between groups (docs/methods.md,
// "Inequality gap measures"): gaps, the slope and relative indices, and ratios to a reference.
export { absoluteGap, relativeGap } from './gaps.ts';
export { rateRatio } from './rate-ratio.ts';
export { relativeRanks, sii, weightedLine, type QuantileValue, type SiiOptions, type SiiResult } from './sii.ts';
