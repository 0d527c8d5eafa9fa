// Helpers that build an ingest summary; its shape is the API contract's (core/contracts/ingest.ts).
import type { IngestSummary } from '../../core/contracts/ingest.ts';

export type { IngestSummary };

export function rejectedSummary(dataset: string, fileError: string): IngestSummary {
  return {
    extractId: null,
    dataset,
    status: 'rejected',
    rowsRead: 0,
    rowsLoaded: 0,
    rowsQuarantined: 0,
    rowsSetAside: 0,
    setAside: [],
    grain: null,
    imd: null,
    columns: [],
    notComputable: [],
    errors: [],
    fileError,
    dataQuality: {},
    encoding: null,
    delimiter: null,
    columnMapping: {},
    ignoredColumns: [],
    replaced: null,
    skippedLines: { blank: 0, footer: 0, preamble: 0 },
    notes: [],
  };
}

/** Splits a stored reason "column: message" for the summary's `errors`. */
export function splitReason(row: number, reason: string): IngestSummary['errors'][number] {
  const at = reason.indexOf(': ');
  return at > 0 ? { row, column: reason.slice(0, at), message: reason.slice(at + 2) } : { row, column: 'row', message: reason };
}
