import { existsSync, openAsBlob, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { IngestSummary } from '../../pipelines/ingest/summary.ts';
import { cliHeaders, type ServerInfo, serverInfoPath } from '../server-info.ts';

interface RemoteRequest {
  path: string;
  dataset: string;
  mapping?: string;
  replace?: string;
}

/**
 * DuckDB lets one process write a database file. When `parity serve` holds it, the CLI posts the
 * extract to that server's upload endpoint, so both paths go through the same serialised loader.
 */
export async function uploadToRunningServer(dbPath: string, request: RemoteRequest): Promise<{ summary: IngestSummary } | { error: string }> {
  const infoFile = serverInfoPath(dbPath);
  if (!existsSync(infoFile)) {
    return { error: `The database ${dbPath} is locked by another process that is not a Parity server. Stop it, or upload through that process.` };
  }
  const info = JSON.parse(readFileSync(infoFile, 'utf8')) as ServerInfo;
  const { url } = info;
  const form = new FormData();
  form.set('dataset', request.dataset);
  if (request.mapping) form.set('mapping', existsSync(request.mapping) ? readFileSync(request.mapping, 'utf8') : request.mapping);
  if (request.replace) form.set('replace', request.replace);
  form.set('file', await openAsBlob(request.path), basename(request.path));
  try {
    const response = await fetch(`${url}/api/extracts`, { method: 'POST', body: form, headers: cliHeaders(info) });
    const body = (await response.json()) as IngestSummary | { error: { message: string } };
    if ('error' in body) return { error: body.error.message };
    return { summary: body };
  } catch (error) {
    return { error: `The database is held by a Parity server at ${url}, which did not answer (${(error as Error).message}). Is it still running?` };
  }
}
