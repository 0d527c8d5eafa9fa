import type { ColumnSpec, DatasetSpec } from '../../core/datasets/dataset-schema.ts';
import { type MappingColumns, resolveSource } from '../../core/datasets/column-mapping.ts';
import { FileRefusal } from './inspect-file.ts';
import { fileMessages } from '../../core/text/ingest-messages.ts';
import { closestHeaders } from './closest-headers.ts';
import { vintageFromHeader } from './grain/lsoa-vintage.ts';

/** Canonical column name → index of the file column that holds it (for a date + time, the date). */
export type ColumnMatch = Map<string, number>;

/** How the file's headers make up the dataset's columns. */
export interface HeaderPlan {
  match: ColumnMatch;
  /** Column → index of the time header, for a column built from a date header and a time header. */
  times: Map<string, number>;
  /** Column → the mapping's value vocabulary (normalised word → code). */
  values: Map<string, Record<string, string>>;
  /** Column → the date-time column its header counts minutes after (HES A&E DEPDUR after arrival). */
  after?: Map<string, string>;
  /** File columns read for the grain step only (a population file's measure: Value or Percent). */
  keep?: number[];
  /** What the upload result should say about the choice of headers (e.g. the newer LSOA preferred). */
  notes: string[];
}

/** Case- and punctuation-insensitive form of a header: "Appt. Date" → "apptdate". */
export function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function findHeader(headers: string[], byNormal: Map<string, number>, header: string): number | undefined {
  const index = headers.findIndex((h) => h === header);
  return index >= 0 ? index : byNormal.get(normaliseHeader(header));
}

/** The first date + time pair of the column's declaration that the file has, both headers free. */
function findPair(column: ColumnSpec, byNormal: Map<string, number>, taken: Set<number>): [number, number] | null {
  for (const [date, time] of column.dateTimePairs) {
    const d = byNormal.get(normaliseHeader(date));
    const t = byNormal.get(normaliseHeader(time));
    if (d !== undefined && t !== undefined && !taken.has(d) && !taken.has(t)) return [d, t];
  }
  return null;
}

/** The file column that says what each row measures, for a dataset that declares one. */
export function measureIndex(dataset: DatasetSpec, headers: string[]): number | null {
  const wanted = new Set((dataset.measure?.headers ?? []).map(normaliseHeader));
  const index = headers.findIndex((h) => wanted.has(normaliseHeader(h)));
  return index >= 0 ? index : null;
}

/**
 * Matches the file's headers to the dataset's columns: an explicit mapping first, then the
 * canonical name and its aliases (in the declared order, so the newest of two candidates wins),
 * then a declared date + time pair. Refuses the file when a required column has no header.
 */
export function matchHeaders(dataset: DatasetSpec, headers: string[], mapping: MappingColumns = {}): HeaderPlan {
  const plan: HeaderPlan = { match: new Map(), times: new Map(), values: new Map(), notes: [] };
  const { match, times } = plan;
  const taken = new Set<number>();
  const byNormal = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = normaliseHeader(h);
    if (key && !byNormal.has(key)) byNormal.set(key, i);
  });

  for (const [column, given] of Object.entries(mapping)) {
    if (!dataset.columns.some((c) => c.name === column)) throw new FileRefusal(fileMessages.mappingUnknownColumn(column, dataset.id));
    const source = resolveSource(given);
    const found = findHeader(headers, byNormal, source.header);
    if (found === undefined) throw new FileRefusal(fileMessages.mappingUnknownHeader(column, source.header));
    match.set(column, found);
    taken.add(found);
    if (source.time !== undefined) {
      const time = findHeader(headers, byNormal, source.time);
      if (time === undefined) throw new FileRefusal(fileMessages.mappingUnknownHeader(column, source.time));
      times.set(column, time);
      taken.add(time);
    }
    if (source.values) plan.values.set(column, source.values);
  }
  for (const column of dataset.columns) {
    if (match.has(column.name)) continue;
    const candidates = [column.name, ...column.aliases]
      .map((name) => byNormal.get(normaliseHeader(name)))
      .filter((i): i is number => i !== undefined && !taken.has(i));
    const unique = [...new Set(candidates)];
    if (unique.length) {
      match.set(column.name, unique[0]);
      taken.add(unique[0]);
      if (unique.length > 1) {
        const edition = column.kind === 'lsoa_code' ? vintageFromHeader(headers[unique[0]]) : null;
        plan.notes.push(fileMessages.preferredHeader(column.name, headers[unique[0]], unique.slice(1).map((i) => headers[i]), edition));
      }
      continue;
    }
    const pair = findPair(column, byNormal, taken);
    if (pair) {
      match.set(column.name, pair[0]);
      times.set(column.name, pair[1]);
      taken.add(pair[0]).add(pair[1]);
      plan.notes.push(fileMessages.combinedDateTime(column.name, headers[pair[0]], headers[pair[1]]));
      continue;
    }
    const after = column.minutesAfter;
    const minutes = after && match.has(after.column)
      ? after.headers.map((h) => byNormal.get(normaliseHeader(h))).find((i) => i !== undefined && !taken.has(i))
      : undefined;
    if (after && minutes !== undefined) {
      match.set(column.name, minutes);
      taken.add(minutes);
      (plan.after ??= new Map()).set(column.name, after.column);
      plan.notes.push(fileMessages.minutesAfter(column.name, headers[minutes], after.column));
    }
  }
  const measure = measureIndex(dataset, headers);
  if (measure !== null && !taken.has(measure)) plan.keep = [measure];
  const missing = dataset.columns.filter((c) => c.required && !match.has(c.name));
  if (missing.length) {
    const closest = closestHeaders(dataset, missing, headers, taken).map(({ column, header }) => `"${header}" (for ${column}?)`);
    throw new FileRefusal(fileMessages.missingColumns(missing.map((c) => c.name), closest, headers.map((h) => `"${h}"`)));
  }
  return plan;
}
