// Parses the decoded head of a file with papaparse: header row, the first rows, the separator.
import Papa from 'papaparse';
import type { DecodedHead } from './decode.ts';
import { DATASETS } from '../../../../core/datasets/index.ts';
import { knownHeaders, parseHead } from '../../../../core/datasets/header-row.ts';

/**
 * The file is read before its dataset is chosen: a report's title lines are told from its header
 * by the headers any dataset recognises (the server uses the chosen dataset's, the same rule).
 */
const ANY_DATASET_HEADERS = new Set(DATASETS.flatMap((d) => [...knownHeaders(d)]));

export const PREVIEW_ROWS = 20;

export interface Preview {
  headers: string[];
  /** Data rows as read, each as long as `headers` (short rows padded with ''). */
  rows: string[][];
  /** File line of each row (the first line of the file is line 1), as the quarantine counts them. */
  lines: number[];
  /** Report title lines above the header row, skipped (the header is line preamble + 1). */
  preamble: number;
  delimiter: string;
  /** Rows with more or fewer fields than the header (the server quarantines these). */
  ragged: { line: number; fields: number }[];
  /** True when the file may hold more rows than the preview shows. */
  more: boolean;
}

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };
export const delimiterName = (d: string) => DELIMITER_NAMES[d] ?? JSON.stringify(d);

/** Parses up to `maxRows` data rows (Infinity: all of them). */
export function parsePreview(head: DecodedHead, maxRows = PREVIEW_ROWS): Preview {
  let text = head.text;
  // A head cut short ends mid-line: keep whole lines only.
  if (head.truncated) {
    const end = text.lastIndexOf('\n');
    if (end > 0) text = text.slice(0, end + 1);
  }
  const { preamble, delimiter } = parseHead(text, ANY_DATASET_HEADERS);
  for (let i = 0; i < preamble; i++) text = text.slice(text.indexOf('\n') + 1);
  const result = Papa.parse<string[]>(text, {
    // The header, the rows wanted, and one more to tell whether there are more.
    preview: Number.isFinite(maxRows) ? maxRows + 2 : 0,
    skipEmptyLines: 'greedy',
    ...(preamble > 0 ? { delimiter } : { delimitersToGuess: [',', ';', '\t', '|'] }),
  });
  const [headerRow = [], ...all] = result.data;
  const data = all.slice(0, maxRows);
  const headers = headerRow.map((h) => h.trim());
  const ragged: Preview['ragged'] = [];
  const lines: number[] = [];
  // One number per record, header = 1: the server numbers quarantined rows the same way.
  const rows = data.map((row, i) => {
    const line = i + 2 + preamble;
    lines.push(line);
    if (row.length !== headers.length) ragged.push({ line, fields: row.length });
    return headers.map((_, c) => row[c] ?? '');
  });
  const more = head.truncated || all.length > data.length;
  return { headers, rows, lines, preamble, delimiter: result.meta.delimiter || ',', ragged, more };
}
