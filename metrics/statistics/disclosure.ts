// Statistical disclosure control of counts (statistics.md, "Disclosure control"): which counts
// are too small to show and how shown counts are rounded. Which cells to withhold so that no
// small count can be recovered by subtraction is suppression.ts.
import { count } from './validate.ts';

export type DisclosureProfile = 'nhs-secondary-use' | 'threshold-10' | 'none';

export const DISCLOSURE_LABELS: Record<DisclosureProfile, string> = {
  'nhs-secondary-use': 'NHS secondary-use: counts 1–7 suppressed, others rounded to 5',
  'threshold-10': 'Threshold 10: counts 1–9 suppressed, others rounded to 5',
  none: 'None: counts shown unrounded (internal analysis only)',
};

/** Largest count that is suppressed under each profile (0 is never small). */
const LARGEST_SMALL: Record<DisclosureProfile, number> = { 'nhs-secondary-use': 7, 'threshold-10': 9, none: 0 };

/** Shown counts are multiples of this under both suppressing profiles. */
export const ROUNDING_BASE = 5;

export function largestSmall(profile: DisclosureProfile): number {
  return LARGEST_SMALL[profile];
}

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
  return profile === 'none' ? value : Math.round(value / ROUNDING_BASE) * ROUNDING_BASE;
}
