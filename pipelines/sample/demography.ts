/**
 * The catchment's people: ethnic mix by deprivation decile (shaped on Birmingham's 2021 census),
 * age structure by ethnic group, and sex by age. Rates elsewhere are written against these.
 */
export const ESP_BANDS = [
  '0-4', '5-9', '10-14', '15-19', '20-24', '25-29', '30-34', '35-39', '40-44',
  '45-49', '50-54', '55-59', '60-64', '65-69', '70-74', '75-79', '80-84', '85-89', '90+',
] as const;

export const ETHNIC_GROUPS = ['White', 'Mixed', 'Asian or Asian British', 'Black or Black British', 'Other ethnic group'] as const;
export type EthnicGroup = (typeof ETHNIC_GROUPS)[number];

type Profile = 'older' | 'younger' | 'youngest';

interface EthnicCategory {
  code: string;
  group: EthnicGroup;
  /** Share of the catchment population, in per cent (normalised on use). */
  share: number;
  /** How the share moves with deprivation: positive = more common in less deprived areas. */
  slope: number;
  profile: Profile;
  /** Other codes the same person is sometimes recorded as. */
  confusedWith: string[];
}

export const ETHNIC_CATEGORIES: EthnicCategory[] = [
  { code: 'A', group: 'White', share: 41, slope: 0.75, profile: 'older', confusedWith: ['C', 'B'] },
  { code: 'B', group: 'White', share: 1.5, slope: 0.3, profile: 'older', confusedWith: ['A'] },
  { code: 'C', group: 'White', share: 5, slope: 0, profile: 'younger', confusedWith: ['A', 'S'] },
  { code: 'D', group: 'Mixed', share: 2.2, slope: -0.4, profile: 'youngest', confusedWith: ['G', 'M'] },
  { code: 'E', group: 'Mixed', share: 0.6, slope: -0.3, profile: 'youngest', confusedWith: ['G'] },
  { code: 'F', group: 'Mixed', share: 1.1, slope: 0.1, profile: 'youngest', confusedWith: ['G'] },
  { code: 'G', group: 'Mixed', share: 1.2, slope: -0.2, profile: 'youngest', confusedWith: ['D', 'S'] },
  { code: 'H', group: 'Asian or Asian British', share: 6, slope: 0.35, profile: 'younger', confusedWith: ['L'] },
  { code: 'J', group: 'Asian or Asian British', share: 16, slope: -0.85, profile: 'younger', confusedWith: ['L'] },
  { code: 'K', group: 'Asian or Asian British', share: 4, slope: -1.0, profile: 'younger', confusedWith: ['L'] },
  { code: 'L', group: 'Asian or Asian British', share: 2.8, slope: -0.2, profile: 'younger', confusedWith: ['J', 'S'] },
  { code: 'M', group: 'Black or Black British', share: 3.6, slope: -0.55, profile: 'older', confusedWith: ['P', 'D'] },
  { code: 'N', group: 'Black or Black British', share: 5.4, slope: -0.7, profile: 'younger', confusedWith: ['P'] },
  { code: 'P', group: 'Black or Black British', share: 1.6, slope: -0.5, profile: 'younger', confusedWith: ['N', 'M'] },
  { code: 'R', group: 'Other ethnic group', share: 0.8, slope: 0.4, profile: 'younger', confusedWith: ['L'] },
  { code: 'S', group: 'Other ethnic group', share: 3.2, slope: -0.45, profile: 'younger', confusedWith: ['C', 'L'] },
];

export const ETHNIC_CODES = ETHNIC_CATEGORIES.map((c) => c.code);
export const GROUP_OF: Record<string, EthnicGroup> = Object.fromEntries(ETHNIC_CATEGORIES.map((c) => [c.code, c.group]));

/**
 * Shares (summing to 1) of each ethnic category for each IMD decile (index 1–10), raked so that
 * across the catchment's deciles (`decilePopulation[d]` people in decile d) each category makes
 * up its target share: the deprivation pattern bends the mix, not the totals.
 */
export function ethnicMixByDecile(decilePopulation: readonly number[]): number[][] {
  const total = decilePopulation.reduce((a, b) => a + b, 0);
  const target = ETHNIC_CATEGORIES.map((c) => c.share);
  const targetTotal = target.reduce((a, b) => a + b, 0);
  const k = ETHNIC_CATEGORIES.map(() => 1);
  let mixes: number[][] = [];
  for (let iteration = 0; iteration < 30; iteration++) {
    mixes = Array.from({ length: 11 }, (_, decile) => {
      const x = (decile - 5.5) / 4.5;
      const raw = ETHNIC_CATEGORIES.map((c, i) => c.share * k[i] * Math.exp(c.slope * x));
      const sum = raw.reduce((a, b) => a + b, 0);
      return raw.map((w) => w / sum);
    });
    ETHNIC_CATEGORIES.forEach((_, i) => {
      let share = 0;
      for (let d = 1; d <= 10; d++) share += (decilePopulation[d] ?? 0) * mixes[d][i];
      k[i] *= target[i] / targetTotal / (share / total);
    });
  }
  return mixes;
}

/** Per cent of each population in each ESP band: older (White British, Irish, Caribbean), younger, youngest (Mixed). */
const AGE_PROFILES: Record<Profile, number[]> = {
  older: [4.6, 5.0, 5.2, 5.4, 6.6, 6.3, 6.2, 5.9, 5.5, 6.0, 6.8, 6.9, 6.3, 5.5, 5.4, 4.2, 3.1, 2.0, 1.0],
  younger: [8.3, 8.6, 8.5, 8.2, 9.8, 9.0, 8.6, 7.9, 6.8, 5.6, 4.9, 3.9, 2.9, 2.1, 1.6, 1.2, 0.8, 0.4, 0.2],
  youngest: [14, 13, 12, 11, 11, 8, 7, 5.5, 4.5, 3.8, 3.2, 2.5, 1.8, 1.1, 0.7, 0.4, 0.3, 0.15, 0.05],
};

export function ageProfile(ethnicIndex: number): number[] {
  const profile = AGE_PROFILES[ETHNIC_CATEGORIES[ethnicIndex].profile];
  const total = profile.reduce((a, b) => a + b, 0);
  return profile.map((w) => w / total);
}

/** Share of women in an ESP band (women outlive men). */
export function femaleShare(bandIndex: number): number {
  if (bandIndex <= 12) return 0.495;
  return [0.52, 0.53, 0.56, 0.59, 0.64, 0.7][bandIndex - 13];
}

/** Youngest age of a band and the number of single years it spans. */
export function bandAges(bandIndex: number): { from: number; span: number } {
  return bandIndex === 18 ? { from: 90, span: 12 } : { from: bandIndex * 5, span: 5 };
}
