// What a quarantined row keeps: the declared columns the file supplies, one key each, and nothing
// else. A file's other columns (an NHS number, a name, a date of birth, a postcode, a second copy
// of an identifier) are never stored; the upload result names them in `ignoredColumns`.
import type { DatasetSpec } from './dataset-schema.ts';

/** Which header (by index) each declared column was read from (pipelines/ingest/match-headers.ts). */
type ColumnMatch = Map<string, number>;

/** A unique, non-empty label for each header, in file order: a repeated "patient_id" is "patient_id (2)", a blank header "column 7". */
export function headerLabels(headers: string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((h, i) => {
    const base = h || `column ${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n > 1 ? `${base} (${n})` : base;
  });
}

/** The file's columns that no declared column was read from, by label, in file order. */
export function ignoredColumns(headers: string[], match: ColumnMatch): string[] {
  const used = new Set(match.values());
  return headerLabels(headers).filter((_, i) => !used.has(i));
}

/**
 * The key each declared column has in a quarantined row, from the extract's column mapping: the
 * file's header, as before, or the column's own name when that header is blank. Columns read from
 * one header share its key. Both the load and the read of a quarantine use this, so a key that is
 * not here was never declared.
 */
export function quarantineKeys(dataset: DatasetSpec, columnMapping: Record<string, string>): Map<string, string> {
  const headers = new Set(Object.values(columnMapping).filter((h) => h.trim()));
  const keys = new Map<string, string>();
  for (const column of dataset.columns) {
    const header = columnMapping[column.name];
    if (header === undefined) continue;
    if (header.trim()) keys.set(column.name, header);
    else keys.set(column.name, headers.has(column.name) ? `${column.name} (blank header)` : column.name);
  }
  return keys;
}
