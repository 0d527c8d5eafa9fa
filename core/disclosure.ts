// The disclosure profiles (docs/methods.md, "Disclosure control"): their names, how small a count
// each withholds, and the one sentence every page, chart footnote, settings page and report uses
// for each. The statistics (metrics/statistics/disclosure.ts), the server's settings and
// configuration, and the web app all read this declaration.

export const DISCLOSURE_PROFILE_IDS = ['nhs-secondary-use', 'threshold-10', 'none'] as const;
export type DisclosureProfile = (typeof DISCLOSURE_PROFILE_IDS)[number];

export const DEFAULT_DISCLOSURE_PROFILE: DisclosureProfile = 'nhs-secondary-use';

export interface DisclosureProfileInfo {
  /** The largest count withheld: 1 to this are small (0 never is). 0 withholds nothing. */
  largestSmall: number;
  /** Shown counts are rounded to the nearest multiple of this (1: unrounded). */
  roundTo: number;
  /** The profile in one sentence, as results carry it (`disclosureLabel`). */
  label: string;
}

export const DISCLOSURE_PROFILES: Record<DisclosureProfile, DisclosureProfileInfo> = {
  'nhs-secondary-use': { largestSmall: 7, roundTo: 5, label: 'NHS secondary-use: counts 1–7 suppressed, others rounded to 5' },
  // Threshold 10 rounds too, so that differences between published totals cannot reveal a suppressed cell.
  'threshold-10': { largestSmall: 9, roundTo: 5, label: 'Threshold 10: counts 1–9 suppressed, others rounded to 5' },
  none: { largestSmall: 0, roundTo: 1, label: 'None: counts shown unrounded (internal analysis only)' },
};

/** The profiles' ids in words, for messages: "one of nhs-secondary-use, threshold-10 or none". */
export const DISCLOSURE_PROFILES_TEXT = `one of ${DISCLOSURE_PROFILE_IDS.slice(0, -1).join(', ')} or ${DISCLOSURE_PROFILE_IDS[DISCLOSURE_PROFILE_IDS.length - 1]}`;

export function isDisclosureProfile(value: string): value is DisclosureProfile {
  return (DISCLOSURE_PROFILE_IDS as readonly string[]).includes(value);
}

/** The sentence for a result's profile: its own label when it has one (an unsuppressed view), else the declared one. */
export function disclosureText(disclosure: string, label?: string | null): string {
  return label ?? (isDisclosureProfile(disclosure) ? DISCLOSURE_PROFILES[disclosure].label : disclosure);
}
