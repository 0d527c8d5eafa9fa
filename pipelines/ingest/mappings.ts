import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { FileRefusal } from './inspect-file.ts';
import { fileMessages } from '../../core/text/ingest-messages.ts';
import { type MappingColumns, mappingColumns } from '../../core/datasets/column-mapping.ts';

/** A saved column mapping: which header of a trust's own layout holds each canonical column (core/datasets/column-mapping.ts). */
export const columnMapping = z.object({
  name: z.string().min(1).max(100).regex(/^[\w .-]+$/, 'letters, digits, spaces, dots, dashes and underscores only'),
  dataset: z.string(),
  columns: mappingColumns,
});
export type ColumnMapping = z.infer<typeof columnMapping>;

export async function saveMapping(db: Database, mapping: ColumnMapping): Promise<void> {
  await db.run(`INSERT OR REPLACE INTO column_mappings VALUES (?, ?, ?, current_timestamp::TIMESTAMP)`, [
    mapping.name,
    mapping.dataset,
    JSON.stringify(mapping.columns),
  ]);
}

export async function listMappings(db: Database): Promise<(ColumnMapping & { savedAt: string })[]> {
  const rows = await db.all<{ name: string; dataset: string; mapping: string; saved_at: string }>(
    `SELECT name, dataset, mapping, saved_at::VARCHAR AS saved_at FROM column_mappings ORDER BY name`,
  );
  return rows.map((r) => ({ name: r.name, dataset: r.dataset, columns: JSON.parse(r.mapping), savedAt: r.saved_at }));
}

/**
 * Resolves `--mapping NAME|FILE`: a JSON file (`{"columns": {...}}` or a flat object of
 * canonical column → header) if one exists at that path, else a mapping saved under that name.
 */
export async function resolveMapping(db: Database, nameOrFile: string): Promise<MappingColumns> {
  if (existsSync(nameOrFile)) {
    const json = JSON.parse(await readFile(nameOrFile, 'utf8'));
    const parsed = mappingColumns.safeParse(json.columns ?? json);
    if (!parsed.success) throw new FileRefusal(fileMessages.invalidMappingFile(nameOrFile, parsed.error.issues.map((i) => `${i.path.join('.') || 'columns'}: ${i.message}`).join('; ')));
    return parsed.data;
  }
  const [row] = await db.all<{ mapping: string }>(`SELECT mapping FROM column_mappings WHERE name = ?`, [nameOrFile]);
  if (!row) throw new FileRefusal(fileMessages.mappingNotFound(nameOrFile));
  return JSON.parse(row.mapping);
}
