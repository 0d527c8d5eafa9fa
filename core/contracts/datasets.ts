// The canonical datasets as `GET /api/datasets` shows them (docs/data-model.md): each column's
// stored type, kind, codes and accepted header aliases, and the columns derived on load. The
// route declares it as its response schema; the upload, extracts and completeness pages parse it.
import * as z from 'zod/mini';

export const DatasetColumn = z.object({
  name: z.string(),
  type: z.string(),
  kind: z.string(),
  required: z.boolean(),
  description: z.string(),
  aliases: z.array(z.string()),
  codes: z.nullable(z.array(z.object({ code: z.string(), label: z.string() }))),
  min: z.nullable(z.number()),
  max: z.nullable(z.number()),
});
export type DatasetColumn = z.infer<typeof DatasetColumn>;

export const Dataset = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  grain: z.string(),
  key: z.array(z.string()),
  periodColumn: z.nullable(z.string()),
  patientLevel: z.boolean(),
  columns: z.array(DatasetColumn),
  /** Computed on load or when read (age band, ethnic group, IMD quintile, …). */
  derivedColumns: z.array(z.object({ name: z.string(), type: z.string(), description: z.string() })),
});
export type Dataset = z.infer<typeof Dataset>;

export const DatasetList = z.array(Dataset);
