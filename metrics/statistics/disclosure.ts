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
