// How completely a dataset records each demographic field: valid / not stated / not known /
// missing / invalid, per period and per specialty or site, with SPC against a local target.
import { DATASETS, findDataset } from '../../core/datasets/index.ts';
import type { Session } from '../../db/database.ts';
import { ident } from '../../db/sql.ts';
import type { CompletenessField } from '../catalogue/completeness.ts';
import { DISCLOSURE_LABELS, isSmall, roundCount, wilson, type DisclosureProfile } from '../statistics/index.ts';
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

/** Counts are null where disclosure control withholds them (`suppressed` when the total is small). */
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

/**
 * Tallies the statuses, then applies the disclosure profile: the share and its interval come
 * from the true counts unless the total itself is small; each count is withheld when small and
 * rounded otherwise.
 */
function countsFrom(rows: { status: string; n: number }[], profile: DisclosureProfile): Counts {
  const tally = { total: 0, valid: 0, notStated: 0, notKnown: 0, missing: 0, invalid: 0 };
  for (const r of rows) {
    tally[STATUS_KEY[r.status as keyof typeof STATUS_KEY]] += r.n;
    tally.total += r.n;
  }
  const suppressed = isSmall(tally.total, profile);
  const counts = { validPercent: null, lower: null, upper: null, suppressed } as Counts;
  for (const key of COUNT_KEYS) counts[key] = suppressed || isSmall(tally[key], profile) ? null : roundCount(tally[key], profile);
  if (tally.total > 0 && !suppressed) {
    const w = wilson(tally.valid, tally.total);
    Object.assign(counts, { validPercent: w.value, lower: w.lower, upper: w.upper });
  }
  return counts;
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

  const periods = [...new Set(periodRows.map((r) => r.period!))].sort().map((p) => ({ period: p, ...countsFrom(periodRows.filter((r) => r.period === p), profile) }));
  const groups = request.by
    ? [...new Set(groupRows.map((r) => r.grp!))]
        .map((g) => ({ group: g, label: BREAKDOWN_SPECS[request.by!].label(g), ...countsFrom(groupRows.filter((r) => r.grp === g), profile) }))
        .sort((a, b) => (a.validPercent ?? 0) - (b.validPercent ?? 0))
    : [];
  return {
    dataset: dataset.id,
    datasetTitle: dataset.title,
    field: request.field,
    grain: request.grain,
    by: request.by,
    period,
    target,
    overall: countsFrom(totalRows, profile),
    disclosure: profile,
    disclosureLabel: DISCLOSURE_LABELS[profile],
    dataAsAt: await dataAsAt(session, dataset.id),
    periods,
    groups,
    spc: spcOf(periods.map((p) => ({ period: p.period, value: p.validPercent })), 'higher', target),
  };
}

/** Latest twelve months of every dataset and field, for the summary table. */
export async function completenessSummary(session: Session, profile: DisclosureProfile) {
  const rows: (Counts & { dataset: string; datasetTitle: string; field: CompletenessField })[] = [];
  for (const dataset of completenessDatasets()) {
    const column = ident(dataset.periodColumn!);
    const fields = Object.keys(STATUS_SQL) as CompletenessField[];
    const selects = fields.map(
      (f) => `SELECT '${f}' AS field, ${STATUS_SQL[f]} AS status, count(*)::INTEGER AS n FROM recent GROUP BY ALL`,
    );
    const result = await session.all<{ field: CompletenessField; status: string; n: number }>(
      `WITH recent AS (
         SELECT * FROM ${ident(dataset.id)}
         WHERE ${column} > (SELECT max(${column}) FROM ${ident(dataset.id)}) - INTERVAL 12 MONTH
       )
       ${selects.join('\nUNION ALL\n')}`,
    );
    for (const field of fields) {
      const counts = countsFrom(result.filter((r) => r.field === field), profile);
      if (result.some((r) => r.field === field)) rows.push({ dataset: dataset.id, datasetTitle: dataset.title, field, ...counts });
    }
  }
  return rows;
}
