// The extracts API (docs/ingestion.md): the loaded files with their counts, one extract
// with its first quarantined rows, a deletion and the saved column mappings. The routes declare
// these as their response schemas; the upload and extracts pages parse them.
import * as z from 'zod/mini';

const count = z.int();

export const Extract = z.object({
  id: z.string(),
  dataset: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
  rowsRead: count,
  rowsLoaded: count,
  rowsQuarantined: count,
  status: z.string(),
  replaces: z.nullable(z.string()),
  columnMapping: z.record(z.string(), z.string()),
  encoding: z.string(),
  delimiter: z.string(),
  periodFrom: z.nullable(z.string()),
  periodTo: z.nullable(z.string()),
  dataQuality: z.record(z.string(), z.number()),
});
export type Extract = z.infer<typeof Extract>;
export const ExtractList = z.array(Extract);

/** A quarantined row: declared columns only, identifiers masked. */
export const QuarantinedRow = z.object({ row: count, values: z.record(z.string(), z.nullable(z.string())), reasons: z.array(z.string()) });

export const ExtractDetail = z.extend(Extract, { quarantine: z.array(QuarantinedRow) });
export type ExtractDetail = z.infer<typeof ExtractDetail>;

export const ExtractDeleted = z.object({ id: z.string(), status: z.literal('deleted') });

export const SavedMapping = z.object({ name: z.string(), dataset: z.string(), columns: z.record(z.string(), z.string()), savedAt: z.optional(z.string()) });
export type SavedMapping = z.infer<typeof SavedMapping>;
export const SavedMappingList = z.array(SavedMapping);
