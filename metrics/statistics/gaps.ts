// The simple gap measures between the most deprived (Q1) and least deprived (Q5) quintiles.
import { statsMessages as m } from './messages.ts';
import { finite } from './validate.ts';

/** Q1 − Q5: positive when the most deprived fifth has the higher value. */
export function absoluteGap(q1: number, q5: number): number {
  return finite('The Q1 value', q1) - finite('The Q5 value', q5);
}

/** Q1 / Q5. Throws a RangeError when Q5 is 0 (the ratio is undefined): callers show no ratio then. */
export function relativeGap(q1: number, q5: number): number {
  finite('The Q1 value', q1);
  if (finite('The Q5 value', q5) === 0) throw new RangeError(m.zeroReference());
  return q1 / q5;
}
