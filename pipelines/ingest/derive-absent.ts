// A flag the file does not carry, told from the columns that do: ECDS has no "admitted" flag, and
// says where the patient went (the discharge destination) and whether a decision to admit was made.
// The declaration says how (`deriveWhenAbsent`); a file that has the flag is read as it is.
import type { ColumnSpec, DatasetSpec } from '../../core/datasets/dataset-schema.ts';
import type { Session } from '../../db/database.ts';
import { ident, literal } from '../../db/sql.ts';
import { fileMessages } from '../../core/text/ingest-messages.ts';
import type { HeaderPlan } from './match-headers.ts';

/** The declared columns to derive: each has no header in the file, and at least one of its sources has. */
export function derivedColumns(dataset: DatasetSpec, plan: HeaderPlan): ColumnSpec[] {
  return dataset.columns.filter((c) => {
    const derive = c.deriveWhenAbsent;
    return derive !== undefined && !plan.match.has(c.name) && [derive.from, ...derive.trueWhenGiven].some((s) => plan.match.has(s));
  });
}

/**
 * The stage's SQL for a derived column, over its sources' read values (NULL when blank or
 * unreadable): true for one of the codes or a value in a "true when given" column, false for any
 * other valid code, NULL (not known) when neither says.
 */
export function derivedValueSql(c: ColumnSpec, plan: HeaderPlan): string {
  const derive = c.deriveWhenAbsent!;
  const whens: string[] = [];
  const from = ident(derive.from);
  const present = plan.match.has(derive.from);
  if (present) whens.push(`WHEN ${from} IN (${derive.trueCodes.map(literal).join(', ')}) THEN true`);
  for (const given of derive.trueWhenGiven.filter((g) => plan.match.has(g))) whens.push(`WHEN ${ident(given)} IS NOT NULL THEN true`);
  if (present) whens.push(`WHEN ${from} IS NOT NULL THEN false`);
  return `CASE ${whens.join(' ')} END`;
}

/** What the upload result says about each derived column: from which headers, and how many rows each way. */
export async function derivedNotes(session: Session, dataset: DatasetSpec, plan: HeaderPlan, headers: string[], extractId: string): Promise<string[]> {
  const notes: string[] = [];
  for (const c of derivedColumns(dataset, plan)) {
    const derive = c.deriveWhenAbsent!;
    const headerOf = (column: string) => {
      const date = plan.match.get(column);
      if (date === undefined) return null;
      const time = plan.times.get(column);
      return time === undefined ? headers[date] : `${headers[date]} + ${headers[time]}`;
    };
    const [counts] = await session.all<{ yes: number; no: number; unknown: number }>(
      `SELECT count(*) FILTER (WHERE ${ident(c.name)})::INTEGER AS yes, count(*) FILTER (WHERE NOT ${ident(c.name)})::INTEGER AS no,
         count(*) FILTER (WHERE ${ident(c.name)} IS NULL)::INTEGER AS unknown
       FROM ${ident(dataset.id)} WHERE extract_id = $id`,
      { id: extractId },
    );
    notes.push(fileMessages.derivedColumn(c.name, {
      from: headerOf(derive.from),
      given: derive.trueWhenGiven.map(headerOf).filter((h): h is string => h !== null),
      yes: counts.yes, no: counts.no, unknown: counts.unknown,
    }));
  }
  return notes;
}
