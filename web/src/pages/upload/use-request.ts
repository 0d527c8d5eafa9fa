// Loads a URL with no caching (extracts and mappings change while the page is open).
import { useCallback, useEffect, useState } from 'react';
import { ApiError, type Schema } from '../../api/client.ts';
import { request } from './api.ts';

export type RequestState<T> =
  | { status: 'loading'; data: null; error: null }
  | { status: 'ok'; data: T; error: null }
  | { status: 'error'; data: null; error: ApiError };

export function useRequest<T>(url: string | null, schema: Schema<T>): RequestState<T> & { reload: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<RequestState<T>>({ status: 'loading', data: null, error: null });
  useEffect(() => {
    if (!url) return;
    const controller = new AbortController();
    // Keep showing the last answer while reloading the same URL (no flash of "Loading…").
    setState((s) => (s.status === 'ok' && attempt > 0 ? s : { status: 'loading', data: null, error: null }));
    request(url, schema, { signal: controller.signal }).then(
      (data) => setState({ status: 'ok', data, error: null }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: 'error', data: null, error: error instanceof ApiError ? error : new ApiError('network', String(error)) });
      },
    );
    return () => controller.abort();
    // `schema` is a module constant at every call site.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
