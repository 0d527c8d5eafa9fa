// Proposes which header of the file holds each dataset column, by the same rules as the server
// (pipelines/ingest/match-headers.ts): an explicit or saved mapping first, then the column's
// name and its aliases, compared ignoring case and punctuation ("Appt. Date" = "appt_date"),
// then a declared date + time pair for a date-time column (ECDS Arrival_Date + Arrival_Time).
import { type MappingColumns, resolveSource } from '../../../../core/datasets/column-mapping.ts';

export interface MatchableColumn {
  name: string;
  aliases: string[];
  required: boolean;
  kind?: string;
  /** Date + time header pairs that together hold a date-time column. */
  dateTimePairs?: [string, string][];
}

/** Dataset column → the file header that holds it (for a date + time, the date), or null when none does. */
export type Mapping = Record<string, string | null>;
/** Date-time column → the header holding its time, when the date and the time are in separate columns. */
export type Times = Record<string, string | null>;

/** Case- and punctuation-insensitive form of a header: "Appt. Date" → "apptdate". */
export function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The file's header a mapping's header refers to: exact text first, then the normalised form. */
function findHeader(headers: string[], wanted: string): string | null {
  if (headers.includes(wanted)) return wanted;
  const key = normaliseHeader(wanted);
  return headers.find((h) => key !== '' && normaliseHeader(h) === key) ?? null;
}

export function proposeMapping(columns: MatchableColumn[], headers: string[], saved: MappingColumns = {}): Mapping {
  const mapping: Mapping = {};
  const taken = new Set<string>();
  for (const column of columns) {
    const wanted = saved[column.name] === undefined ? undefined : resolveSource(saved[column.name]);
    const header = wanted ? findHeader(headers, wanted.header) : null;
    if (header) {
      mapping[column.name] = header;
      taken.add(header);
      const time = wanted?.time === undefined ? null : findHeader(headers, wanted.time);
      if (time) taken.add(time);
    }
  }
  const byNormal = new Map<string, string>();
  for (const h of headers) {
    const key = normaliseHeader(h);
    if (key && !byNormal.has(key)) byNormal.set(key, h);
  }
  for (const column of columns) {
    if (mapping[column.name]) continue;
    mapping[column.name] = null;
    for (const name of [column.name, ...column.aliases]) {
      const header = byNormal.get(normaliseHeader(name));
      if (header !== undefined && !taken.has(header)) {
        mapping[column.name] = header;
        taken.add(header);
        break;
      }
    }
  }
  return mapping;
}

/**
 * The time header of each date-time column whose date and time are in separate columns: from a
 * saved mapping, else the column's declared pairs (the server combines those by itself), else —
 * for a date-time column read from a header that says "date" — the same header with "time" for
 * "date" ("Clinic_Date" → "Clinic_Time"), offered so that times do not all read 00:00.
 */
export function proposeTimes(columns: MatchableColumn[], headers: string[], mapping: Mapping, saved: MappingColumns = {}): Times {
  const times: Times = {};
  const used = new Set(Object.values(mapping).filter((h): h is string => h !== null));
  for (const column of columns) {
    if (column.kind !== 'datetime') continue;
    const source = saved[column.name] === undefined ? undefined : resolveSource(saved[column.name]);
    let time = source?.time === undefined ? null : findHeader(headers, source.time);
    const date = mapping[column.name];
    if (!time && date) {
      const pair = (column.dateTimePairs ?? []).find(([d]) => normaliseHeader(d) === normaliseHeader(date));
      time = pair ? findHeader(headers, pair[1]) : timeBeside(date, headers);
    }
    if (!time && !date) {
      // No header for the column at all: a declared pair may fill it.
      for (const [d, t] of column.dateTimePairs ?? []) {
        const dh = findHeader(headers, d);
        const th = findHeader(headers, t);
        if (dh && th && !used.has(dh) && !used.has(th)) {
          mapping[column.name] = dh;
          time = th;
          break;
        }
      }
    }
    if (time && !used.has(time)) {
      times[column.name] = time;
      used.add(time);
      if (mapping[column.name]) used.add(mapping[column.name]!);
    }
  }
  return times;
}

/** "Arrival_Date" → a header "Arrival_Time" of the file, if there is one (a header that says date but not time). */
export function timeBeside(dateHeader: string, headers: string[]): string | null {
  if (!/date/i.test(dateHeader) || /time/i.test(dateHeader)) return null;
  const wanted = normaliseHeader(dateHeader.replace(/date/i, 'time'));
  return headers.find((h) => h !== dateHeader && normaliseHeader(h) === wanted) ?? null;
}

/** Headers of the file no column uses (they are ignored on load). */
export function unmatchedHeaders(headers: string[], mapping: Mapping, times: Times = {}): string[] {
  const used = new Set([...Object.values(mapping), ...Object.values(times)].filter((h): h is string => h !== null));
  return headers.filter((h) => !used.has(h));
}

/** Required columns with no header: the server would refuse the file. */
export function missingRequired(columns: MatchableColumn[], mapping: Mapping): string[] {
  return columns.filter((c) => c.required && !mapping[c.name]).map((c) => c.name);
}

/** Headers chosen for more than one column: header → the columns. */
export function sharedHeaders(mapping: Mapping): Map<string, string[]> {
  const uses = new Map<string, string[]>();
  for (const [column, header] of Object.entries(mapping)) {
    if (header) uses.set(header, [...(uses.get(header) ?? []), column]);
  }
  return new Map([...uses].filter(([, cols]) => cols.length > 1));
}

/** The mapping as the server takes it: only the columns that have a header; a date + time as {date, time}. */
export function mappingForServer(mapping: Mapping, times: Times = {}, saved: MappingColumns = {}): MappingColumns {
  const out: MappingColumns = {};
  for (const [column, header] of Object.entries(mapping)) {
    if (header === null) continue;
    const time = times[column];
    const kept = saved[column] === undefined ? undefined : resolveSource(saved[column]);
    // A saved mapping's value vocabulary goes with its header.
    if (time) out[column] = { date: header, time };
    else if (kept?.values && kept.header === header) out[column] = { from: header, values: kept.values };
    else out[column] = header;
  }
  return out;
}
