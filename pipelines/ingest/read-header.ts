import { DELIMITERS, parseHead } from '../../core/datasets/header-row.ts';
import { FileRefusal } from './inspect-file.ts';
import { fileMessages } from '../../core/text/ingest-messages.ts';

export interface HeaderFacts {
  delimiter: string;
  headers: string[];
  /** True when at least one line follows the header. */
  hasDataRows: boolean;
  /** Lines above the header row (a report's title block), skipped: the header is line preamble + 1. */
  preamble: number;
}

/**
 * Finds the delimiter and the header row from the start of the file (papaparse's sniffer), past
 * any report title lines above it (core/datasets/header-row.ts). `known`: the headers the
 * dataset and the mapping recognise, which tell the header row from the lines above it.
 */
export function readHeader(head: string, known: Set<string> = new Set()): HeaderFacts {
  const { delimiter, headers: raw, rows, preamble } = parseHead(head, known);
  const headers = raw.map((h) => h.trim());
  if (headers.length < 2 || !DELIMITERS.includes(delimiter)) throw new FileRefusal(fileMessages.notDelimited());
  return { delimiter, headers, hasDataRows: rows.some((r) => r.some((cell) => cell.trim() !== '')), preamble };
}
