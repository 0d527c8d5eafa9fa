// Chart documents for the completeness page's three charts — the valid-% trend against the
// target with SPC, the records without a valid value by month, and the split by specialty or
// site, worst first — built from the live /api/completeness answer with the web's own specs.
// Always disclosure-controlled: the service is asked without an override.
import type { TopLevelSpec } from 'vega-lite';
import { COMPLETENESS_FIELDS, completenessMetricId, type CompletenessField } from '../../../metrics/catalogue/completeness.ts';
import { findMetric } from '../../../metrics/catalogue/index.ts';
import type { CompletenessResult, Counts } from '../../../metrics/engine/completeness.ts';
import { publicMetric } from '../../../metrics/engine/public-metric.ts';
import { completenessStackSpec } from '../../../core/charts/completeness-stack.ts';
import { trendSpec } from '../../../core/charts/trend.ts';
import { formatDate, formatLongMonth, formatMonth, formatPercent, formatPeriod } from '../../../core/text/format.ts';
import type { MetricsService } from '../../services/metrics-service.ts';
import * as messages from '../../messages.ts';
import { CHART_FONT } from '../fonts.ts';
import { spcSentence } from '../../../core/text/spc-words.ts';
import { disclosureMethod } from '../../../core/disclosure.ts';
import { OGL, type ChartDocument, type ChartDocumentEntry } from './common.ts';
import { COMPLETENESS_CHART_KINDS, type CompletenessChartKind, type CompletenessChartRequest } from './requests.ts';

/** How the page names each field in a sentence ("records with a valid ethnic category"). */
const FIELD_NOUNS: Record<CompletenessField, string> = { ethnicity: 'ethnic category', sex: 'sex', age: 'age', imd: 'deprivation quintile (from LSOA)' };
const BY_LABELS = { specialty: 'Specialty', site: 'Site' } as const;
const BY_PLURALS = { specialty: 'specialties', site: 'sites' } as const;

const TABLE_COUNTS = ['total', 'valid', 'not_stated', 'not_known', 'missing', 'invalid', 'valid_percent', 'lower_95', 'upper_95', 'suppressed'];
const countCells = (c: Counts) => [c.total, c.valid, c.notStated, c.notKnown, c.missing, c.invalid, c.validPercent, c.lower, c.upper, c.suppressed];

function footnotes(r: CompletenessResult, request: CompletenessChartRequest): string[] {
  const noun = FIELD_NOUNS[r.field];
  const method: Record<CompletenessChartKind, string> = {
    'completeness-trend': `Method: Making Data Count XmR chart of the monthly valid share — solid line the mean, dashed lines the process limits (mean ± 2.66 × the average moving range), dotted line the target. Special cause: a point outside the limits, 7 points on one side of the mean, 7 rising or falling, or 2 of 3 near a limit; blue marks improvement, orange concern. Valid shares have 95% Wilson intervals (in the data table).`,
    'completeness-months': `Each bar is the share of one month's records without a valid ${noun}, split into not stated, not known, missing and invalid; the rest of each month is valid.`,
    'completeness-groups': `Each bar is one ${(BY_LABELS[request.by ?? 'specialty']).toLowerCase()}'s records in the period, ordered from the lowest valid share.`,
  };
  return [
    `Source: ${r.datasetTitle} extracts loaded into Parity; data as at ${formatDate(r.dataAsAt)}.`,
    `Valid ${noun}: ${COMPLETENESS_FIELDS[r.field].means}.`,
    `Target: ${formatPercent(r.target, 0)} of records with a valid ${noun} — the trust's own target, set by an administrator under Settings (PARITY_COMPLETENESS_TARGET); there is no national target.`,
    method[request.chart],
    request.chart === 'completeness-trend'
      ? `Disclosure control: ${r.disclosureLabel}. ${disclosureMethod(r.disclosure)} A month whose total is small has no valid share and no point; withheld counts are marked * in the data table.`
      : `Disclosure control: ${r.disclosureLabel}. ${disclosureMethod(r.disclosure)} A withheld count is marked * in the data table and left out of the bars; a month or group whose total is small has no valid share.`,
    OGL,
  ];
}

