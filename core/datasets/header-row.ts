// Which line of a file is its header row. PAS and BI report exports often put a title above it
// ("Outpatient Activity Report", "Run date: 01/12/2026", a blank line): those lines are a
// preamble, skipped and counted, and the header is the line within the first PREAMBLE_LIMIT that
// names the most of the dataset's columns. Shared by the server (pipelines/ingest/read-header.ts)
// and the upload page's preview, so both read the same header. Pure: no Node or DOM imports.
import Papa from 'papaparse';
import type { DatasetSpec } from './dataset-schema.ts';
import { type MappingColumns, resolveSource } from './column-mapping.ts';

/** Lines above the header looked at: a report's title block is a few lines, never a page. */
export const PREAMBLE_LIMIT = 20;

export const DELIMITERS = [',', ';', '\t', '|'];

/** Case- and punctuation-insensitive form of a header, as header matching compares them. */
const headerKey = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Every header the dataset recognises — names, aliases, date and time pairs — and the mapping's. */
export function knownHeaders(dataset: DatasetSpec, mapping: MappingColumns = {}): Set<string> {
  const known = new Set<string>();
  for (const c of dataset.columns) {
    for (const name of [c.name, ...c.aliases, ...c.dateTimePairs.flat()]) known.add(headerKey(name));
  }
  for (const given of Object.values(mapping)) {
    const source = resolveSource(given);
    known.add(headerKey(source.header));
    if (source.time !== undefined) known.add(headerKey(source.time));
  }
  known.delete('');
  return known;
}

export interface ParsedHead {
  delimiter: string;
  /** The header row's fields, as written. */
  headers: string[];
  /** The rows after the header (up to `preview`), blank lines left out. */
  rows: string[][];
  /** Lines above the header row (the preamble), blank ones included: the header is line preamble + 1. */
  preamble: number;
}

/** The text from line `line` (0-based) on, and whether that line ends within the text. */
function fromLine(text: string, line: number): { rest: string; ends: boolean } | null {
  let at = 0;
  for (let i = 0; i < line; i++) {
    const lf = text.indexOf('\n', at);
    if (lf < 0) return null;
    at = lf + 1;
  }
  return { rest: text.slice(at), ends: text.indexOf('\n', at) >= 0 };
}

/** headerKey of each field, in one pass (a wide extract has thousands of headers). */
const keysOf = (fields: string[]) => fields.join('\n').toLowerCase().replace(/[^a-z0-9\n]/g, '').split('\n');

/** Known headers among a line's words split at every separator: at least the line's score, nearly always. */
function roughScore(line: string, known: Set<string>): number {
  // One pass over the line, not one per word: a wide extract's data rows have thousands.
  const words = line.toLowerCase().replace(/[^a-z0-9,;\t|]/g, '').split(/[,;\t|]/);
  return new Set(words.filter((h) => known.has(h))).size;
}

function parse(text: string, preview: number): { delimiter: string; rows: string[][] } {
  const parsed = Papa.parse<string[]>(text, { preview, delimitersToGuess: DELIMITERS, skipEmptyLines: 'greedy' });
  return { delimiter: parsed.meta.delimiter, rows: parsed.data };
}

/**
 * Reads the header row and the rows after it (`preview` rows in all, the header included). The
 * first line is the header unless a later one, within PREAMBLE_LIMIT lines, names more of the
 * `known` headers (two at least). When the first line cannot be a header (one field: a title),
 * the line naming the most known headers is, or failing that the first line of two fields or
 * more that the next row matches in width.
 */
export function parseHead(text: string, known: Set<string>, preview = 6): ParsedHead {
  const first = parse(text, preview);
  const candidates: (ParsedHead & { score: number; shaped: boolean })[] = [];
  for (let line = 0; line <= PREAMBLE_LIMIT; line++) {
    const at = line === 0 ? { rest: text, ends: true } : fromLine(text, line);
    if (!at) break;
    if (!/\S/.test(at.rest) || !at.ends) break;
    const lineEnd = at.rest.indexOf('\n');
    const lineText = lineEnd < 0 ? at.rest : at.rest.slice(0, lineEnd);
    // A blank line (or separators only) is never a header, and papaparse would skip it.
    if (/^[\s,;|"]*$/.test(lineText)) continue;
    // Cheap first: a line whose words name no more known headers than the first line cannot
    // take its place, and is not parsed (a wide extract's rows are long).
    const top = candidates[0]?.preamble === 0 ? candidates[0] : null;
    if (line > 0 && top && roughScore(lineText, known) < Math.max(2, top.score + 1)) continue;
    const { delimiter, rows } = line === 0 ? first : parse(at.rest, preview);
    const [header = [], ...after] = rows;
    // Two named fields at least: Excel writes a title cell as "Outpatient Activity Report,,,,".
    if (header.filter((h) => h.trim() !== '').length < 2 || !DELIMITERS.includes(delimiter)) continue;
    const score = new Set(keysOf(header).filter((h) => known.has(h))).size;
    const shaped = after.length > 0 && after[0].length === header.length;
    candidates.push({ delimiter, headers: header, rows: after, preamble: line, score, shaped });
    // A first line naming known headers, with a row of its width under it, is the header: a title
    // block comes above a header, never below. Most files stop here.
    if (line === 0 && score >= 2 && shaped) break;
  }
  const best = candidates.reduce<(typeof candidates)[number] | null>((b, c) => (c.score > (b?.score ?? 0) ? c : b), null);
  const top = candidates[0]?.preamble === 0 ? candidates[0] : null;
  // A first line that could be a header stays the header unless a later one clearly names more
  // columns: one stray value that looks like a header name does not make a data row a header.
  const chosen = top
    ? best && best !== top && best.score >= Math.max(2, top.score + 1) ? best : top
    : (best ?? candidates.find((c) => c.shaped) ?? null);
  if (chosen) return { delimiter: chosen.delimiter, headers: chosen.headers, rows: chosen.rows, preamble: chosen.preamble };
  const [header = [], ...rows] = first.rows;
  return { delimiter: first.delimiter, headers: header, rows, preamble: 0 };
}
