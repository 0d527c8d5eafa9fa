// How a group compares with the trust overall, in words (pure). A difference is claimed only when
// the server says the intervals do not overlap (`comparison`), and it is called better or worse
// only when the indicator has a direction.

export type Polarity = 'higher' | 'lower' | 'context';
export type Comparison = 'higher' | 'lower' | 'similar' | null;
export type Assessment = 'better' | 'worse' | 'higher' | 'lower' | 'similar' | 'suppressed' | 'not-compared';

export function assess(row: { suppressed: boolean; comparison: Comparison; value: number | null }, polarity: Polarity): Assessment {
  if (row.suppressed) return 'suppressed';
  if (row.value === null) return 'not-compared';
  if (row.comparison === null) return 'not-compared';
  if (row.comparison === 'similar') return 'similar';
  if (polarity === 'context') return row.comparison;
  return row.comparison === polarity ? 'better' : 'worse';
}

export const assessmentLabels: Record<Assessment, string> = {
  better: 'Better than trust overall',
  worse: 'Worse than trust overall',
  higher: 'Higher than trust overall',
  lower: 'Lower than trust overall',
  similar: 'No clear difference',
  suppressed: 'Suppressed (small numbers)',
  'not-compared': 'Not compared',
};

/** The assessment in words against a named comparator: "Worse than Cardiology overall". */
export function assessmentLabel(a: Assessment, overallName = 'trust overall'): string {
  return assessmentLabels[a].replace('trust overall', overallName);
}

/** Do two intervals fail to overlap? (Used where the server gives no `comparison`.) */
export function intervalsApart(a: { lower: number | null; upper: number | null }, b: { lower: number | null; upper: number | null }): 'higher' | 'lower' | 'similar' | null {
  if (a.lower === null || a.upper === null || b.lower === null || b.upper === null) return null;
  if (a.lower > b.upper) return 'higher';
  if (a.upper < b.lower) return 'lower';
  return 'similar';
}

/** Each breakdown's title, the one declaration the engine, the web pages and the charts use. */
export const breakdownTitles: Record<string, string> = {
  overall: 'Trust overall',
  ethnic_group: 'Ethnic group',
  ethnic_category: 'Ethnic category',
  imd_quintile: 'IMD quintile',
  imd_decile: 'IMD decile',
  core20: 'Core20 (most deprived 20%)',
  age_band: 'Age band',
  age_band_broad: 'Age group',
  sex: 'Sex',
  specialty: 'Specialty',
  site: 'Site',
  plus_group: 'PLUS group',
};

/** The breakdown's name inside a sentence: "ethnic group", "IMD quintile". */
export function breakdownPhrase(by: string): string {
  return inSentence(breakdownTitle(by));
}

/** A title inside a sentence: "Open RTT pathways …" becomes "open RTT pathways …"; "IMD quintile" and "Core20" stay. */
export function inSentence(title: string): string {
  return /^([A-Z]{2}|Core20)/.test(title) ? title : title.charAt(0).toLowerCase() + title.slice(1);
}

export function breakdownTitle(by: string): string {
  return breakdownTitles[by] ?? by.replace(/_/g, ' ');
}

export type TargetVerdict = 'met' | 'not-met' | 'unclear' | 'not-assessed';

/**
 * A share against a target, CI-gated like every other comparison: met or not met only when the
 * whole interval lies on one side. 94.97% (94.6 to 95.3%) against 95% is "not clearly different".
 */
export function targetVerdict(row: { lower?: number | null; upper?: number | null; suppressed?: boolean }, target: number): TargetVerdict {
  if (row.suppressed || row.lower === null || row.lower === undefined || row.upper === null || row.upper === undefined) return 'not-assessed';
  if (row.lower >= target) return 'met';
  if (row.upper < target) return 'not-met';
  return 'unclear';
}

export const targetVerdictLabels: Record<TargetVerdict, string> = {
  met: 'Meets the target',
  'not-met': 'Below the target',
  unclear: 'Not clearly different from the target',
  'not-assessed': 'Not assessed (small numbers)',
};

export type GroupVerdict = 'worse' | 'better' | 'higher' | 'lower' | 'similar' | 'none';
export type Core20Verdict = GroupVerdict;

type Estimate = { value: number | null; lower: number | null; upper: number | null; suppressed: boolean };

/**
 * One group against another (Core20 against the rest, IMD quintile 1 against quintile 5): a
 * difference only when the intervals do not overlap, called better or worse by the indicator's
 * direction. The one rule every page, chart file and report uses for such a pair.
 */
export function groupVerdict(a: Estimate | null, b: Estimate | null, polarity: Polarity): GroupVerdict {
  if (!a || !b || a.suppressed || b.suppressed || a.value === null || b.value === null) return 'none';
  const apart = intervalsApart(a, b);
  if (apart === null) return 'none';
  if (apart === 'similar') return 'similar';
  if (polarity === 'context') return apart;
  return apart === polarity ? 'better' : 'worse';
}

/** Core20 against everyone else: a difference only when the intervals do not overlap. */
export function core20Verdict(core20: Estimate | null, rest: Estimate | null, polarity: Polarity): Core20Verdict {
  return groupVerdict(core20, rest, polarity);
}

/**
 * The most deprived fifth (IMD quintile 1) against the least deprived (quintile 5), from an IMD
 * quintile breakdown's rows, by the same rule as Core20 against the rest.
 */
export function quintileGapVerdict(rows: readonly ({ group: string } & Estimate)[], polarity: Polarity): GroupVerdict {
  const q = (g: string) => rows.find((r) => r.group === g) ?? null;
  return groupVerdict(q('1'), q('5'), polarity);
}

export const core20VerdictLabels: Record<Core20Verdict, string> = {
  worse: 'Worse for Core20',
  better: 'Better for Core20',
  higher: 'Higher for Core20',
  lower: 'Lower for Core20',
  similar: 'No clear difference',
  none: 'Cannot be compared',
};