function table(r: CompletenessResult, chart: CompletenessChartKind): ChartDocument['table'] {
  const tail = [r.target, r.period.from, r.period.to, r.disclosure, r.dataAsAt];
  const tailHeaders = ['target', 'period_from', 'period_to', 'disclosure', 'data_as_at'];
  if (chart === 'completeness-groups') {
    const rows = r.groups.map((g) => [r.dataset, r.field, r.by, g.group, g.label, ...countCells(g), ...tail]);
    rows.push([r.dataset, r.field, r.by, 'overall', 'All records', ...countCells(r.overall), ...tail]);
    return { headers: ['dataset', 'field', 'breakdown', 'group', 'label', ...TABLE_COUNTS, ...tailHeaders], rows };
  }
  const spc = chart === 'completeness-trend' ? r.spc : null;
  const byPeriod = new Map((spc?.points ?? []).map((p) => [p.period, p]));
  const spcHeaders = chart === 'completeness-trend' ? ['spc_mean', 'spc_lower_limit', 'spc_upper_limit', 'spc_signal', 'spc_kind'] : [];
  const rows = r.periods.map((p) => {
    const s = byPeriod.get(p.period);
    const spcCells = chart === 'completeness-trend' ? [spc?.mean ?? null, spc?.lower ?? null, spc?.upper ?? null, s?.signal ?? null, s?.kind ?? null] : [];
    return [r.dataset, r.field, p.period, formatMonth(p.period), ...countCells(p), ...spcCells, ...tail];
  });
  rows.push([r.dataset, r.field, 'overall', 'All months', ...countCells(r.overall), ...spcHeaders.map(() => null), ...tail]);
  return { headers: ['dataset', 'field', 'period', 'label', ...TABLE_COUNTS, ...spcHeaders, ...tailHeaders], rows };
}

const notValid = (c: Counts) => (c.validPercent === null ? 'withheld' : formatPercent(100 - c.validPercent));

