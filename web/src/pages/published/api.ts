// The published charts API: the list (GET /api/published) and withdrawal (DELETE /api/published/:id).
import * as z from 'zod/mini';
import { ApiError, send } from '../../api/client.ts';
import { redirectToLogin } from '../../auth/session.ts';

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
  try {
    return (await send('DELETE', `/api/published/${encodeURIComponent(id)}`, { schema: z.object({ published: PublishedSummary }) })).published;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) redirectToLogin();
    throw error;
  }
}
