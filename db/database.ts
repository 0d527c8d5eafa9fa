// The only module that imports @duckdb/node-api. One instance per process; a connection per
// unit of work; values always bound as parameters; identifiers come from allow-listed code.
import { DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';

export type SqlParams = DuckDBValue[] | Record<string, DuckDBValue>;

/** A connection lent to one unit of work. Statements run one at a time. */
export class Session {
  constructor(private readonly connection: DuckDBConnection) {}

  /** Rows as plain JSON-safe objects (BIGINT and HUGEINT arrive as strings: cast in SQL). */
  async all<T = Record<string, unknown>>(sql: string, params?: SqlParams): Promise<T[]> {
    const reader = await this.connection.runAndReadAll(sql, params);
    return reader.getRowObjectsJson() as T[];
  }

  /** Columns as JSON-safe arrays, for building Arrow tables. */
  async columns(sql: string, params?: SqlParams): Promise<{ names: string[]; columns: unknown[][] }> {
    const reader = await this.connection.runAndReadAll(sql, params);
    return { names: reader.columnNames(), columns: reader.getColumnsJson() as unknown[][] };
  }

  async run(sql: string, params?: SqlParams): Promise<void> {
    await this.connection.run(sql, params);
  }
}

/** Runs the work on the session in one transaction: committed if it resolves, rolled back if it throws. */
export async function transaction<T>(session: Session, work: () => Promise<T>): Promise<T> {
  await session.run('BEGIN TRANSACTION');
  try {
    const result = await work();
    await session.run('COMMIT');
    return result;
  } catch (error) {
    await session.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

export class Database {
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly path: string,
  ) {}

  static async open(path: string, options: { threads?: number; memoryLimit?: string } = {}): Promise<Database> {
    const config: Record<string, string> = {};
    if (options.threads) config.threads = String(options.threads);
    if (options.memoryLimit) config.memory_limit = options.memoryLimit;
    const instance = await DuckDBInstance.create(path, config);
    return new Database(instance, path);
  }

  async withSession<T>(work: (session: Session) => Promise<T>): Promise<T> {
    const connection = await this.instance.connect();
    try {
      return await work(new Session(connection));
    } finally {
      connection.closeSync();
    }
  }

  /** Runs the work in one transaction: committed if it resolves, rolled back if it throws. */
  async transaction<T>(work: (session: Session) => Promise<T>): Promise<T> {
    return this.withSession((session) => transaction(session, () => work(session)));
  }

  all<T = Record<string, unknown>>(sql: string, params?: SqlParams): Promise<T[]> {
    return this.withSession((s) => s.all<T>(sql, params));
  }

  run(sql: string, params?: SqlParams): Promise<void> {
    return this.withSession((s) => s.run(sql, params));
  }

  close(): void {
    this.instance.closeSync();
  }
}

/** True when another process holds the database file (DuckDB allows one writer per file). */
export function isLockError(error: unknown): boolean {
  return error instanceof Error && /Could not set lock on file|Conflicting lock/i.test(error.message);
}
