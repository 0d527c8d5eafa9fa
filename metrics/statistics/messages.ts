// Every error text of the statistics module, in one place (style.md): tests assert on these
// functions, not on copied strings.
const show = (v: unknown) => (typeof v === 'number' ? String(v) : JSON.stringify(v));

export const statsMessages = {
  notFinite: (what: string, v: unknown) => `${what} must be a finite number, got ${show(v)}.`,
  notCount: (what: string, v: unknown) => `${what} must be a whole number of 0 or more, got ${show(v)}.`,
  notPositive: (what: string, v: unknown) => `${what} must be greater than 0, got ${show(v)}.`,
  numeratorAboveDenominator: (x: number, n: number) =>
    `The numerator (${x}) must not exceed the denominator (${n}) for a proportion.`,
  level: (v: unknown) => `The confidence level is a percentage between 0 and 100 (e.g. 95 or 99.8), got ${show(v)}.`,
  probability: (v: unknown) => `A probability must lie between 0 and 1, got ${show(v)}.`,
  degreesOfFreedom: (v: unknown) => `Degrees of freedom must be 0 or more, got ${show(v)}.`,
  noBands: () => 'A standardised rate needs at least one age band.',
  noWeight: () => 'The standard population weights of the age bands add up to 0.',
  tooFewQuantiles: (n: number) => `The slope index of inequality needs at least 2 quantiles, got ${n}.`,
  limitsAroundValue: (i: number) => `Quantile ${i + 1}: its limits must satisfy lower ≤ value ≤ upper.`,
  outsideTransform: (i: number, transform: string) =>
    `Quantile ${i + 1}: the ${transform} transform needs the value and its limits strictly inside its range (above 0${transform === 'logit' ? ', below the multiplier' : ''}).`,
  tooFewReps: (reps: number, level: number) =>
    `${reps} repetitions are too few for a ${level}% interval: use at least 1,000.`,
  noEvents: (group: string) => `A ratio on the log scale needs at least one event in the ${group} group.`,
  zeroReference: () => 'The relative gap is undefined when the least deprived value (Q5) is 0.',
  spcShortSeries: (n: number) =>
    `Only ${n} points: SPC limits are usually based on at least 15 (Making Data Count); treat the signals with caution.`,
  spcRoundingLength: (rounding: number, values: number) => `The series has ${values} points but ${rounding} rounding reaches: give one per point.`,
} as const;
