// Statistical disclosure control of counts (docs/methods.md, "Disclosure control"): which counts
// are too small to show, how shown counts are rounded, and which cells of a breakdown to
// suppress so that neither a small count nor its recovery from the total is published. The
// profiles themselves (thresholds, rounding, labels) are declared once in core/disclosure.ts.
import { DISCLOSURE_PROFILES, type DisclosureProfile } from '../../core/disclosure.ts';
import { count } from './validate.ts';

export type { DisclosureProfile };

export interface CountCell {
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean;
}

/** Each profile's label, as results carry it. */
export const DISCLOSURE_LABELS = Object.fromEntries(
  Object.entries(DISCLOSURE_PROFILES).map(([id, p]) => [id, p.label]),
) as Record<DisclosureProfile, string>;

/** True when a count must not be shown: from 1 to the profile's largest small count (0 is never small). */
export function isSmall(value: number, profile: DisclosureProfile): boolean {
  count('The count', value);
  return value >= 1 && value <= DISCLOSURE_PROFILES[profile].largestSmall;
}

/**
 * The count as shown: to the nearest multiple of the profile's rounding (5 under both suppressing
 * profiles), unchanged under none. Small counts are suppressed, not rounded: check isSmall first.
 */
export function roundCount(value: number, profile: DisclosureProfile): number {
  count('The count', value);
  const step = DISCLOSURE_PROFILES[profile].roundTo;
  return step === 1 ? value : Math.round(value / step) * step;
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
