// Statistical disclosure control of counts (docs/methods.md, "Disclosure control"): which counts
// are too small to show and how shown counts are rounded. Which cells to withhold so that no
// small count can be recovered by subtraction is suppression.ts. The profiles themselves
// (thresholds, rounding, labels) are declared once in core/disclosure.ts.
import { DISCLOSURE_PROFILES, type DisclosureProfile } from '../../core/disclosure.ts';
import { count } from './validate.ts';

export type { DisclosureProfile };

/** Each profile's label, as results carry it. */
export const DISCLOSURE_LABELS = Object.fromEntries(
  Object.entries(DISCLOSURE_PROFILES).map(([id, p]) => [id, p.label]),
) as Record<DisclosureProfile, string>;

/** The largest count the profile withholds (0: none). */
export function largestSmall(profile: DisclosureProfile): number {
  return DISCLOSURE_PROFILES[profile].largestSmall;
}

/** What shown counts are rounded to (1: unrounded). */
export function roundingStep(profile: DisclosureProfile): number {
  return DISCLOSURE_PROFILES[profile].roundTo;
}

/** True when a count must not be shown: from 1 to the profile's largest small count (0 is never small). */
export function isSmall(value: number, profile: DisclosureProfile): boolean {
  count('The count', value);
  return value >= 1 && value <= DISCLOSURE_PROFILES[profile].largestSmall;
}

/**
 * The count as shown: to the nearest 5 under both suppressing profiles (threshold 10 rounds too,
 * so that differences between published totals cannot reveal a suppressed cell), unchanged under
 * none. Small counts are suppressed, not rounded: check isSmall first.
 */
export function roundCount(value: number, profile: DisclosureProfile): number {
  count('The count', value);
  const step = DISCLOSURE_PROFILES[profile].roundTo;
  return step === 1 ? value : Math.round(value / step) * step;
}

/**
 * How far a value computed as (numerator ÷ denominator) × constant could be from the value of the
 * true counts, given only its rounded counts: half the width of the values the counts allow, each
 * true count within `⌊step/2⌋` of the shown one (a shown 0 is exact). `cap` bounds the value from
 * above (100 for a percentage). Used to tell when rounding swamps SPC (spc.ts, COARSE_SHARE).
 */
export function roundingReach(value: number, numerator: number, denominator: number, profile: DisclosureProfile, cap = Infinity): number {
  const half = Math.floor(roundingStep(profile) / 2);
  if (half === 0 || numerator === 0 || value === 0) return 0;
  if (denominator <= half) return Math.abs(value);
  const lowest = value * ((numerator - half) / numerator) * (denominator / (denominator + half));
  const highest = Math.min(cap, value * ((numerator + half) / numerator) * (denominator / (denominator - half)));
  return Math.abs(highest - lowest) / 2;
}
