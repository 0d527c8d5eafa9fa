// One indicator broken down by one (or two) dimensions over one period: the result object of
// docs/interfaces.md, with intervals, comparisons, the deprivation gap and disclosure applied.
import type { Session } from '../../db/database.ts';
import type { Breakdown, MetricDefinition } from '../catalogue/schema.ts';
import { absoluteGap, DISCLOSURE_LABELS, rateRatio, relativeGap, sii, type DisclosureProfile } from '../statistics/index.ts';
import { isUnknownGroup, sortGroups, specFor, type BreakdownSpec } from './dimensions.ts';
import type { PlusGroup } from './plus-groups.ts';
import { compileProportionBreakdowns, toSql } from './compile/index.ts';
import { computeCells, computeCellsWithKnown } from './compute.ts';
import { discloseBreakdown, discloseCells, type DisclosedCell } from './disclosure.ts';
import { estimateCells, type Cell } from './estimate.ts';
import { periodFor, type Period } from './period.ts';
import { benchmarksFor } from './benchmarks.ts';
import { publicMetric } from './public-metric.ts';
import type { BreakdownResult, Gap, ResultRow } from './result-types.ts';
import { type NotComputableState, notComputable } from './computability.ts';

/** The note on a result with cells withheld only to protect a small one. */
export const SECONDARY_NOTE = 'Some figures marked † are withheld although their numbers are not small (secondary suppression), so that a small group cannot be worked out by subtracting the others from the total.';

export interface BreakdownRequest {
  by: Breakdown;
  by2: Breakdown | null;
  from?: string;
  to?: string;
  specialty: string | null;
  site: string | null;
  /** Restrict to one PLUS group's members. */
  plus?: string | null;
  level: number;
}

export interface EngineSettings {
  disclosure: DisclosureProfile;
  /** Ethnic category ratios are taken against (default A, White British). */
  referenceEthnicCategory: string;
  /** Simulation draws for the SII/RII intervals. */
  siiReps: number;
  /** Locally configured PLUS groups. */
  plusGroups: PlusGroup[];
}

/** Groups compared in ratios: the reference ethnic category, or its five-group roll-up. */
function referenceGroup(by: Breakdown, settings: EngineSettings): string | null {
  if (by === 'ethnic_category') return settings.referenceEthnicCategory;
  if (by === 'ethnic_group') return 'White';
  return null;
}

/** Higher or lower than the trust only when the intervals do not overlap (docs/methods.md, "Comparisons"), as published. */
export function compare(cell: DisclosedCell, overall: DisclosedCell): ResultRow['comparison'] {
  if (cell.lower === null || cell.upper === null || overall.lower === null || overall.upper === null) return null;
  if (cell.lower > overall.upper) return 'higher';
  if (cell.upper < overall.lower) return 'lower';
  return 'similar';
}

function ratioOf(cell: DisclosedCell, reference: DisclosedCell | undefined, metric: MetricDefinition, level: number): ResultRow['ratio'] {
  const kind = metric.statistic === 'percentage' ? 'proportion' : metric.statistic === 'crude-rate' ? 'rate' : null;
  if (!reference || reference.suppressed || !kind || cell.numerator === null || reference.numerator === null) return null;
  if (!cell.denominator || !reference.denominator || cell.numerator === 0 || reference.numerator === 0) return null;
  const r = rateRatio(cell.numerator, cell.denominator, reference.numerator, reference.denominator, kind, level);
  return { value: r.value, lower: r.lower, upper: r.upper };
}

/**
 * Q1–Q5 gap and the slope and relative indices of inequality across the quintiles, all most minus
 * (or over) least deprived, from the published figures. `limits95` are the quintiles at 95%: as
 * phe_sii, the simulation takes each quintile's se from its 95% limits whatever the level asked for.
 */
