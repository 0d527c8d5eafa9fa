// Quarantined rows are the one place the API shows patient-level data, and only to analysts:
// only the dataset's declared columns are shown, and identifiers (patient and record ids) are
// masked, `PSD-4471902` → `PSD…02`, enough to find the row in the source system, not enough to
// link it to anything else.
import { findDataset } from '../../core/datasets/index.ts';
import { quarantineKeys } from '../../core/datasets/quarantine-columns.ts';

export function maskIdentifier(value: string): string {
  const v = value.trim();
  if (v.length <= 5) return '…';
  return `${v.slice(0, 3)}…${v.slice(-2)}`;
}

export type QuarantineRow = { values: Record<string, string | null>; reasons: string[] };

/** A broken line as earlier versions stored it: its whole text under "line", with a structural reason ("row: …"). */
function isStoredLine({ values, reasons }: QuarantineRow): boolean {
  const keys = Object.keys(values);
  return keys.length === 1 && keys[0] === 'line' && reasons.length === 1 && reasons[0].startsWith('row: ');
}

/**
 * How one extract's quarantined rows are shown: the keys of its declared columns only, with the
 * identifier columns masked in the values and the reasons alike. Rows stored by earlier versions
 * may hold other columns, or a broken line's whole text; neither is shown.
 */
export function quarantineMasker(datasetId: string, columnMapping: Record<string, string>): (row: QuarantineRow) => QuarantineRow {
  const dataset = findDataset(datasetId);
  if (!dataset) return ({ reasons }) => ({ values: {}, reasons });
  const keys = quarantineKeys(dataset, columnMapping);
  const declared = new Set(keys.values());
  const idColumns = dataset.patientLevel ? dataset.columns.filter((c) => c.kind === 'id').map((c) => c.name) : [];
  const idKeys = new Set(idColumns.flatMap((c) => [c, columnMapping[c], keys.get(c)].filter((h): h is string => Boolean(h))).map((h) => h.trim().toLowerCase()));
  return ({ values, reasons }) => {
    if (isStoredLine({ values, reasons })) return { values: {}, reasons };
    const shown: Record<string, string | null> = {};
    const secrets: string[] = [];
    for (const [key, value] of Object.entries(values)) {
      if (!declared.has(key)) continue;
      const isId = idKeys.has(key.trim().toLowerCase());
      if (isId && value) secrets.push(value);
      shown[key] = isId && value ? maskIdentifier(value) : value;
    }
    const longestFirst = secrets.filter((s) => s.trim().length > 0).sort((a, b) => b.length - a.length);
    return {
      values: shown,
      reasons: reasons.map((reason) => longestFirst.reduce((text, secret) => text.split(secret).join(maskIdentifier(secret)), reason)),
    };
  };
}
