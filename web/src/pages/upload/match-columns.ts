// Proposes which header of the file holds each dataset column, by the same rules as the server
// (pipelines/ingest/match-headers.ts): an explicit or saved mapping first, then the column's
// name and its aliases, compared ignoring case and punctuation ("Appt. Date" = "appt_date").

export interface MatchableColumn {
  name: string;
  aliases: string[];
  required: boolean;
}

/** Dataset column → the file header that holds it, or null when none does. */
export type Mapping = Record<string, string | null>;

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

export function proposeMapping(columns: MatchableColumn[], headers: string[], saved: Record<string, string> = {}): Mapping {
  const mapping: Mapping = {};
  const taken = new Set<string>();
  for (const column of columns) {
    const wanted = saved[column.name];
    const header = wanted ? findHeader(headers, wanted) : null;
    if (header) {
      mapping[column.name] = header;
      taken.add(header);
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

/** Headers of the file no column uses (they are ignored on load). */
export function unmatchedHeaders(headers: string[], mapping: Mapping): string[] {
  const used = new Set(Object.values(mapping).filter((h): h is string => h !== null));
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

/** The mapping as the server takes it: only the columns that have a header. */
export function mappingForServer(mapping: Mapping): Record<string, string> {
  return Object.fromEntries(Object.entries(mapping).filter((e): e is [string, string] => e[1] !== null));
}
