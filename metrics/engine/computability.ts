// Whether an indicator can be computed from what is loaded: the columns its definition reads,
// matched against the findings the loader stored for each loaded extract (pipelines/ingest/
// input-checks.ts). A finding on an input turns the indicator's answer into "not computable",
// with the reason and the fix, instead of a number that would look right and be wrong.
import type { Session } from '../../db/database.ts';
import { findDataset } from '../../core/datasets/index.ts';
import { storageColumns } from '../../db/storage.ts';
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

/** Null when the indicator can be computed; otherwise why not and what to do. */
export async function notComputable(session: Session, metric: MetricDefinition): Promise<NotComputableState | null> {
  const findings = await findingsFor(session, metric);
  return findings.length ? describe(findings) : null;
}

/** The indicators of `metrics` on `dataset` that one new extract's findings make not computable. */
export function affectedIndicators(metrics: MetricDefinition[], dataset: string, extractId: string, fileName: string, findings: InputFinding[]): NotComputable[] {
  return metrics
    .filter((m) => m.dataset === dataset)
    .flatMap((m) => {
      const inputs = new Set(metricInputs(m));
      const own = findings.filter((f) => inputs.has(f.column)).map((f) => ({ ...f, extractId, fileName }));
      return own.length ? [{ metric: m.id, title: m.title, ...describe(own) }] : [];
    });
}