/** Builds the document for one completeness chart from the live, disclosure-controlled answer. */
export async function buildCompletenessDocument(metrics: MetricsService, request: CompletenessChartRequest): Promise<ChartDocument> {
  if (request.chart === 'completeness-groups' && !request.by) {
    throw messages.completenessGroupsNeedsBy();
  }
  const r = await metrics.completeness({ dataset: request.dataset, field: request.field, grain: 'month', by: request.chart === 'completeness-groups' ? request.by : null, from: request.from, to: request.to });
  const noun = FIELD_NOUNS[r.field];
  const options = { width: 760, font: CHART_FONT };
  const span = r.periods.length ? `${formatLongMonth(r.periods[0].period)} to ${formatLongMonth(r.periods[r.periods.length - 1].period)}` : formatPeriod(r.period);
  const byLabel = BY_LABELS[request.by ?? 'specialty'];
  let spec: TopLevelSpec;
  let title: string;
  let what: string;
  let alt: string;
  let narrative: string[];
  if (request.chart === 'completeness-trend') {
    // The same points and spec as the page's SpcChart.
    const points = r.periods.map((p) => ({ period: p.period, value: p.validPercent, lower: p.lower ?? null, upper: p.upper ?? null, numerator: p.valid, denominator: p.total }));
    spec = trendSpec({ points, spc: r.spc, unit: { unit: '%' }, yTitle: `Valid ${noun} (%)`, target: r.target, zero: false }, options);
    title = `${r.datasetTitle}: records with a valid ${noun}, by month against the ${formatPercent(r.target, 0)} target`;
    what = 'valid share by month, with statistical process control';
    narrative = [spcSentence(r.spc, { unit: '%' })];
    alt = points.length === 0
      ? 'No monthly figures in this period.'
      : `Statistical process control chart of the share of ${r.datasetTitle.toLowerCase()} records with a valid ${noun}, ${points.length} months from ${span}, against a target of ${formatPercent(r.target, 0)}. ${narrative[0]} Over the period: ${formatPercent(r.overall.validPercent)} valid.`;
  } else if (request.chart === 'completeness-months') {
    const items = r.periods.map((p) => ({ ...p, label: formatMonth(p.period) }));
    spec = completenessStackSpec(items, { ...options, orientation: 'periods', groupTitle: 'Month', withoutValid: true });
    title = `${r.datasetTitle}: records without a valid ${noun}, by month`;
    what = 'records not validly recorded, by month';
    narrative = [`Over the period ${notValid(r.overall)} of records had no valid ${noun}: ${[['not stated', r.overall.notStated], ['not known', r.overall.notKnown], ['missing', r.overall.missing], ['invalid', r.overall.invalid]].map(([k, v]) => `${v === null ? '*' : Number(v).toLocaleString('en-GB')} ${k}`).join(', ')}.`];
    alt = `Stacked bars of the share of ${r.datasetTitle.toLowerCase()} records with ${noun} not stated, not known, missing or invalid, for each of ${items.length} months from ${span}. ${items.map((i) => `${i.label}: ${notValid(i)} not valid`).join('; ')}.`;
  } else {
    spec = completenessStackSpec(r.groups, { ...options, groupTitle: byLabel });
    title = `${r.datasetTitle}: ${noun} recording by ${byLabel.toLowerCase()}, worst first`;
    const groupsNoun = r.groups.length === 1 ? byLabel.toLowerCase() : BY_PLURALS[request.by ?? 'specialty'];
    what = `${r.groups.length} ${groupsNoun}`;
    const worst = r.groups[0];
    narrative = worst ? [`Lowest valid share: ${worst.label} at ${formatPercent(worst.validPercent)}, against a target of ${formatPercent(r.target, 0)}; ${r.groups.filter((g) => g.validPercent !== null && g.validPercent < r.target).length} of ${r.groups.length} below it.`] : [`No ${byLabel.toLowerCase()} is recorded on these records.`];
    alt = `Stacked bars of valid, not stated, not known, missing and invalid ${noun} for ${r.groups.length} ${groupsNoun}, ${formatPeriod(r.period)}, lowest valid share first. ${r.groups.map((g) => `${g.label}: ${g.validPercent === null ? 'withheld' : `${formatPercent(g.validPercent)} valid`}`).join('; ')}.`;
  }
  const metric = findMetric(completenessMetricId(r.field, r.dataset));
  if (!metric) throw messages.noCompletenessIndicator(r.field, r.dataset);
  const kindSlug = { 'completeness-trend': 'trend', 'completeness-months': 'by-month', 'completeness-groups': `by-${request.by}` }[request.chart];
  return {
    format: 1,
    kind: request.chart,
    request: { ...request, by: request.chart === 'completeness-groups' ? request.by : null, title: request.title ?? null },
    title: request.title || title,
    subtitle: [[r.datasetTitle, `${COMPLETENESS_FIELDS[r.field].label} recording`, what, span].join(' · ')],
    footnotes: footnotes(r, request),
    alt,
    narrative,
    spec,
    table: table(r, request.chart),
    fileName: [r.dataset.replaceAll('_', '-'), `${r.field}-completeness`, kindSlug, r.period.from.slice(0, 7), r.period.to.slice(0, 7)].join('_'),
    metric: publicMetric(metric),
    disclosure: r.disclosure,
    disclosureLabel: r.disclosureLabel,
    dataAsAt: r.dataAsAt,
    period: r.period,
    result: r,
  };
}

export const completenessDocuments: ChartDocumentEntry<CompletenessChartRequest> = {
  kinds: COMPLETENESS_CHART_KINDS,
  subject: 'completeness',
  fromBody: (b) => ({
    chart: b.chart as CompletenessChartRequest['chart'],
    dataset: b.dataset!,
    field: b.field ?? 'ethnicity',
    // A completeness chart splits by specialty or site, or not at all.
    by: b.by === 'specialty' || b.by === 'site' ? b.by : null,
    from: b.from,
    to: b.to,
    title: b.title ?? null,
  }),
  build: buildCompletenessDocument,
  // Filed under its completeness indicator, and under its specialty/site split.
  filedUnder: (_request, doc) => [doc.request.by ?? 'overall', null],
};
