// Fetches JSON from the Parity API, parses it with the result's zod schema and turns every
// failure into an ApiError whose message says what happened and what to do.
import { useCallback, useEffect, useState } from 'react';
import { csrfHeaders } from '../auth/session.ts';

/** What a zod schema (full or mini) offers a reader of answers: its safeParse. */
export interface Schema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

export type ApiErrorKind = 'network' | 'http' | 'shape';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status: number | null = null,
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Builds `/api/<path>?<query>` leaving out empty parameters. */
export function apiUrl(path: string, query: Record<string, string | number | null | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `/api/${path.replace(/^\/+/, '')}${qs ? `?${qs}` : ''}`;
}

const NO_ANSWER = 'The Parity server did not answer. Check that it is running (npm start) and try again.';

/** The ApiError of a refusal: the server's `{error: {code, message}}`, or a message saying what to do. */
export function errorFrom(status: number, body: unknown): ApiError {
  const err = (body as { error?: { code?: string; message?: string } } | null)?.error;
  const message = err?.message
    ?? (status === 413 ? 'The file is larger than this server accepts. Split it by month, or ask an administrator to raise PARITY_MAX_UPLOAD_MB.'
      : `The server answered ${status}. Try again; if it keeps happening, check the server log.`);
  return new ApiError('http', message, status, err?.code ?? null);
}

/** `body` checked against `schema`, or an ApiError naming the first place it differs. */
export function parseWith<T>(schema: Schema<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue ? issue.path.map(String).join('.') : '';
  throw new ApiError('shape', `The server's answer was not in the expected shape${where ? ` (at ${where}: ${issue.message})` : ''}. The web app and the server may be different versions: rebuild with npm start.`);
}

export interface SendOptions<T> {
  /** Sent as JSON (a string is sent as it is). */
  body?: unknown;
  /** Checks the answer; without one the answer is returned unchecked. */
  schema?: Schema<T>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

const CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * One JSON request that always reaches the server (no cache): a change carries the session's
 * CSRF token; no answer, a refusal (4xx/5xx) or an answer of the wrong shape becomes an ApiError.
 */
export async function send<T = unknown>(method: string, url: string, { body, schema, headers = {}, signal }: SendOptions<T> = {}): Promise<T> {
  const csrf = CHANGING.has(method.toUpperCase()) ? await csrfHeaders() : {};
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      signal,
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...csrf, ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('network', NO_ANSWER);
  }
  const answer: unknown = await response.json().catch(() => null);
  if (!response.ok) throw errorFrom(response.status, answer);
  return schema ? parseWith(schema, answer) : (answer as T);
}

const cache = new Map<string, unknown>();

interface RawAnswer {
  ok: boolean;
  status: number;
  body: unknown;
}

async function getRaw(url: string, signal?: AbortSignal): Promise<RawAnswer> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('network', NO_ANSWER);
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  return { ok: response.ok, status: response.status, body };
}

const early = new Map<string, Promise<RawAnswer>>();

/** Starts a request before the page that needs it has loaded (the first page's data). */
export function prefetch(url: string): void {
  if (cache.has(url) || early.has(url)) return;
  const request = getRaw(url);
  request.catch(() => early.delete(url));
  early.set(url, request);
}

export async function fetchJson<T>(url: string, schema: Schema<T>, signal?: AbortSignal): Promise<T> {
  if (cache.has(url)) return cache.get(url) as T;
  const started = early.get(url);
  early.delete(url);
  const { ok, status, body } = started ? await started.catch(() => getRaw(url, signal)) : await getRaw(url, signal);
  if (!ok) {
    const err = (body as { error?: { code?: string; message?: string } } | null)?.error;
    const message = err?.message
      ?? (status === 404
        ? 'This part of the API is not available on this server yet. Update Parity, or try again later.'
        : `The server answered ${status}. Try again; if it keeps happening, check the server log.`);
    throw new ApiError('http', message, status, err?.code ?? null);
  }
  const data = parseWith(schema, body);
  cache.set(url, data);
  return data;
}

export type ApiState<T> =
  | { status: 'loading'; data: null; error: null }
  | { status: 'ok'; data: T; error: null }
  | { status: 'error'; data: null; error: ApiError };

/** Loads `url` (or nothing while it is null) and re-loads when it changes. */
export function useApi<T>(url: string | null, schema: Schema<T>): ApiState<T> & { retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<ApiState<T>>(() =>
    url && cache.has(url) ? { status: 'ok', data: cache.get(url) as T, error: null } : { status: 'loading', data: null, error: null });
  useEffect(() => {
    if (!url) return;
    if (cache.has(url)) {
      setState({ status: 'ok', data: cache.get(url) as T, error: null });
      return;
    }
    const controller = new AbortController();
    setState({ status: 'loading', data: null, error: null });
    fetchJson(url, schema, controller.signal).then(
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
  const retry = useCallback(() => {
    if (url) cache.delete(url);
    setAttempt((n) => n + 1);
  }, [url]);
  return { ...state, retry };
}

/** Forgets every cached answer (after an upload or a deletion changes the data). */
export function clearApiCache(): void {
  cache.clear();
}
