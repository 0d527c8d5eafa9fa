// What a column mapping may say about one canonical column (docs/ingestion.md, "Column mappings"):
//   "appointment_id": "Ref"                                        one header holds it;
//   "attendance_status": {"from": "Outcome", "values": {"Seen": "5"}}   …with the trust's own words;
//   "arrival_datetime": {"date": "Arrival_Date", "time": "Arrival_Time"}  two headers make it.
import { z } from 'zod';

const header = z.string().min(1).max(1000);

/** A trust's word for a code → the code (the key is matched ignoring case, spaces and punctuation). */
export const valueVocabulary = z.record(z.string().min(1).max(200), z.string().min(1).max(50));

export const columnSource = z.union([
  header,
  z.object({ from: header, values: valueVocabulary.optional() }).strict(),
  z.object({ date: header, time: header }).strict(),
]);
export type ColumnSource = z.infer<typeof columnSource>;

/** Canonical column → where the file holds it. */
export const mappingColumns = z.record(z.string().min(1).max(100), columnSource);
export type MappingColumns = z.infer<typeof mappingColumns>;

/** A source in one shape: the header (the date header of a combination), the time header, the vocabulary. */
export interface ResolvedSource {
  header: string;
  time?: string;
  values?: Record<string, string>;
}

export function resolveSource(source: ColumnSource): ResolvedSource {
  if (typeof source === 'string') return { header: source };
  if ('date' in source) return { header: source.date, time: source.time };
  return source.values ? { header: source.from, values: source.values } : { header: source.from };
}

/** How a source reads in a summary: "Ref", or "Arrival_Date + Arrival_Time". */
export function describeSource(source: ResolvedSource): string {
  return source.time === undefined ? source.header : `${source.header} + ${source.time}`;
}

/** Case-, space- and punctuation-insensitive key of a value: "Arrived Late - Seen" → "arrivedlateseen". */
export function valueKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}
