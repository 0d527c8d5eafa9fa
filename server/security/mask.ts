// Quarantined rows are the one place the API shows patient-level data, and only to analysts:
// identifiers (patient and record ids) are masked there, `PSD-4471902` → `PSD…02`, enough to
// find the row in the source system, not enough to link it to anything else.
import { findDataset } from '../../core/datasets/index.ts';

export function maskIdentifier(value: string): string {
  const v = value.trim();
  if (v.length <= 5) return '…';
  return `${v.slice(0, 3)}…${v.slice(-2)}`;
}

export type QuarantineRow = { values: Record<string, string | null>; reasons: string[] };

/** A masker for one extract's quarantined rows: the headers that hold the dataset's identifier columns. */
export function identifierMasker(datasetId: string, columnMapping: Record<string, string>): (row: QuarantineRow) => QuarantineRow {
  const dataset = findDataset(datasetId);
  if (!dataset?.patientLevel) return (row) => row;
  const idColumns = dataset.columns.filter((c) => c.kind === 'id').map((c) => c.name);
  const headers = new Set(idColumns.flatMap((c) => [c, columnMapping[c]].filter((h): h is string => Boolean(h))).map((h) => h.toLowerCase()));
  return ({ values, reasons }) => {
    // A structurally broken line was kept whole: its fields cannot be told apart, so it is withheld.
    if (Object.keys(values).length === 1 && 'line' in values && !headers.has('line')) {
      return { values: { line: values.line === null ? null : `(line withheld: it may hold identifiers; ${values.line.length} characters)` }, reasons };
    }
    const masked: Record<string, string | null> = {};
    const secrets: string[] = [];
    for (const [header, value] of Object.entries(values)) {
      const isId = headers.has(header.toLowerCase()) || headers.has(header.trim().toLowerCase());
      if (isId && value) secrets.push(value);
      masked[header] = isId && value ? maskIdentifier(value) : value;
    }
    const longestFirst = secrets.filter((s) => s.trim().length > 0).sort((a, b) => b.length - a.length);
    return {
      values: masked,
      reasons: reasons.map((reason) => longestFirst.reduce((text, secret) => text.split(secret).join(maskIdentifier(secret)), reason)),
    };
  };
}
