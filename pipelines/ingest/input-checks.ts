// After a load, the extract's values are checked for patterns that make an indicator meaningless
// rather than merely imprecise: a date-time at midnight on every row (the time was in another
// column), a column empty on every row, a code or flag with one value on every row. Findings are
// stored per extract (`extract_checks`); the metrics engine answers "not computable" for an
// indicator whose inputs have one, while the extract stays loaded.
import type { Session } from '../../db/database.ts';
import { ident } from '../../db/sql.ts';
import type { ColumnSpec, DatasetSpec } from '../../core/datasets/dataset-schema.ts';
import type { InputFinding } from '../../core/contracts/ingest.ts';
import { inputCheckMessages } from '../../core/text/input-check-messages.ts';

/** Fewer values than this at midnight could be chance; more cannot. */
const MIN_MIDNIGHT = 5;
/** Below this many rows one value everywhere can be chance (a rare event in a small file). */
const MIN_ONE_VALUE = 50;

const checked = (c: ColumnSpec) => c.kind !== 'id';

export async function checkInputs(session: Session, dataset: DatasetSpec, extractId: string, mapped: Set<string>): Promise<InputFinding[]> {
  const columns = dataset.columns.filter(checked);
  const aggregates = columns.flatMap((c, i) => {
    const col = ident(c.name);
    const parts = [`count(${col})::INTEGER AS n${i}`];
    if (c.kind === 'datetime') parts.push(`count(*) FILTER (WHERE ${col}::TIME = TIME '00:00:00')::INTEGER AS m${i}`);
    if (c.kind === 'code' || c.kind === 'boolean') parts.push(`(min(${col}) = max(${col})) AS u${i}`, `min(${col})::VARCHAR AS v${i}`);
    return parts;
  });
  const [stats] = await session.all<Record<string, number | boolean | string | null>>(
    `SELECT count(*)::INTEGER AS rows, ${aggregates.join(', ')} FROM ${ident(dataset.id)} WHERE extract_id = ?`,
    [extractId],
  );
  const rows = Number(stats.rows);
  const findings: InputFinding[] = [];
  columns.forEach((c, i) => {
    const values = Number(stats[`n${i}`]);
    if (values === 0) {
      findings.push({ column: c.name, check: 'all_null', ...inputCheckMessages.allNull(c.name, mapped.has(c.name)) });
    } else if (c.kind === 'datetime' && values >= MIN_MIDNIGHT && Number(stats[`m${i}`]) === values) {
      findings.push({ column: c.name, check: 'all_midnight', ...inputCheckMessages.allMidnight(c.name, values) });
    } else if ((c.kind === 'code' || c.kind === 'boolean') && values === rows && rows >= MIN_ONE_VALUE && stats[`u${i}`] === true) {
      findings.push({ column: c.name, check: 'one_value', ...inputCheckMessages.oneValue(c.name, String(stats[`v${i}`]), rows) });
    }
  });
  for (const f of findings) {
    await session.run(
      `INSERT INTO extract_checks VALUES (?, ?, ?, ?, ?, ?)`,
      [extractId, dataset.id, f.column, f.check, f.reason, f.fix],
    );
  }
  return findings;
}

