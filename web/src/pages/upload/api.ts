// The upload and extract endpoints (docs/ingestion.md, docs/interfaces.md): their result shapes
// (the core/contracts schemas, re-exported for the pages), reads that bypass the app-wide cache
// (extracts change under the page), and the upload itself over XMLHttpRequest so the page can
// show real upload progress.
import { Dataset, DatasetColumn, DatasetList } from '../../../../core/contracts/datasets.ts';
import { IngestSummary } from '../../../../core/contracts/ingest.ts';
import { Extract, ExtractDeleted, ExtractDetail, ExtractList, SavedMapping, SavedMappingList } from '../../../../core/contracts/extracts.ts';
import { ApiError, clearApiCache, errorFrom, parseWith, send } from '../../api/client.ts';
import { allows, csrfHeaders, loadSession } from '../../auth/session.ts';

export { Dataset, DatasetColumn, DatasetList, Extract, ExtractDetail, ExtractList, IngestSummary, SavedMapping, SavedMappingList };

export const urls = {
  datasets: '/api/datasets',
  extracts: '/api/extracts',
  extract: (id: string) => `/api/extracts/${encodeURIComponent(id)}`,
  quarantineCsv: (id: string) => `/api/extracts/${encodeURIComponent(id)}/quarantine.csv`,
  mappings: '/api/mappings',
  extractPage: (id: string) => `/extracts?id=${encodeURIComponent(id)}`,
};

interface Schema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

/** May this browser's user delete extracts (the admin role, or a local server with no accounts)? */
export async function canDelete(): Promise<boolean> {
  return allows(await loadSession(), 'admin');
}

/** JSON request that always reaches the server (no cache); 4xx/5xx become ApiErrors. */
export async function request<T>(url: string, schema: Schema<T>, init: { method?: string; body?: string; signal?: AbortSignal } = {}): Promise<T> {
  return send(init.method ?? 'GET', url, { schema, body: init.body, signal: init.signal });
}


export async function deleteExtract(id: string): Promise<void> {
  await request(urls.extract(id), ExtractDeleted, { method: 'DELETE' });
  clearApiCache();
}

export async function saveMapping(mapping: SavedMapping): Promise<SavedMapping> {
  return request(urls.mappings, SavedMapping, { method: 'POST', body: JSON.stringify(mapping) });
}

export interface UploadRequest {
  file: Blob;
  fileName: string;
  dataset: string;
  mapping: Record<string, string>;
  replace: string | null;
}

export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface Upload {
  done: Promise<IngestSummary>;
  abort: () => void;
}

/**
 * Posts the extract as multipart/form-data. Resolves with the ingest summary for 201 (loaded),
 * 200 (duplicate) and 422 (rejected); rejects with an ApiError for anything else (413 too large, …).
 */
export function uploadExtract(req: UploadRequest, onProgress: (p: UploadProgress) => void): Upload {
  const xhr = new XMLHttpRequest();
  let aborted = false;
  const done = csrfHeaders().then((csrf) => new Promise<IngestSummary>((resolve, reject) => {
    if (aborted) {
      reject(new ApiError('network', 'The upload was cancelled. Nothing was loaded.'));
      return;
    }
    const form = new FormData();
    form.append('dataset', req.dataset);
    if (Object.keys(req.mapping).length) form.append('mapping', JSON.stringify(req.mapping));
    if (req.replace) form.append('replace', req.replace);
    form.append('file', req.file, req.fileName);
    xhr.open('POST', urls.extracts);
    xhr.setRequestHeader('accept', 'application/json');
    for (const [name, value] of Object.entries(csrf)) xhr.setRequestHeader(name, value);
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress({ loaded: event.loaded, total: event.total });
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status === 200 || xhr.status === 201 || xhr.status === 422) {
        try {
          resolve(parseWith(IngestSummary, body));
        } catch (error) {
          reject(error);
        }
        clearApiCache();
      } else reject(errorFrom(xhr.status, body));
    };
    xhr.onerror = () => reject(new ApiError('network', 'The upload was interrupted: the Parity server did not answer. Check that it is running and upload again; nothing was loaded.'));
    xhr.onabort = () => reject(new ApiError('network', 'The upload was cancelled. Nothing was loaded.'));
    xhr.send(form);
  }));
  return {
    done,
    abort: () => {
      aborted = true;
      xhr.abort();
    },
  };
}
