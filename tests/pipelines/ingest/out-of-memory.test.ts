import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import { AppError } from '../../../server/errors.ts';
import { ingestFile } from '../../../pipelines/ingest/ingest.ts';
import { fileMessages } from '../../../core/text/ingest-messages.ts';
import { isOutOfMemory, OUT_OF_MEMORY, outOfMemoryError } from '../../../pipelines/ingest/out-of-memory.ts';
import { tempDatabase } from '../../helpers/temp-db.ts';

const CSV = 'appointment_id,patient_id,appointment_date,treatment_function_code,attendance_status\nA1,P1,2025-04-01,110,5\nA2,P2,2025-04-02,110,3\n';
const OPTIONS = { maxBytes: 1e9, chineseGroup: '2001' as const };
const DUCKDB_OOM = 'Out of Memory Error: could not allocate block of size 30.5 MiB (0 bytes/7.6 MiB used)\n\nPossible solutions:\n* Reducing the number of threads (SET threads=X)';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('a load that runs out of DuckDB memory', () => {
  it('is told apart from other errors by DuckDB’s message', () => {
    expect(isOutOfMemory(new Error(DUCKDB_OOM))).toBe(true);
    expect(isOutOfMemory(new Error('INTERNAL Error: could not allocate 12 bytes'))).toBe(true);
    expect(isOutOfMemory(new Error('Conversion Error: Could not convert string "x" to INT32'))).toBe(false);
    expect(isOutOfMemory('Out of Memory')).toBe(false);
  });

  it('becomes a 507 that names PARITY_MEMORY_LIMIT and its value', () => {
    const error = outOfMemoryError('1GB');
    expect([error.code, error.status, error.message]).toEqual([OUT_OF_MEMORY, 507, fileMessages.outOfMemory('1GB')]);
    expect(error.message).toContain('DuckDB may use 1GB (PARITY_MEMORY_LIMIT)');
    expect(error.message).toMatch(/Raise PARITY_MEMORY_LIMIT/);
  });

  it('maps DuckDB’s out-of-memory error during the load to that error, with the limit given', async () => {
    const temp = await tempDatabase();
    cleanups.push(temp.cleanup);
    const path = join(temp.dir, 'op.csv');
    writeFileSync(path, CSV);
    // The real database for the duplicate check; the load itself fails as DuckDB would.
    const db = { all: temp.db.all.bind(temp.db), withSession: async () => { throw new Error(DUCKDB_OOM); } } as unknown as Database;
    const failed = ingestFile(db, { path, dataset: 'outpatients' }, { ...OPTIONS, memoryLimit: '2GB' });
    await expect(failed).rejects.toBeInstanceOf(AppError);
    await expect(failed).rejects.toMatchObject({ code: OUT_OF_MEMORY, status: 507, message: fileMessages.outOfMemory('2GB') });
  });

  it('says so on a real database with a tiny memory limit, and loads nothing', async () => {
    const temp = await tempDatabase();
    cleanups.push(temp.cleanup);
    const db = temp.db;
    await db.run(`SET memory_limit = '8MB'`);
    const path = join(temp.dir, 'op.csv');
    writeFileSync(path, CSV);
    await expect(ingestFile(db, { path, dataset: 'outpatients' }, { ...OPTIONS, memoryLimit: '8MB' })).rejects.toMatchObject({ code: OUT_OF_MEMORY, status: 507, message: fileMessages.outOfMemory('8MB') });
    // Without the limit given, the message names what DuckDB runs with.
    await expect(ingestFile(db, { path, dataset: 'outpatients' }, OPTIONS)).rejects.toMatchObject({ code: OUT_OF_MEMORY, message: expect.stringMatching(/DuckDB may use 7\.6 MiB/) });
    expect(await db.all('SELECT count(*)::INTEGER AS n FROM extracts')).toEqual([{ n: 0 }]);
    expect(await db.all('SELECT count(*)::INTEGER AS n FROM outpatients')).toEqual([{ n: 0 }]);
  });
});
