// A flag the file does not carry, told from the columns that do: ECDS has no "admitted" flag, and
// says where the patient went (the discharge destination) and whether a decision to admit was made.
// The declaration says how (`deriveWhenAbsent`); a file that has the flag is read as it is.
import type { ColumnSpec, DatasetSpec } from '../../core/datasets/dataset-schema.ts';
import type { Session } from '../../db/database.ts';
import { ident, literal } from '../../db/sql.ts';
import { fileMessages } from '../../core/text/ingest-messages.ts';
import type { HeaderPlan } from './match-headers.ts';
import type { ColumnReading } from '../../core/contracts/ingest.ts';
import { STAGE } from './compile-load.ts';

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

/** The header (or date + time headers) a column is read from, or null when the file lacks it. */
function headerText(column: string, plan: HeaderPlan, headers: string[]): string | null {
  const date = plan.match.get(column);
  if (date === undefined) return null;
  const time = plan.times.get(column);
  return time === undefined ? headers[date] : `${headers[date]} + ${headers[time]}`;
}

/** The headers a derived column was told from ("Destination, DTA_Date + DTA_Time"). */
function sourceHeaders(c: ColumnSpec, plan: HeaderPlan, headers: string[]): string[] {
  const derive = c.deriveWhenAbsent!;
  return [derive.from, ...derive.trueWhenGiven].map((column) => headerText(column, plan, headers)).filter((h): h is string => h !== null);
}

/**
 * The column readings with each derived column read from its sources, not "not in the file":
 * a told value counts as recoded (read from other text), not known as missing — over the same
 * rows as the other readings (every row split into fields).
 */
export async function withDerivedReadings(session: Session, dataset: DatasetSpec, plan: HeaderPlan, headers: string[], readings: ColumnReading[]): Promise<ColumnReading[]> {
  const derived = derivedColumns(dataset, plan);
  if (derived.length === 0) return readings;
  const [counts] = await session.all<Record<string, number>>(
    `SELECT count(*)::INTEGER AS rows, ${derived.map((c, i) => `count(${ident(c.name)})::INTEGER AS v${i}`).join(', ')} FROM ${STAGE}`);
  return readings.map((r) => {
    const i = derived.findIndex((c) => c.name === r.column);
    if (i < 0) return r;
    const told = Number(counts[`v${i}`]);
    return { column: r.column, header: sourceHeaders(derived[i], plan, headers).join(', '), recognised: 0, recoded: told, missing: Number(counts.rows) - told, unreadable: 0 };
  });
}

/** What the upload result says about each derived column: from which headers, and how many rows each way. */
export async function derivedNotes(session: Session, dataset: DatasetSpec, plan: HeaderPlan, headers: string[], extractId: string): Promise<string[]> {
  const notes: string[] = [];
  for (const c of derivedColumns(dataset, plan)) {
    const derive = c.deriveWhenAbsent!;
    const [counts] = await session.all<{ yes: number; no: number; unknown: number }>(
      `SELECT count(*) FILTER (WHERE ${ident(c.name)})::INTEGER AS yes, count(*) FILTER (WHERE NOT ${ident(c.name)})::INTEGER AS no,
         count(*) FILTER (WHERE ${ident(c.name)} IS NULL)::INTEGER AS unknown
       FROM ${ident(dataset.id)} WHERE extract_id = $id`,
      { id: extractId },
    );
    notes.push(fileMessages.derivedColumn(c.name, {
      from: headerText(derive.from, plan, headers),
      given: derive.trueWhenGiven.map((g) => headerText(g, plan, headers)).filter((h): h is string => h !== null),
      yes: counts.yes, no: counts.no, unknown: counts.unknown,
    }));
  }
  return notes;
}
