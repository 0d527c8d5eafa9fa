// The disclosure-controlled twin of an unsuppressed answer on screen: the same request without
// `view=unsuppressed`, fetched when a chart's figures are saved. A file must never carry the
// figures an analyst sees on screen, so the answer is checked before it is used.
import { apiUrl, fetchJson } from '../api/client.ts';
import { BreakdownResult, CompletenessResult, SeriesResult } from '../../../core/contracts/results.ts';

class StillUnsuppressed extends Error {
  constructor() {
    super('The server sent unsuppressed figures for a download; nothing was saved. Reload the page and try again.');
  }
}

function disclosed<T extends { view?: 'unsuppressed' }>(result: T): T {
  if (result.view === 'unsuppressed') throw new StillUnsuppressed();
  return result;
}

/** The same breakdown (period, filters, level) with the disclosure profile applied. */
export async function disclosedBreakdown(result: BreakdownResult): Promise<BreakdownResult> {
  const url = apiUrl(`metrics/${encodeURIComponent(result.metric.id)}/breakdown`, {
    by: result.by,
    by2: result.by2 ?? null,
    from: result.period.from,
    to: result.period.to,
    specialty: result.filters?.specialty ?? null,
    site: result.filters?.site ?? null,
    level: result.level === 95 ? null : result.level,
  });
  return disclosed(await fetchJson(url, BreakdownResult));
}

/** The same series (breakdown, grain, filters) with the disclosure profile applied. */
export async function disclosedSeries(series: SeriesResult, filters: { specialty: string | null; site: string | null }): Promise<SeriesResult> {
  const url = apiUrl(`metrics/${encodeURIComponent(series.metric.id)}/series`, { by: series.by, grain: series.grain, ...filters });
  return disclosed(await fetchJson(url, SeriesResult));
}

/** The same completeness figures (dataset, field, comparison) with the disclosure profile applied. */
export async function disclosedCompleteness(result: CompletenessResult): Promise<CompletenessResult> {
  const url = apiUrl('completeness', { dataset: result.dataset, field: result.field, by: result.by ?? null });
  return disclosed(await fetchJson(url, CompletenessResult));
}
