// The chart document for the specialty page's dot plot: one indicator for every specialty, sorted,
// with the chosen specialty highlighted and the trust overall dashed — built from the live,
// disclosure-controlled breakdown by specialty with the web's own spec.
import { TREATMENT_FUNCTIONS } from '../../../core/codes/treatment-functions.ts';
import type { BreakdownResult as WebBreakdownResult } from '../../../core/contracts/results.ts';
import { specialtyDotPlotSpec } from '../../../core/charts/specialty-dot-plot.ts';
import { assess, assessmentLabels } from '../../../core/text/compare.ts';
import { describeBreakdown, list } from '../../../core/text/describe.ts';
import { formatInterval, formatPeriod, formatValue } from '../../../core/text/format.ts';
import type { BreakdownResult } from '../../../metrics/engine/result-types.ts';
import type { MetricsService } from '../../services/metrics-service.ts';
import { CHART_FONT } from '../fonts.ts';
import { breakdownTable, commonFootnotes, month, type ChartDocument, type ChartDocumentEntry } from './common.ts';
import { SPECIALTY_CHART_KIND, type SpecialtyChartRequest } from './requests.ts';

const specialties = (n: number) => `${n} ${n === 1 ? 'specialty' : 'specialties'}`;

/** "General Surgery (100)": the national name where the code is known, else the row's label. */
function specialtyName(code: string, r: BreakdownResult): string {
  const known = TREATMENT_FUNCTIONS[code];
  if (known) return `${known} (${code})`;
  const row = r.rows.find((x) => x.group === code);
  return row ? row.label : `Treatment function ${code}`;
}

/** CI-gated sentences: the chosen specialty against the trust, its rank, and how many differ. */
function narrativeOf(r: BreakdownResult, code: string, name: string): string[] {
  const web: WebBreakdownResult = r;
  const row = web.rows.find((x) => x.group === code);
  const shown = web.rows.filter((x) => !x.suppressed && x.value !== null).sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  const out: string[] = [];
  if (!row) out.push(`${name} has no records for this indicator in ${formatPeriod(r.period)}.`);
  else if (row.suppressed) out.push(`${name} is suppressed because its numbers are small, so it is not drawn.`);
  else {
    // The server's comparison is CI-gated: higher or lower only when the intervals do not overlap.
    const [difference] = describeBreakdown({ ...web, rows: [{ ...row, label: name }] }).differences;
    const value = `${formatValue(row.value, r.metric)} (${r.level}% interval ${formatInterval(row.lower, row.upper, r.metric)})`;
    out.push(difference ?? (row.comparison === 'similar'
      ? `${name}: ${value} — no clear difference from the trust overall of ${formatValue(r.overall.value, r.metric)}; the intervals overlap.`
      : `${name}: ${value}; not compared with the trust overall (no interval).`));
    const rank = shown.findIndex((x) => x.group === code) + 1;
    out.push(`${name} ranks ${rank} of the ${specialties(shown.length)} drawn, counting from the highest; a rank alone is no evidence of a difference.`);
  }
  const higher = shown.filter((x) => x.comparison === 'higher').length;
  const lower = shown.filter((x) => x.comparison === 'lower').length;
  out.push(higher + lower === 0
    ? `No specialty differs clearly from the trust overall: every interval overlaps the trust's.`
    : `Of the ${specialties(shown.length)} drawn, ${higher} ${higher === 1 ? 'is' : 'are'} higher and ${lower} lower than the trust overall, with intervals that do not overlap; the rest show no clear difference.`);
  const suppressed = web.rows.filter((x) => x.suppressed).map((x) => x.label);
  if (suppressed.length) out.push(`Suppressed because the numbers are small, and not drawn: ${list(suppressed)}.`);
  return out;
}

/** Builds the document for the specialty comparison from the live, disclosure-controlled breakdown by specialty. */
export async function buildSpecialtyDocument(metrics: MetricsService, request: SpecialtyChartRequest): Promise<ChartDocument> {
  const level = request.level ?? 95;
  const code = request.specialty;
  const r = await metrics.breakdown(request.metric, { by: 'specialty', by2: null, from: request.from, to: request.to, specialty: null, site: null, level });
  const web: WebBreakdownResult = r;
  const name = specialtyName(code, r);
  const spec = specialtyDotPlotSpec(web, code, { width: 760, font: CHART_FONT });
  const narrative = narrativeOf(r, code, name);
  const shown = r.rows.filter((x) => !x.suppressed && x.value !== null);
  const overall = r.overall.suppressed || r.overall.value === null ? null : r.overall;
  const alt = [
    `Dot chart of ${r.metric.title} for ${specialties(shown.length)}, ${formatPeriod(r.period)}, highest first, each with its ${r.level}% confidence interval; ${name} is the large highlighted dot with its label in bold${overall ? `; the dashed line is the trust overall, ${formatValue(overall.value, r.metric)} (${formatInterval(overall.lower, overall.upper, r.metric)})` : ''}.`,
    ...[...shown].sort((a, b) => (b.value ?? 0) - (a.value ?? 0)).map((x) => `${x.label}: ${formatValue(x.value, r.metric)} (${formatInterval(x.lower, x.upper, r.metric)}), ${assessmentLabels[assess(x, r.metric.polarity)].toLowerCase()}.`),
    ...narrative.filter((s) => s.startsWith(name) || s.startsWith('Suppressed')),
  ].join(' ');
  const footnotes = commonFootnotes(r.metric, r, `Method: ${r.metric.method}, ${r.level}% confidence intervals (lines); ${name} highlighted${overall ? `; dashed line: trust overall, ${formatValue(overall.value, r.metric)}` : ''}. A specialty is called higher or lower than the trust overall only where the intervals do not overlap.`)
    .filter((n) => !n.startsWith('Deprivation from the English Indices'));
  footnotes.splice(footnotes.length - 1, 0, 'Specialties whose figures are suppressed for small numbers are not drawn; they are listed in the data table, marked suppressed.');
  return {
    format: 1,
    kind: SPECIALTY_CHART_KIND,
    request: { ...request, level, title: request.title ?? null },
    title: request.title || `${r.metric.title}: ${name} among ${specialties(r.rows.length)}`,
    subtitle: [[`${r.metric.title} (${r.metric.unit})`, `every specialty, ${name} highlighted`, formatPeriod(r.period)].join(' · ')],
    footnotes,
    alt,
    narrative,
    spec,
    table: breakdownTable(r),
    fileName: [r.metric.id, 'by-specialty', `tf-${code}-highlighted`, month(r.period.from), month(r.period.to)].join('_'),
    metric: r.metric,
    disclosure: r.disclosure,
    disclosureLabel: r.disclosureLabel,
    dataAsAt: r.dataAsAt,
    period: r.period,
    result: r,
  };
}

export const specialtyDocuments: ChartDocumentEntry<SpecialtyChartRequest> = {
  kinds: [SPECIALTY_CHART_KIND],
  subject: 'indicator',
  fromBody: (b) => ({ metric: b.metric!, chart: SPECIALTY_CHART_KIND, by: 'specialty', specialty: b.specialty!, from: b.from, to: b.to, level: b.level ?? 95, title: b.title ?? null }),
  build: buildSpecialtyDocument,
  // Filed under the breakdown by specialty.
  filedUnder: () => ['specialty', null],
};
