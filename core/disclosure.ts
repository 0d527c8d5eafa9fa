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
  /** How the figures beside the counts are made: the second sentence of every disclosure footnote. */
  method: string;
  /** What the profile protects against, for the settings page. */
  protects: string;
  /** What it does not protect against, for the settings page. */
  leaves: string;
}

const ROUNDED_METHOD =
  'Values, intervals, gaps, ratios, SII/RII and SPC are computed from the rounded counts as shown, so they cannot undo the rounding; figures marked † are withheld although not small (secondary suppression), so that a small count cannot be worked out by subtracting the others from a total.';
const DIFFERENCING =
  'It does not protect against differencing between outputs: two overlapping periods, a filtered and an unfiltered breakdown, or charts published at different times can between them narrow a small count. Review what is released together.';

export const DISCLOSURE_PROFILES: Record<DisclosureProfile, DisclosureProfileInfo> = {
  'nhs-secondary-use': {
    largestSmall: 7,
    roundTo: 5,
    label: 'NHS secondary-use: counts 1–7 suppressed, others rounded to 5',
    method: ROUNDED_METHOD,
    protects:
      'Protects against a reader of any one output (page, chart, CSV, report) finding a count of 1–7: small counts are withheld, other counts rounded to 5, derived figures computed from the rounded counts, and cells that a total would give away withheld too (the NHS Digital HES/ECDS rules).',
    leaves: DIFFERENCING,
  },
  // Threshold 10 rounds too, so that differences between published totals cannot reveal a suppressed cell.
  'threshold-10': {
    largestSmall: 9,
    roundTo: 5,
    label: 'Threshold 10: counts 1–9 suppressed, others rounded to 5',
    method: ROUNDED_METHOD,
    protects: 'As NHS secondary-use, withholding counts of 1–9, for agreements that ask for a threshold of 10.',
    leaves: DIFFERENCING,
  },
  none: {
    largestSmall: 0,
    roundTo: 1,
    label: 'None: counts shown unrounded (internal analysis only)',
    method: 'Values and intervals are computed from the true counts.',
    protects: 'Protects nothing: every count is shown as it is, for analysis inside the trust.',
    leaves: 'Small numbers are shown and can identify patients. Nothing made under this profile may be published or shared.',
  },
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

/** How a result's derived figures were made, for its footnote: from the profile, or unrounded (the analyst view). */
export function disclosureMethod(disclosure: string): string {
  return DISCLOSURE_PROFILES[isDisclosureProfile(disclosure) ? disclosure : 'none'].method;
}