export function deprivationGap(quintiles: DisclosedCell[], metric: MetricDefinition, level: number, reps: number, limits95: DisclosedCell[] = quintiles): Gap | null {
  const byQuintile = (q: string) => quintiles.find((c) => c.g1 === q && !c.suppressed);
  const q1 = byQuintile('1');
  const q5 = byQuintile('5');
  const visible = (q: string) => byQuintile(q)?.value != null;
  if (!q1 || !q5 || q1.value === null || q5.value === null) return null;
  const gap: Gap = {
    absolute: absoluteGap(q1.value, q5.value),
    relative: q5.value === 0 ? null : relativeGap(q1.value, q5.value),
    sii: null, siiLower: null, siiUpper: null, rii: null, riiLower: null, riiUpper: null,
  };
  const five = ['1', '2', '3', '4', '5'].map(byQuintile);
  const usable = five.every((c, i) => c && visible(String(i + 1)) && c.value !== null && c.lower !== null && c.upper !== null && (c.denominator ?? 0) > 0);
  if (!usable) return gap;
  const transform = metric.statistic === 'percentage' ? 'logit' : metric.statistic === 'median' ? 'none' : 'log';
  const at95 = five.map((c) => limits95.find((x) => x.g1 === c!.g1 && !x.total));
  if (at95.some((c) => !c || c.lower === null || c.upper === null)) return gap;
  const quantiles = five.map((c, i) => ({ value: c!.value!, lower: at95[i]!.lower!, upper: at95[i]!.upper!, denominator: c!.denominator! }));
  const okForTransform = transform === 'none' || quantiles.every((q) => q.lower > 0 && (transform !== 'logit' || q.upper < metric.multiplier));
  const result = sii(quantiles, { level, limitsLevel: 95, reps, seed: 1, transform: okForTransform ? transform : 'none', multiplier: metric.multiplier, orientation: 'most-minus-least' });
  return { ...gap, ...result };
}

function toRow(cell: DisclosedCell, by: BreakdownSpec, by2: BreakdownSpec | null, comparison: ResultRow['comparison'], ratio: ResultRow['ratio'] | undefined): ResultRow {
  const row: ResultRow = {
    group: cell.g1!,
    label: by.label(cell.g1!),
    numerator: cell.numerator,
    denominator: cell.denominator,
    value: cell.value,
    lower: cell.lower,
    upper: cell.upper,
    method: cell.method,
    suppressed: cell.suppressed,
    suppression: cell.suppression,
    comparison: cell.suppressed ? null : comparison,
  };
  if (by2) Object.assign(row, { group2: cell.g2!, label2: by2.label(cell.g2!) });
  if (ratio !== undefined) row.ratio = cell.suppressed ? null : ratio;
  return row;
}

export async function dataAsAt(session: Session, dataset: string): Promise<string | null> {
  const [row] = await session.all<{ at: string | null }>(
    `SELECT strftime(max(uploaded_at), '%Y-%m-%dT%H:%M:%SZ') AS at FROM extracts WHERE dataset = $dataset AND status = 'loaded'`,
    { dataset },
  );
  return row?.at ?? null;
}

export function notesFor(metric: MetricDefinition, by: Breakdown, cells: Cell[], disclosed: DisclosedCell[]): string[] {
  const notes: string[] = [];
  if (['imd_quintile', 'imd_decile', 'core20'].includes(by)) {
    notes.push('Deprivation from the English Indices of Deprivation: IoD2025 for 2021 LSOAs, IoD2019 for 2011-only LSOAs. Quintile 1 is the most deprived 20% of areas in England.');
  }
  if (metric.statistic === 'dsr') notes.push('Rates are directly standardised to the 2013 European Standard Population; records with an unknown age are left out.');
  if (metric.computation.type === 'population-rate') notes.push('Denominators come from the loaded catchment population, as person-years at risk in the period.');
  if (metric.census) notes.push(metric.kind === 'external' ? 'Published values for the latest publication period in the range.' : 'Counts are for the latest census date in the period.');
  if (metric.computation.type === 'population-rate' && cells.some((c) => !c.total && c.reason === 'no population denominator for this group')) {
    notes.push('Group rates count only events with the group recorded: events with an unknown group have no population to divide by, so the trust rate can sit above every group. Compare groups with each other rather than with the trust.');
  }
  const withheld = [...new Set(cells.map((c) => c.reason).filter((r): r is string => r !== null))];
  if (disclosed.some((c) => c.suppression === 'secondary')) notes.push(SECONDARY_NOTE);
  for (const reason of withheld) notes.push(`Some values are not shown: ${reason}.`);
  if (cells.some((c) => !c.total && c.g1 && isUnknownGroup(c.g1))) notes.push('Records with unknown or unrecorded values are shown in their own groups so that every record is counted.');
  return notes;
}

