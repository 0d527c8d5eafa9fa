import Papa from 'papaparse';
import { FileRefusal } from './inspect-file.ts';
import { fileMessages } from '../../core/text/ingest-messages.ts';

export interface HeaderFacts {
  delimiter: string;
  headers: string[];
  /** True when at least one line follows the header. */
  hasDataRows: boolean;
}

const DELIMITERS = [',', ';', '\t', '|'];

/** Finds the delimiter and the header row from the start of the file (papaparse's sniffer). */
export function readHeader(head: string): HeaderFacts {
  const parsed = Papa.parse<string[]>(head, { preview: 6, delimitersToGuess: DELIMITERS, skipEmptyLines: 'greedy' });
  const delimiter = parsed.meta.delimiter;
  const [headerRow = [], ...rest] = parsed.data;
  const headers = headerRow.map((h) => h.trim());
  if (headers.length < 2 || !DELIMITERS.includes(delimiter)) throw new FileRefusal(fileMessages.notDelimited());
  return { delimiter, headers, hasDataRows: rest.some((r) => r.some((cell) => cell.trim() !== '')) };
}
