// Whether an indicator can be computed from what is loaded: the columns its definition reads,
// matched against the findings the loader stored for each loaded extract (pipelines/ingest/
// input-checks.ts). A finding on an input turns the indicator's answer into "not computable",
// with the reason and the fix, instead of a number that would look right and be wrong.
import type { Session } from '../../db/database.ts';
import { findDataset } from '../../core/datasets/index.ts';
import { storageColumns } from '../../db/storage.ts';
import { ident } from '../../db/sql.ts';
import type { InputFinding, NotComputable } from '../../core/contracts/ingest.ts';
import { inputCheckMessages } from '../../core/text/input-check-messages.ts';
import type { MetricDefinition } from '../catalogue/schema.ts';

/** The result field: what a page shows instead of the figure. */
export type NotComputableState = Omit<NotComputable, 'metric' | 'title'>;

function expressions(metric: MetricDefinition): string[] {
  const c = metric.computation;
  if (c.type === 'proportion') return [c.cohort ?? '', c.numerator];
  if (c.type === 'median') return [c.cohort ?? '', c.value];
  if (c.type === 'population-rate') return [c.events ?? ''];
  return [];
}

const mentions = (sql: string, name: string) => new RegExp(`(^|[^A-Za-z0-9_])${name}([^A-Za-z0-9_]|$)`).test(sql);

/**
 * The declared columns an indicator's definition reads, directly or through a derived column
 * (admission_type reads admission_method, days_waited reads clock_start_date and census_date).
 */
export function metricInputs(metric: MetricDefinition): string[] {
  const dataset = findDataset(metric.dataset);
  if (!dataset || metric.kind !== 'computed') return [];
  const sql = expressions(metric).join(' ');
  const declared = dataset.columns.map((c) => c.name);
  const inputs = new Set(declared.filter((name) => mentions(sql, name)));
  for (const derived of storageColumns(dataset)) {
    const source = derived.generated ?? derived.onLoad;
    if (!source || !mentions(sql, derived.name)) continue;
    for (const name of declared) if (mentions(source, name)) inputs.add(name);
  }
  return [...inputs];
}

interface StoredFinding extends InputFinding {
  extractId: string;
  fileName: string;
}

/** Findings of the loaded extracts on one indicator's inputs. */
async function findingsFor(session: Session, metric: MetricDefinition): Promise<StoredFinding[]> {
  const inputs = metricInputs(metric);
  if (inputs.length === 0) return [];
  return session.all<StoredFinding>(
    `SELECT c.extract_id AS "extractId", e.file_name AS "fileName", c.column_name AS "column", c.check_name AS "check", c.reason, c.fix
     FROM extract_checks c JOIN extracts e ON e.id = c.extract_id AND e.status = 'loaded'
     WHERE c.dataset = ? AND c.column_name IN (${inputs.map(() => '?').join(', ')}) ORDER BY e.uploaded_at, c.column_name`,
    [metric.dataset, ...inputs],
  );
}

export function describe(findings: (InputFinding & { extractId: string; fileName: string })[]): NotComputableState {
  const reasons = [...new Set(findings.map((f) => f.reason))];
  const fixes = [...new Set(findings.map((f) => f.fix))];
  const files = [...new Set(findings.map((f) => `${f.fileName}, ${f.extractId}`))];
  return {
    message: inputCheckMessages.notComputable(reasons, fixes, files),
    reason: reasons.join('; '),
    fix: fixes.join(' '),
    extractIds: [...new Set(findings.map((f) => f.extractId))],
  };
}

/** The top-level AND terms of a SQL condition (the catalogue writes conditions as plain conjunctions). */
export function conjuncts(sql: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i];
    if (ch === "'") quoted = !quoted;
    if (quoted) continue;
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (depth === 0 && /^\sAND\s/i.test(sql.slice(i, i + 5))) {
      terms.push(sql.slice(start, i).trim());
      start = i + 5;
    }
  }
  terms.push(sql.slice(start).trim());
  return terms.filter(Boolean);
}

/** The column and the derived columns computed from it (admission_method → admission_type). */
function namesOf(metric: MetricDefinition, column: string): string[] {
  const dataset = findDataset(metric.dataset);
  const derived = dataset ? storageColumns(dataset).filter((d) => (d.generated ?? d.onLoad) && mentions(d.generated ?? d.onLoad ?? '', column)) : [];
  return [column, ...derived.map((d) => d.name)];
}

/**
 * One value on every row is only fatal when that value leaves the indicator nothing to tell:
 * the terms of its condition that read the column are false on every row (an elective rate from
 * a file of emergency admissions) or, for a share, true on every row (a DNA rate of 0% when
 * every status is "attended" is as empty as 100%). An emergency rate from that same file of
 * method 21 admissions is fine: its admission-method term is true everywhere.
 */
async function leavesNothingToTell(session: Session, metric: MetricDefinition, column: string, extractId: string): Promise<boolean> {
  const c = metric.computation;
  const condition = c.type === 'proportion' ? c.numerator : c.type === 'population-rate' ? c.events : undefined;
  if (!condition) return false;
  const names = namesOf(metric, column);
  const terms = conjuncts(condition).filter((t) => names.some((n) => mentions(t, n)));
  if (terms.length === 0) return false;
  const cohort = c.type === 'proportion' && c.cohort ? c.cohort : 'true';
  const [row] = await session.all<{ cohort: number; counted: number }>(
    `SELECT count(*) FILTER (WHERE ${cohort})::INTEGER AS cohort, count(*) FILTER (WHERE (${cohort}) AND (${terms.join(') AND (')}))::INTEGER AS counted
     FROM ${ident(metric.dataset)} WHERE extract_id = ?`,
    [extractId],
  );
  if (!row || row.cohort === 0) return false;
  return row.counted === 0 || (c.type === 'proportion' && row.counted === row.cohort);
}

async function blocking<F extends InputFinding & { extractId: string }>(session: Session, metric: MetricDefinition, findings: F[]): Promise<F[]> {
  const kept: F[] = [];
  for (const f of findings) if (f.check !== 'one_value' || (await leavesNothingToTell(session, metric, f.column, f.extractId))) kept.push(f);
  return kept;
}

/** Null when the indicator can be computed; otherwise why not and what to do. */
export async function notComputable(session: Session, metric: MetricDefinition): Promise<NotComputableState | null> {
  const findings = await blocking(session, metric, await findingsFor(session, metric));
  return findings.length ? describe(findings) : null;
}

/** The indicators of `metrics` on `dataset` that one new extract's findings make not computable. */
export async function affectedIndicators(
  session: Session, metrics: MetricDefinition[], dataset: string, extractId: string, fileName: string, findings: InputFinding[],
): Promise<NotComputable[]> {
  const affected: NotComputable[] = [];
  for (const m of metrics.filter((x) => x.dataset === dataset)) {
    const inputs = new Set(metricInputs(m));
    const own = await blocking(session, m, findings.filter((f) => inputs.has(f.column)).map((f) => ({ ...f, extractId, fileName })));
    if (own.length) affected.push({ metric: m.id, title: m.title, ...describe(own) });
  }
  return affected;
}