export async function computeBreakdown(session: Session, metric: MetricDefinition, request: BreakdownRequest, settings: EngineSettings): Promise<BreakdownResult> {
  const period: Period = await periodFor(session, metric, { from: request.from, to: request.to });
  const blocked = await notComputable(session, metric);
  if (blocked) return withoutFigures(assembleBreakdown(metric, request, period, [], settings, await dataAsAt(session, metric.dataset), []), blocked);
  const compute = { ...request, ...period, grain: 'all' as const, plusGroups: settings.plusGroups };
  const { cells, known } = await computeCellsWithKnown(session, metric, compute, request.level);
  // The SII's simulation needs each quintile's 95% limits, whatever the level shown.
  const sii95 = request.by === 'imd_quintile' && !request.by2 && request.level !== 95 ? await computeCells(session, metric, compute, 95) : cells;
  const result = assembleBreakdown(metric, request, period, cells, settings, await dataAsAt(session, metric.dataset), sii95);
  return withBenchmarks(session, metric, request, known ? { ...result, overallKnown: knownFigure(metric, known, settings, request.level) } : result);
}

/** The known-records rate under the same disclosure control as the overall, with the unknown events it leaves out. */
function knownFigure(metric: MetricDefinition, known: Cell & { unknownEvents: number }, settings: EngineSettings, level: number): NonNullable<BreakdownResult['overallKnown']> {
  const [figure] = discloseCells(metric, [known], { total: null }, settings.disclosure, level);
  const [unknown] = discloseCells(metric, [{ ...known, numerator: known.unknownEvents }], { total: null }, settings.disclosure, level);
  return {
    numerator: figure.numerator,
    denominator: figure.denominator,
    value: figure.value,
    lower: figure.lower,
    upper: figure.upper,
    suppressed: figure.suppressed,
    unknownEvents: unknown.suppressed ? null : unknown.numerator,
  };
}

/** What the trust's figure leaves out, when a filter makes it other than the indicator's definition. */
export function filterOf(request: { specialty: string | null; site: string | null; plus?: string | null }): string | null {
  if (request.specialty) return `specialty ${request.specialty}`;
  if (request.site) return `site ${request.site}`;
  if (request.plus) return `the PLUS group ${request.plus}`;
  return null;
}

async function withBenchmarks(session: Session, metric: MetricDefinition, request: BreakdownRequest, result: BreakdownResult): Promise<BreakdownResult> {
  const benchmarks = await benchmarksFor(session, metric, result.period, result.overall, { by: request.by2 ? 'overall' : request.by, filter: filterOf(request) });
  return { ...result, benchmarks };
}

/** A result that says why there is no figure: no rows, no gap, no counts, the reason in the notes. */
function withoutFigures(result: BreakdownResult, blocked: NotComputableState): BreakdownResult {
  const overall = { ...result.overall, numerator: null, denominator: null, value: null, lower: null, upper: null, suppressed: false };
  return { ...result, overall, rows: [], reference: null, gap: null, notes: [blocked.message], notComputable: blocked };
}

/**
 * Several one-way breakdowns of one indicator, as a page shows them. For proportions they come
 * from one scan (a grouping set each), which at 10M rows is faster than one query per breakdown.
 */
export async function computeBreakdowns(
  session: Session,
  metric: MetricDefinition,
  request: Omit<BreakdownRequest, 'by' | 'by2'>,
  bys: Breakdown[],
  settings: EngineSettings,
): Promise<BreakdownResult[]> {
  const period: Period = await periodFor(session, metric, { from: request.from, to: request.to });
  const asOf = await dataAsAt(session, metric.dataset);
  const split: Breakdown[] = bys.filter((by) => by !== 'overall');
  if (metric.computation.type !== 'proportion' || split.length < 2 || (await notComputable(session, metric))) {
    const results: BreakdownResult[] = [];
    for (const by of bys) results.push(await computeBreakdown(session, metric, { ...request, by, by2: null }, settings));
    return results;
  }
  const compute = { ...request, ...period, grain: 'all' as const, plusGroups: settings.plusGroups };
  const query = compileProportionBreakdowns(metric, compute, split);
  const rows = await session.all<Record<string, unknown>>(toSql(query), query.params);
  const totals = rows.filter((r) => Number(r.dim) === -1);
  const assembled = bys.map((by) => {
    const dim = split.indexOf(by);
    // `overall` has one group, the total itself.
    const own: Record<string, unknown>[] = dim === -1 ? [...totals.map((r) => ({ ...r, g1: 'All', g2: 'All', total: false })), ...totals] : [...rows.filter((r) => Number(r.dim) === dim), ...totals];
    const cells = estimateCells(metric, own, request.level);
    return assembleBreakdown(metric, { ...request, by, by2: null }, period, cells, settings, asOf, request.level === 95 ? cells : estimateCells(metric, own, 95));
  });
  const results: BreakdownResult[] = [];
  for (const [i, result] of assembled.entries()) results.push(await withBenchmarks(session, metric, { ...request, by: bys[i], by2: null }, result));
  return results;
}

