import type { DatasetSpec } from '../../core/datasets/dataset-schema.ts';
import { FileRefusal } from './inspect-file.ts';
import { fileMessages } from '../../core/text/ingest-messages.ts';

/** Canonical column name → index of the file column that holds it. */
export type ColumnMatch = Map<string, number>;

/** Case- and punctuation-insensitive form of a header: "Appt. Date" → "apptdate". */
export function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

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

function closestHeader(names: string[], headers: string[], taken: Set<number>): string | null {
  let best: { header: string; score: number } | null = null;
  headers.forEach((header, index) => {
    if (taken.has(index)) return;
    const h = normaliseHeader(header);
    for (const name of names) {
      const n = normaliseHeader(name);
      const score = editDistance(h, n) / Math.max(h.length, n.length, 1);
      const contains = h.length >= 3 && (n.includes(h) || h.includes(n));
      const adjusted = contains ? Math.min(score, 0.3) : score;
      if (adjusted <= 0.5 && (!best || adjusted < best.score)) best = { header, score: adjusted };
    }
  });
  return best ? (best as { header: string }).header : null;
}

/**
 * Matches the file's headers to the dataset's columns: an explicit mapping first, then the
 * canonical name and its aliases. Refuses the file when a required column has no header.
 */
export function matchHeaders(dataset: DatasetSpec, headers: string[], mapping: Record<string, string> = {}): ColumnMatch {
  const match: ColumnMatch = new Map();
  const taken = new Set<number>();
  const byNormal = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = normaliseHeader(h);
    if (key && !byNormal.has(key)) byNormal.set(key, i);
  });

  for (const [column, header] of Object.entries(mapping)) {
    if (!dataset.columns.some((c) => c.name === column)) throw new FileRefusal(fileMessages.mappingUnknownColumn(column, dataset.id));
    const index = headers.findIndex((h) => h === header);
    const fallback = byNormal.get(normaliseHeader(header));
    const found = index >= 0 ? index : fallback;
    if (found === undefined) throw new FileRefusal(fileMessages.mappingUnknownHeader(column, header));
    match.set(column, found);
    taken.add(found);
  }
  for (const column of dataset.columns) {
    if (match.has(column.name)) continue;
    for (const name of [column.name, ...column.aliases]) {
      const index = byNormal.get(normaliseHeader(name));
      if (index !== undefined && !taken.has(index)) {
        match.set(column.name, index);
        taken.add(index);
        break;
      }
    }
  }
  const missing = dataset.columns.filter((c) => c.required && !match.has(c.name));
  if (missing.length) {
    const closest = missing.flatMap((c) => {
      const header = closestHeader([c.name, ...c.aliases], headers, taken);
      return header ? [`"${header}" (for ${c.name}?)`] : [];
    });
    throw new FileRefusal(fileMessages.missingColumns(missing.map((c) => c.name), closest, headers.map((h) => `"${h}"`)));
  }
  return match;
}
