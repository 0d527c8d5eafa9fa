import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../../db/database.ts';
import { ensureSchema } from '../../db/schema.ts';

/** A real DuckDB file in a fresh temporary folder, with the schema created. */
export async function tempDatabase(): Promise<{ db: Database; dir: string; path: string; cleanup: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'parity-test-'));
  const path = join(dir, 'parity.duckdb');
  const db = await Database.open(path);
  await ensureSchema(db);
  return {
    db,
    dir,
    path,
    cleanup: () => {
      try {
        db.close();
      } catch {
        // already closed by the test
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Writes a fixture file (text as UTF-8, or raw bytes) into the folder and returns its path. */
export function writeFixture(dir: string, name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
