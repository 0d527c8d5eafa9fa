// What a report covers: indicators, breakdowns and period, from the query string or a saved
// template, checked against the catalogue.
import { CATALOGUE } from '../../metrics/catalogue/index.ts';
import type { Breakdown, MetricDefinition } from '../../metrics/catalogue/schema.ts';
import * as messages from '../messages.ts';

export const REPORT_BREAKDOWNS = ['imd_quintile', 'ethnic_group', 'age_band_broad', 'age_band', 'sex', 'core20', 'ethnic_category'] as const satisfies readonly Breakdown[];
export type ReportBreakdown = (typeof REPORT_BREAKDOWNS)[number];

export interface ReportSelection {
  indicators: string[];
  breakdowns: ReportBreakdown[];
  from?: string;
  to?: string;
  title?: string;
}

/** The indicators of the statement (completeness indicators have their own section). */
export function statementIndicators(): MetricDefinition[] {
  return CATALOGUE.filter((m) => m.kind !== 'completeness');
}

export const DEFAULT_BOARD: ReportSelection = {
  indicators: ['op-dna-rate', 'rtt-over-18-weeks', 'ae-4-hour', 'maternity-preterm'],
  breakdowns: ['imd_quintile', 'ethnic_group'],
};

export function checkSelection(s: ReportSelection): ReportSelection {
  const known = new Set(statementIndicators().map((m) => m.id));
  const unknown = s.indicators.filter((id) => !known.has(id));
  if (unknown.length) throw messages.unknownIndicators(unknown);
  if (s.indicators.length === 0) throw messages.noIndicators();
  if (s.indicators.length > 40) throw messages.tooManyIndicators();
  if (s.from && s.to && s.from > s.to) throw messages.periodReversed(s.from, s.to);
  return { ...s, indicators: [...new Set(s.indicators)], breakdowns: [...new Set(s.breakdowns)] };
}

/** Breakdown b for metric m, or the nearest one it allows (age bands), or null. */
export function breakdownFor(m: MetricDefinition, b: ReportBreakdown): Breakdown | null {
  if (m.breakdowns.includes(b)) return b;
  if (b === 'age_band_broad' && m.breakdowns.includes('age_band')) return 'age_band';
  if (b === 'age_band' && m.breakdowns.includes('age_band_broad')) return 'age_band_broad';
  return null;
}
