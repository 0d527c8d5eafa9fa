// A load that needs more memory than DuckDB may use fails with "Out of Memory Error: could not
// allocate block of size …". That is not the file's fault and not a bug: the answer is a larger
// PARITY_MEMORY_LIMIT, so the error says so, with the limit in force, in the web app and the CLI.
import type { Database } from '../../db/database.ts';
import { AppError } from '../../core/errors.ts';
import { fileMessages } from '../../core/text/ingest-messages.ts';

export const OUT_OF_MEMORY = 'out_of_memory';
/** 507 Insufficient Storage: the server lacks the room to finish; the request itself is fine. */
export const OUT_OF_MEMORY_STATUS = 507;

/** True for DuckDB's out-of-memory errors (an `Error` whose message says so). */
export function isOutOfMemory(error: unknown): boolean {
  return error instanceof Error && /out of memory|could not allocate/i.test(error.message);
}

export function outOfMemoryError(memoryLimit: string): AppError {
  return new AppError(OUT_OF_MEMORY, fileMessages.outOfMemory(memoryLimit), OUT_OF_MEMORY_STATUS);
}

/** The limit DuckDB is running with, when the caller did not say (e.g. "953.6 MiB"). */
export async function currentMemoryLimit(db: Database): Promise<string> {
  try {
    const [row] = await db.all<{ limit: string }>(`SELECT current_setting('memory_limit') AS "limit"`);
    return row?.limit ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
