// How completely a dataset records each demographic field: valid / not stated / not known /
// missing / invalid, per period and per specialty or site, with SPC against a local target.
import { DATASETS, findDataset } from '../../core/datasets/index.ts';
import type { Session } from '../../db/database.ts';
import { ident } from '../../db/sql.ts';
import type { CompletenessField } from '../catalogue/completeness.ts';
import { DISCLOSURE_LABELS, protectTable, roundCount, roundingReach, wilson, type Additivity, type DisclosureProfile, type TableCell } from '../statistics/index.ts';
import { dataAsAt } from './breakdown.ts';
import { BREAKDOWN_SPECS, keyExpression } from './dimensions.ts';
import { resolvePeriod } from './period.ts';
import { spcOf } from './series.ts';
import type { SpcView } from './result-types.ts';

/** Status of each field as one of five recording outcomes (docs/data-model.md). */
export const STATUS_SQL: Record<CompletenessField, string> = {
  ethnicity: 'ethnicity_status',
  sex: `CASE WHEN list_contains(dq_flags, 'sex') THEN 'invalid' WHEN sex IN ('1', '2', '9') THEN 'valid'
    WHEN sex = 'X' THEN 'not_known' ELSE 'missing' END`,
  age: `CASE WHEN age IS NOT NULL THEN 'valid' WHEN list_contains(dq_flags, 'age') THEN 'invalid' ELSE 'missing' END`,
  imd: `CASE WHEN imd_quintile IS NOT NULL THEN 'valid' WHEN list_contains(dq_flags, 'lsoa_code') THEN 'invalid'
    WHEN lsoa_code IS NOT NULL THEN 'not_known' ELSE 'missing' END`,
};

/**
 * Counts are null where disclosure control withholds them (`suppressed` when the total is small;
 * `secondary` names the counts withheld only so that a small one cannot be worked out from the
 * others and the total).
 */
export interface Counts {
  total: number | null;
  valid: number | null;
  notStated: number | null;
  notKnown: number | null;
  missing: number | null;
  invalid: number | null;
  validPercent: number | null;
  lower: number | null;
  upper: number | null;
  suppressed: boolean;
  secondary: CountKey[];
}

export interface CompletenessRequest {
  dataset: string;
  field: CompletenessField;
  grain: 'month' | 'quarter';
  by: 'specialty' | 'site' | null;
  from?: string;
  to?: string;
}

export interface CompletenessResult {
  dataset: string;
  datasetTitle: string;
  field: CompletenessField;
  grain: 'month' | 'quarter';
  by: 'specialty' | 'site' | null;
  period: { from: string; to: string };
  target: number;
  disclosure: DisclosureProfile;
  disclosureLabel: string;
  /** When the dataset's newest loaded extract arrived (the footnote of a chart or file). */
  dataAsAt: string | null;
  overall: Counts;
  periods: (Counts & { period: string })[];
  groups: (Counts & { group: string; label: string })[];
  spc: SpcView | null;
}

const STATUS_KEY = { valid: 'valid', not_stated: 'notStated', not_known: 'notKnown', missing: 'missing', invalid: 'invalid' } as const;

const COUNT_KEYS = ['total', 'valid', 'notStated', 'notKnown', 'missing', 'invalid'] as const;
type CountKey = (typeof COUNT_KEYS)[number];
type Tally = Record<CountKey, number>;

function tallyOf(rows: { status: string; n: number }[]): Tally {
  const tally = { total: 0, valid: 0, notStated: 0, notKnown: 0, missing: 0, invalid: 0 };
  for (const r of rows) {
    tally[STATUS_KEY[r.status as keyof typeof STATUS_KEY]] += r.n;
    tally.total += r.n;
  }
  return tally;
}

/**
 * The disclosure profile over every count of one result at once: each row's statuses add up to
 * its total, and (`columns`) the rows listed add up to another row count by count (periods or
 * groups to the overall). A count withheld as small is 1 to the threshold to a reader. Shown
 * counts are rounded and the share valid and its interval come from the rounded counts.
 */
export function discloseTallies(tallies: Tally[], columns: { total: number; parts: number[] }[], profile: DisclosureProfile): Counts[] {
  const cell = (row: number, key: CountKey) => row * COUNT_KEYS.length + COUNT_KEYS.indexOf(key);
  const cells: TableCell[] = tallies.flatMap((t) => COUNT_KEYS.map((k) => ({ counts: [t[k]] })));
  const statuses = COUNT_KEYS.filter((k) => k !== 'total');
  const sums: Additivity[] = [
    ...tallies.map((_, r) => ({ total: cell(r, 'total'), parts: statuses.map((k) => cell(r, k)) })),
    ...columns.flatMap((c) => COUNT_KEYS.map((k) => ({ total: cell(c.total, k), parts: c.parts.map((p) => cell(p, k)) }))),
  ];
  // The interval test only: a lone small status (3 not stated of 98) is left 1–7 by subtraction,
  // and withholding the valid count beside it would take the share away from nearly every row.
  const plan = protectTable(cells, sums, profile, { smallRange: (_, largest) => [1, largest], loneRule: false });
  return tallies.map((t, r) => {
    const suppressed = plan[cell(r, 'total')] === 'small';
    const shown = (k: CountKey) => !suppressed && plan[cell(r, k)] === null;
    const counts = { validPercent: null, lower: null, upper: null, suppressed, secondary: [] } as unknown as Counts;
    for (const k of COUNT_KEYS) counts[k] = shown(k) ? roundCount(t[k], profile) : null;
    counts.secondary = suppressed ? [] : COUNT_KEYS.filter((k) => plan[cell(r, k)] === 'secondary');
    if (counts.total !== null && counts.total > 0 && counts.valid !== null) {
      const w = wilson(counts.valid, counts.total);
      Object.assign(counts, { validPercent: w.value, lower: w.lower, upper: w.upper });
    }
    return counts;
  });
}

