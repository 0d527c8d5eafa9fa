/**
 * A running server writes `<database>.server.json` ({pid, url}) beside the database file it
 * holds, so the CLI can hand it uploads instead of fighting DuckDB's single-writer lock.
 */
export const serverInfoPath = (dbPath: string) => `${dbPath}.server.json`;

export interface ServerInfo {
  pid: number;
  url: string;
}
