// Statistical disclosure control of counts (statistics.md, "Disclosure control"): which counts
// are too small to show, how shown counts are rounded, and which cells of a breakdown to
// suppress so that neither a small count nor its recovery from the total is published.
import { count } from './validate.ts';

export type DisclosureProfile = 'nhs-secondary-use' | 'threshold-10' | 'none';

export interface CountCell {
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean;
}

export const DISCLOSURE_LABELS: Record<DisclosureProfile, string> = {
  'nhs-secondary-use': 'NHS secondary-use: counts 1–7 suppressed, others rounded to 5',
  'threshold-10': 'Threshold 10: counts 1–9 suppressed, others rounded to 5',
  none: 'None: counts shown unrounded (internal analysis only)',
};

/** Largest count that is suppressed under each profile (0 is never small). */
const LARGEST_SMALL: Record<DisclosureProfile, number> = { 'nhs-secondary-use': 7, 'threshold-10': 9, none: 0 };

/** True when a count must not be shown: 1–7 (NHS secondary-use), 1–9 (threshold 10), never for none. */
export function isSmall(value: number, profile: DisclosureProfile): boolean {
  count('The count', value);
  return value >= 1 && value <= LARGEST_SMALL[profile];
}

/**
 * The count as shown: to the nearest 5 under both suppressing profiles (threshold 10 rounds too,
 * so that differences between published totals cannot reveal a suppressed cell), unchanged under
 * none. Small counts are suppressed, not rounded: check isSmall first.
 */
export function roundCount(value: number, profile: DisclosureProfile): number {
  count('The count', value);
  return profile === 'none' ? value : Math.round(value / 5) * 5;
}

/**
 * Which cells of one breakdown to suppress. Primary: the numerator or the denominator is small.
 * Secondary: if exactly one cell is suppressed, the total would give it away, so the cell with
 * the next-smallest numerator is suppressed too (a cell with a numerator of 0 is only taken when
 * no other is left: suppressing a known-to-be-small 0 alongside would not hide the first).
 */
export function suppressionPlan(cells: { numerator: number; denominator: number }[], profile: DisclosureProfile): boolean[] {
  const plan = cells.map((c) => isSmall(c.numerator, profile) || isSmall(c.denominator, profile));
  if (plan.filter(Boolean).length !== 1) return plan;
  const candidates = cells
    .map((c, index) => ({ ...c, index }))
    .filter((c) => !plan[c.index])
    .sort((p, q) => Number(p.numerator === 0) - Number(q.numerator === 0) || p.numerator - q.numerator || p.denominator - q.denominator || p.index - q.index);
  if (candidates.length > 0) plan[candidates[0].index] = true;
  return plan;
}
