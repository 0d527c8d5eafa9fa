/**
 * A running server writes `<database>.server.json` ({pid, url}) beside the database file it
 * holds, so the CLI can hand it uploads instead of fighting DuckDB's single-writer lock.
 */
export const serverInfoPath = (dbPath: string) => `${dbPath}.server.json`;

export interface ServerInfo {
  pid: number;
  url: string;
  /**
   * A random secret that lets a local `parity` command act on this server as an administrator
   * (uploads, user changes). The file is written readable by its owner only — the same person who
   * can already open the database file.
   */
  cliToken?: string;
}

/** Headers that carry the secret (see auth/guard.ts); empty when the server wrote none. */
export function cliHeaders(info: ServerInfo): Record<string, string> {
  if (!info.cliToken) return {};
  return { 'x-parity-cli-token': info.cliToken, 'x-parity-cli-user': process.env.USER ?? process.env.USERNAME ?? 'unknown' };
}