/** The result object from computed cells: disclosure, comparisons, ratios, gap and notes. */
function assembleBreakdown(metric: MetricDefinition, request: BreakdownRequest, period: Period, cells: Cell[], settings: EngineSettings, asOf: string | null, cells95: Cell[]): BreakdownResult {
  const spec = specFor(request.by, settings.plusGroups);
  const spec2 = request.by2 ? specFor(request.by2, settings.plusGroups) : null;
  const totalCell = cells.find((c) => c.total) ?? emptyTotal(metric);
  const detail = cells.filter((c) => !c.total);
  const { detail: disclosed, total: overall } = discloseBreakdown(metric, detail, totalCell, settings.disclosure, request.level, request.by2 ? crossTabMargins(detail) : undefined);

  // The 95% limits the SII needs, from the same published counts (the same cells are withheld: the plan depends on the counts alone).
  const published95 = () => {
    if (request.level === 95) return disclosed;
    const detail95 = detail.map((c) => cells95.find((x) => !x.total && x.g1 === c.g1 && x.g2 === c.g2) ?? c);
    return discloseBreakdown(metric, detail95, totalCell, settings.disclosure, 95).detail;
  };

  const reference = referenceGroup(request.by, settings);
  const referenceCell = reference && !request.by2 ? disclosed.find((c) => c.g1 === reference) : undefined;
  const rows = sortRows(
    disclosed.map((cell) =>
      toRow(cell, spec, spec2, compare(cell, overall), reference && !request.by2 ? ratioOf(cell, referenceCell, metric, request.level) : undefined),
    ),
    spec,
    spec2,
  );

  return {
    metric: publicMetric(metric),
    by: request.by,
    by2: request.by2,
    period,
    level: request.level,
    disclosure: settings.disclosure,
    disclosureLabel: DISCLOSURE_LABELS[settings.disclosure],
    dataAsAt: asOf,
    filters: { specialty: request.specialty, site: request.site },
    overall: {
      numerator: overall.numerator,
      denominator: overall.denominator,
      value: overall.value,
      lower: overall.lower,
      upper: overall.upper,
      method: overall.method,
      suppressed: overall.suppressed,
      suppression: overall.suppression,
    },
    rows,
    reference: referenceCell ? { group: reference!, label: spec.label(reference!) } : null,
    gap: request.by === 'imd_quintile' && !request.by2 ? deprivationGap(disclosed, metric, request.level, settings.siiReps, published95()) : null,
    notes: notesFor(metric, request.by, cells, [...disclosed, overall]),
    benchmarks: [],
    notComputable: null,
  };
}

/**
 * A cross-tab's rows and columns: their totals are the one-way breakdowns, published on their
 * own, so a withheld cell must not be recoverable from its row or column either.
 */
function crossTabMargins(detail: Cell[]): number[][] {
  const groups = (key: 'g1' | 'g2') => {
    const byKey = new Map<string | null, number[]>();
    detail.forEach((c, i) => byKey.set(c[key], [...(byKey.get(c[key]) ?? []), i]));
    return [...byKey.values()];
  };
  return [...groups('g1'), ...groups('g2')];
}

/** Display order: by the first breakdown, then (in a cross-tab) the second. */
function sortRows(rows: ResultRow[], by: BreakdownSpec, by2: BreakdownSpec | null): ResultRow[] {
  const sorted = sortGroups(by, rows);
  if (!by2) return sorted;
  const order1 = by.order;
  const order2 = by2.order;
  return sorted.sort((a, b) => order1(a.group) - order1(b.group) || a.label.localeCompare(b.label) || order2(a.group2!) - order2(b.group2!));
}

function emptyTotal(metric: MetricDefinition): Cell {
  return { period: 'all', g1: null, g2: null, total: true, numerator: 0, denominator: 0, value: null, lower: null, upper: null, method: metric.statistic, reason: 'no data in the period' };
}