/** Patient-level datasets with a period column: those whose demographics can be complete. */
export function completenessDatasets() {
  return DATASETS.filter((d) => d.patientLevel && d.periodColumn);
}

export async function computeCompleteness(session: Session, request: CompletenessRequest, target: number, profile: DisclosureProfile): Promise<CompletenessResult> {
  const dataset = findDataset(request.dataset)!;
  const table = ident(dataset.id);
  const column = ident(dataset.periodColumn!);
  const [{ latest }] = await session.all<{ latest: string | null }>(`SELECT strftime(max(${column})::DATE, '%Y-%m-%d') AS latest FROM ${table}`);
  const period = resolvePeriod({ from: request.from, to: request.to }, latest, 36);
  const group = request.by ? keyExpression(BREAKDOWN_SPECS[request.by]) : `'All'`;
  const rows = await session.all<{ period: string | null; grp: string | null; status: string; n: number }>(
    `SELECT strftime(date_trunc('${request.grain}', ${column}), '%Y-%m-%d') AS period, ${group} AS grp, ${STATUS_SQL[request.field]} AS status, count(*)::INTEGER AS n
     FROM ${table}
     WHERE ${column} >= $from::DATE AND ${column} < $to::DATE + 1
     GROUP BY GROUPING SETS ((period, status), (grp, status), (status))`,
    { from: period.from, to: period.to },
  );
  const periodRows = rows.filter((r) => r.period !== null);
  const groupRows = rows.filter((r) => r.period === null && r.grp !== null);
  const totalRows = rows.filter((r) => r.period === null && r.grp === null);

  const periodKeys = [...new Set(periodRows.map((r) => r.period!))].sort();
  const groupKeys = request.by ? [...new Set(groupRows.map((r) => r.grp!))] : [];
  // One table: the overall, then the periods, then the groups; both add up to the overall.
  const tallies = [
    tallyOf(totalRows),
    ...periodKeys.map((p) => tallyOf(periodRows.filter((r) => r.period === p))),
    ...groupKeys.map((g) => tallyOf(groupRows.filter((r) => r.grp === g))),
  ];
  const rowsOf = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);
  const columns = [{ total: 0, parts: rowsOf(1, periodKeys.length) }, ...(groupKeys.length ? [{ total: 0, parts: rowsOf(1 + periodKeys.length, groupKeys.length) }] : [])];
  const [overall, ...rest] = discloseTallies(tallies, columns, profile);
  const periods = periodKeys.map((p, i) => ({ period: p, ...rest[i] }));
  const groups = groupKeys
    .map((g, i) => ({ group: g, label: BREAKDOWN_SPECS[request.by!].label(g), ...rest[periodKeys.length + i] }))
    .sort((a, b) => (a.validPercent ?? 0) - (b.validPercent ?? 0));
  return {
    dataset: dataset.id,
    datasetTitle: dataset.title,
    field: request.field,
    grain: request.grain,
    by: request.by,
    period,
    target,
    overall,
    disclosure: profile,
    disclosureLabel: DISCLOSURE_LABELS[profile],
    dataAsAt: await dataAsAt(session, dataset.id),
    periods,
    groups,
    spc: spcOf(
      periods.map((p) => ({
        period: p.period,
        value: p.validPercent,
        reach: p.validPercent === null || p.valid === null || p.total === null ? 0 : roundingReach(p.validPercent, p.valid, p.total, profile, 100),
      })),
      'higher',
      target,
    ),
  };
}

/**
 * Latest twelve months of every dataset and field, for the summary table: each dataset's own
 * twelve months to its latest record, by date (a datetime column counts whole days), with the
 * period it covers so the table can say so.
 */
export async function completenessSummary(session: Session, profile: DisclosureProfile) {
  const rows: (Counts & { dataset: string; datasetTitle: string; field: CompletenessField; period: { from: string; to: string } })[] = [];
  for (const dataset of completenessDatasets()) {
    const column = ident(dataset.periodColumn!);
    const fields = Object.keys(STATUS_SQL) as CompletenessField[];
    const selects = fields.map(
      (f) => `SELECT '${f}' AS field, ${STATUS_SQL[f]} AS status, count(*)::INTEGER AS n FROM recent GROUP BY ALL`,
    );
    const [span] = await session.all<{ from: string | null; to: string | null }>(
      `SELECT strftime((max(${column})::DATE - INTERVAL 12 MONTH)::DATE + 1, '%Y-%m-%d') AS "from", strftime(max(${column})::DATE, '%Y-%m-%d') AS "to" FROM ${ident(dataset.id)}`,
    );
    if (!span?.from || !span.to) continue;
    const result = await session.all<{ field: CompletenessField; status: string; n: number }>(
      `WITH recent AS (
         SELECT * FROM ${ident(dataset.id)}
         WHERE ${column}::DATE >= $from::DATE
       )
       ${selects.join('\nUNION ALL\n')}`,
      { from: span.from },
    );
    const period = { from: span.from, to: span.to };
    for (const field of fields) {
      const [counts] = discloseTallies([tallyOf(result.filter((r) => r.field === field))], [], profile);
      if (result.some((r) => r.field === field)) rows.push({ dataset: dataset.id, datasetTitle: dataset.title, field, ...counts, period });
    }
  }
  return rows;
}
