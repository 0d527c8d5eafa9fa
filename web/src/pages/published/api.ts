// The published charts API: the list (GET /api/published) and withdrawal (DELETE /api/published/:id).
import * as z from 'zod/mini';
import { ApiError } from '../../api/client.ts';
import { csrfHeaders, redirectToLogin } from '../../auth/session.ts';

const maybeStr = z.nullable(z.string());

export const PublishedSummary = z.object({
  id: z.string(),
  url: z.string(),
  title: z.string(),
  metric: z.string(),
  metricVersion: z.number(),
  chart: z.string(),
  by: z.string(),
  by2: maybeStr,
  period: z.object({ from: maybeStr, to: maybeStr }),
  disclosure: z.string(),
  dataAsAt: maybeStr,
  publishedBy: z.string(),
  publishedAt: z.string(),
  withdrawnAt: maybeStr,
  withdrawnBy: maybeStr,
});
export type PublishedSummary = z.infer<typeof PublishedSummary>;

export const PublishedList = z.object({ published: z.array(PublishedSummary) });

/** Withdraws a published chart: its page then says so, and its files answer 410. */
export async function withdraw(id: string): Promise<PublishedSummary> {
  let response: Response;
  try {
    response = await fetch(`/api/published/${encodeURIComponent(id)}`, { method: 'DELETE', headers: { accept: 'application/json', ...(await csrfHeaders()) } });
  } catch {
    throw new ApiError('network', 'The Parity server did not answer. Check that it is running and try again.');
  }
  const body = (await response.json().catch(() => null)) as { published?: unknown; error?: { code?: string; message?: string } } | null;
  if (response.status === 401) redirectToLogin();
  if (!response.ok) {
    throw new ApiError('http', body?.error?.message ?? `The server answered ${response.status}. Try again; if it keeps happening, check the server log.`, response.status, body?.error?.code ?? null);
  }
  const parsed = PublishedSummary.safeParse(body?.published);
  if (!parsed.success) throw new ApiError('shape', "The server's answer was not in the expected shape. Reload the page.");
  return parsed.data;
}
