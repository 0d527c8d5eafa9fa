// Disclosure control on estimates (docs/methods.md, "Disclosure control"): small counts are withheld with everything
// computed from them, a single withheld cell takes the next-smallest with it, and the counts
// that remain are rounded. Values and intervals were computed from the true counts beforehand.
import { roundCount, suppressionPlan, type DisclosureProfile } from '../statistics/index.ts';
import type { Cell } from './estimate.ts';

export interface DisclosedCell extends Cell {
  suppressed: boolean;
}

/** Count used for the threshold: the numerator, or the number of records for a median. */
function countsOf(cell: Cell) {
  const denominator = Math.round(cell.denominator ?? 0);
  return { numerator: cell.numerator === null ? denominator : Math.round(cell.numerator), denominator };
}

function withheld(cell: Cell): DisclosedCell {
  return { ...cell, numerator: null, denominator: null, value: null, lower: null, upper: null, suppressed: true };
}

function rounded(cell: Cell, profile: DisclosureProfile): DisclosedCell {
  const round = (v: number | null) => (v === null ? null : roundCount(Math.round(v), profile));
  return { ...cell, numerator: round(cell.numerator), denominator: round(cell.denominator), suppressed: false };
}

/** Applies the profile to the cells of one breakdown (one period): primary and secondary suppression. */
export function discloseBreakdown(cells: Cell[], profile: DisclosureProfile): DisclosedCell[] {
  const plan = suppressionPlan(cells.map(countsOf), profile);
  return cells.map((cell, i) => (plan[i] ? withheld(cell) : rounded(cell, profile)));
}

/** A single figure, such as a total, on its own. */
export function discloseOne(cell: Cell, profile: DisclosureProfile): DisclosedCell {
  return discloseBreakdown([cell], profile)[0];
}
