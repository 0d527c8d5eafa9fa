// `parity ingest` without --json: the upload result in words, one short paragraph per part —
// the counts and first errors, the lines skipped, what Parity chose in reading the file, the IMD
// edition, rows set aside and the indicators the extract cannot support. Every part the JSON
// summary reports that a user must act on or know is here; the column readings stay in --json.
import type { IngestSummary } from '../../pipelines/ingest/summary.ts';

const MAX_ERRORS = 20;

const n = (x: number) => x.toLocaleString('en-GB');
const plural = (x: number, one: string, many = `${one}s`) => `${n(x)} ${x === 1 ? one : many}`;

/** "4 lines of report title above the header, 2 blank lines, 1 line of report footer", or null. */
function skipped(s: IngestSummary['skippedLines']): string | null {
  const parts = [
    s.preamble > 0 ? `${plural(s.preamble, 'line')} of report title above the header` : '',
    s.blank > 0 ? plural(s.blank, 'blank line') : '',
    s.footer > 0 ? `${plural(s.footer, 'line')} of report footer` : '',
  ].filter(Boolean);
  return parts.length ? `Skipped, not data rows (not counted as read): ${parts.join(', ')}.` : null;
}

const section = (title: string, items: string[]) => (items.length ? [title, ...items.map((i) => `  - ${i}`)] : []);

export function describeIngest(summary: IngestSummary): string {
  if (summary.status === 'rejected') return `Refused: ${summary.fileError}`;
  if (summary.status === 'duplicate') return `Already loaded as ${summary.extractId} (same file contents): nothing changed.`;
  const lines = [
    `Loaded ${summary.extractId}: ${n(summary.rowsRead)} rows read, ${n(summary.rowsLoaded)} loaded, ${n(summary.rowsQuarantined)} quarantined` +
      (summary.rowsSetAside ? `, ${n(summary.rowsSetAside)} set aside.` : '.'),
    ...summary.errors.slice(0, MAX_ERRORS).map((e) => `  row ${e.row}: ${e.column}: ${e.message}`),
  ];
  if (summary.errors.length > MAX_ERRORS) lines.push(`  … and more (see GET /api/extracts/${summary.extractId})`);
  const skip = skipped(summary.skippedLines);
  if (skip) lines.push(skip);
  lines.push(...section('How the file was read:', summary.notes));
  if (summary.grain) lines.push(summary.grain.message);
  lines.push(...section('Set aside (read, neither loaded nor quarantined):', summary.setAside.map((s) => s.message)));
  if (summary.imd) lines.push(summary.imd.message, ...(summary.imd.supplied ? [summary.imd.supplied.message] : []));
  lines.push(...section('Not computable from this extract:', summary.notComputable.map((c) => `${c.title} (${c.metric}): ${c.message}`)));
  const quality = Object.entries(summary.dataQuality);
  if (quality.length) lines.push(`Kept with blanks (invalid optional values): ${quality.map(([c, k]) => `${c} ${n(k)}`).join(', ')}`);
  if (summary.ignoredColumns.length) {
    lines.push(`Ignored (not columns of ${summary.dataset}; not loaded, not kept in the quarantine): ${summary.ignoredColumns.map((c) => `"${c}"`).join(', ')}`);
  }
  for (const b of summary.benchmarkIndicators ?? []) {
    const what = `${b.indicatorId}${b.indicatorName ? ` (${b.indicatorName})` : ''}: ${b.rows} rows, ${b.areas} areas, ${b.periods.join(', ')}`;
    lines.push(b.linkedTo.length ? `Benchmark ${what} → ${b.linkedTo.join(', ')}` : `Benchmark ${what} → no Parity indicator (kept, not shown)`);
  }
  return lines.join('\n');
}
