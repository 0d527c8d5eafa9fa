// The "closest headers" a refusal suggests for missing required columns. A suggestion must be
// plausible, never a wrong guess: a header another column claims by name or alias is not offered,
// nor one whose words say it holds another kind of value (Appointment_Time is not an appointment
// id), nor one header for two columns.
import type { ColumnKind, ColumnSpec, DatasetSpec } from '../../core/datasets/dataset-schema.ts';
import { normaliseHeader } from './match-headers.ts';

/** Words that, in a header, say what kind of value it holds ("Arrival_Time", "ApptDate", "PatientID"). */
export function headerWords(header: string): string[] {
  return header
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

const DATE_WORDS = ['date', 'dt', 'time', 'datetime', 'timestamp', 'dob', 'week', 'month', 'year'];
const ID_WORDS = ['id', 'ident', 'key', 'ref', 'number', 'no', 'num', 'identifier'];
const CODE_WORDS = ['status', 'type', 'code', 'flag', 'method', 'category', 'priority', 'outcome'];

/** Header words that rule a header out for a column of this kind. */
const FORBIDDEN: Partial<Record<ColumnKind, string[]>> = {
  id: [...DATE_WORDS, ...CODE_WORDS, 'age', 'sex', 'gender', 'name'],
  date: [...ID_WORDS, ...CODE_WORDS, 'time', 'age'],
  datetime: [...ID_WORDS, ...CODE_WORDS, 'age'],
  code: [...DATE_WORDS, ...ID_WORDS],
  treatment_function: [...DATE_WORDS, ...ID_WORDS],
  integer: [...DATE_WORDS, ...ID_WORDS],
  number: [...DATE_WORDS, ...ID_WORDS],
};

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

/**
 * Header words one of which an identifier or a date must have to be offered: "Attendance" is
 * close to attendance_id but says nothing of an identifier, "Clinic Name" close to clinic_date.
 */
const NEEDED: Partial<Record<ColumnKind, (word: string) => boolean>> = {
  id: (w) => ID_WORDS.includes(w) || w.startsWith('ident'),
  date: (w) => DATE_WORDS.includes(w),
  datetime: (w) => DATE_WORDS.includes(w),
};

function compatible(column: ColumnSpec, header: string): boolean {
  const forbidden = FORBIDDEN[column.kind] ?? [];
  const own = new Set([column.name, ...column.aliases].flatMap(headerWords));
  const words = headerWords(header);
  // A date-time header ("Appt Date/Time") holds the date too.
  const allowed = (w: string) => own.has(w) || (column.kind === 'date' && w === 'time' && words.includes('date'));
  // A word the column's own names use is never a reason to refuse ("date" for arrival_datetime).
  if (words.some((w) => forbidden.includes(w) && !allowed(w))) return false;
  const needed = NEEDED[column.kind];
  return !needed || words.some(needed);
}

function score(column: ColumnSpec, header: string): number | null {
  const h = normaliseHeader(header);
  let best: number | null = null;
  for (const name of [column.name, ...column.aliases]) {
    const n = normaliseHeader(name);
    const distance = editDistance(h, n) / Math.max(h.length, n.length, 1);
    const contains = h.length >= 3 && (n.includes(h) || h.includes(n));
    const adjusted = contains ? Math.min(distance, 0.3) : distance;
    if (adjusted <= 0.5 && (best === null || adjusted < best)) best = adjusted;
  }
  return best;
}

/**
 * For each missing column, at most one header not used elsewhere. The closest pairs are settled
 * first, whatever the columns' order, so a header goes to the column it resembles most.
 */
export function closestHeaders(dataset: DatasetSpec, missing: ColumnSpec[], headers: string[], taken: Set<number>): { column: string; header: string }[] {
  // Headers another declared column claims by its name or an alias belong to that column.
  const claimed = new Map<string, string>();
  for (const c of dataset.columns) for (const name of [c.name, ...c.aliases]) claimed.set(normaliseHeader(name), c.name);
  const pairs: { column: string; index: number; score: number; order: number }[] = [];
  missing.forEach((column, order) => {
    headers.forEach((header, index) => {
      if (taken.has(index) || !header.trim()) return;
      const owner = claimed.get(normaliseHeader(header));
      if (owner !== undefined && owner !== column.name) return;
      if (!compatible(column, header)) return;
      const s = score(column, header);
      if (s !== null) pairs.push({ column: column.name, index, score: s, order });
    });
  });
  pairs.sort((a, b) => a.score - b.score || a.order - b.order || a.index - b.index);
  const chosen = new Map<string, number>();
  const offered = new Set<number>();
  for (const p of pairs) {
    if (chosen.has(p.column) || offered.has(p.index)) continue;
    chosen.set(p.column, p.index);
    offered.add(p.index);
  }
  return missing.filter((c) => chosen.has(c.name)).map((c) => ({ column: c.name, header: headers[chosen.get(c.name)!] }));
}
