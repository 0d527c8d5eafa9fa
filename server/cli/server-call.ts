// DuckDB lets one process write a database file. When `parity serve` holds it, a command asks that
// server over HTTP instead, authenticated by the secret in the server's owner-only `server.json`.
import { existsSync, readFileSync } from 'node:fs';
import { cliHeaders, type ServerInfo, serverInfoPath } from '../server-info.ts';

/** The server could not be reached, or refused; the message is the one to show. */
export class ServerCallError extends Error {}

/** The running server that holds `dbPath`, or null when the file's holder is not a Parity server. */
export function runningServer(dbPath: string): ServerInfo | null {
  const file = serverInfoPath(dbPath);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ServerInfo) : null;
}

/** Calls `/api<path>` on the running server as the local administrator; returns the JSON answer. */
export async function callServer<T>(info: ServerInfo, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${info.url}/api${path}`, {
    method,
    headers: { ...cliHeaders(info), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  }).catch((error: Error) => {
    throw new ServerCallError(`The database is held by a Parity server at ${info.url}, which did not answer (${error.message}). Is it still running?`);
  });
  const json = (await response.json().catch(() => ({}))) as T & { error?: { message?: string } };
  if (!response.ok) throw new ServerCallError(json.error?.message ?? `The server answered ${response.status}.`);
  return json;
}
