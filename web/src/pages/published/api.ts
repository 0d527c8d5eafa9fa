// The published charts API: the list (GET /api/published) and withdrawal (DELETE /api/published/:id).
import { PublishedList, PublishedSummary, Withdrawn } from '../../../../core/contracts/published.ts';
import { ApiError, send } from '../../api/client.ts';
import { redirectToLogin } from '../../auth/session.ts';

export { PublishedList, PublishedSummary };

/** Withdraws a published chart: its page then says so, and its files answer 410. */
export async function withdraw(id: string): Promise<PublishedSummary> {
  try {
    return (await send('DELETE', `/api/published/${encodeURIComponent(id)}`, { schema: Withdrawn })).published;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) redirectToLogin();
    throw error;
  }
}
