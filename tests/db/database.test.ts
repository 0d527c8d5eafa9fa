// db/database.ts: transactions are all-or-nothing, values go in as parameters, and no bigint
// reaches a JSON reply.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database, isLockError, transaction } from '../../db/database.ts';

let db: Database;
beforeAll(async () => {
  db = await Database.open(':memory:');
  await db.run(`CREATE TABLE loads (id INTEGER PRIMARY KEY, name VARCHAR NOT NULL)`);
});
afterAll(() => db.close());

const names = async () => (await db.all<{ name: string }>(`SELECT name FROM loads ORDER BY id`)).map((r) => r.name);

describe('Database.transaction', () => {
  it('commits every write when the work resolves, and returns its result', async () => {
    await db.run(`DELETE FROM loads`);
    const result = await db.transaction(async (s) => {
      await s.run(`INSERT INTO loads VALUES (1, 'first')`);
      await s.run(`INSERT INTO loads VALUES (2, 'second')`);
      return 'done';
    });
    expect(result).toBe('done');
    expect(await names()).toEqual(['first', 'second']);
  });

  it('rolls back every write when the work throws, and rethrows the error', async () => {
    await db.run(`DELETE FROM loads`);
    await db.run(`INSERT INTO loads VALUES (1, 'kept')`);
    const failure = db.transaction(async (s) => {
      await s.run(`INSERT INTO loads VALUES (2, 'half-loaded')`);
      await s.run(`UPDATE loads SET name = 'changed' WHERE id = 1`);
      throw new Error('the file was refused');
    });
    await expect(failure).rejects.toThrow('the file was refused');
    expect(await names()).toEqual(['kept']);
  });

  it('rolls back when a statement inside fails, leaving the session usable', async () => {
    await db.run(`DELETE FROM loads`);
    await db.withSession(async (s) => {
      await expect(transaction(s, async () => {
        await s.run(`INSERT INTO loads VALUES (1, 'one')`);
        await s.run(`INSERT INTO loads VALUES (1, 'duplicate key')`);
      })).rejects.toThrow(/constraint/i);
      expect(await s.all(`SELECT count(*)::INTEGER AS n FROM loads`)).toEqual([{ n: 0 }]);
      await s.run(`INSERT INTO loads VALUES (3, 'after')`);
    });
    expect(await names()).toEqual(['after']);
  });
});

describe('Session readers', () => {
  it('binds values as parameters, so a quote in a value is only text', async () => {
    await db.run(`DELETE FROM loads`);
    await db.run(`INSERT INTO loads VALUES (?, ?)`, [1, "x'); DROP TABLE loads; --"]);
    expect(await db.all(`SELECT name FROM loads WHERE id = $id`, { id: 1 })).toEqual([{ name: "x'); DROP TABLE loads; --" }]);
  });

  it('returns BIGINT as a string rather than a bigint', async () => {
    const [row] = await db.all<{ n: unknown; d: unknown }>(`SELECT count(*) AS n, count(*)::DOUBLE AS d FROM range(3)`);
    expect(row).toEqual({ n: '3', d: 3 });
  });

  it('reads columns for Arrow tables', async () => {
    const result = await db.withSession((s) => s.columns(`SELECT * FROM (VALUES (1, 'a'), (2, 'b')) t(n, s)`));
    expect(result).toEqual({ names: ['n', 's'], columns: [[1, 2], ['a', 'b']] });
  });
});

describe('isLockError', () => {
  it('recognises DuckDB’s lock messages and nothing else', () => {
    expect(isLockError(new Error('IO Error: Could not set lock on file "parity.duckdb": Conflicting lock is held'))).toBe(true);
    expect(isLockError(new Error('Catalog Error: Table with name x does not exist'))).toBe(false);
    expect(isLockError('Could not set lock on file')).toBe(false);
  });
});
