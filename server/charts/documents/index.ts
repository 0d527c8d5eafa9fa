// Chart documents by kind: each kind's module registers an entry (its kinds, how to build the
// document from live results, where a published one is filed), and callers look the entry up by
// the request's `chart` instead of testing for each family.
import type { MetricsService } from '../../services/metrics-service.ts';
import type { ChartDocument, ChartDocumentEntry } from './common.ts';
import { completenessDocuments } from './completeness.ts';
import { indicatorDocuments } from './indicator.ts';
import type { AnyChartRequest, ChartBody } from './requests.ts';
import { specialtyDocuments } from './specialty.ts';

export { OGL, type ChartDocument, type ChartDocumentEntry } from './common.ts';
export * from './requests.ts';

const ENTRIES: ChartDocumentEntry<AnyChartRequest>[] = [indicatorDocuments, specialtyDocuments, completenessDocuments];
const BY_KIND = new Map<string, ChartDocumentEntry<AnyChartRequest>>(ENTRIES.flatMap((entry) => entry.kinds.map((kind) => [kind, entry] as const)));

/** The entry that builds documents of the request's kind. */
export function documentFor<R extends AnyChartRequest>(request: R | { chart: R['chart'] }): ChartDocumentEntry<R> {
  const entry = BY_KIND.get(request.chart);
  if (!entry) throw new Error(`No chart document of kind "${request.chart}"`);
  return entry as ChartDocumentEntry<R>;
}

/** Builds the document for a chart of any kind from live results. */
export function buildDocument(metrics: MetricsService, request: AnyChartRequest): Promise<ChartDocument> {
  return documentFor(request).build(metrics, request);
}

/** What a chart of this kind is of; undefined for a kind no entry has registered. */
export function subjectOf(chart: string): ChartDocumentEntry<AnyChartRequest>['subject'] | undefined {
  return BY_KIND.get(chart)?.subject;
}

/** The request a checked publish body describes, built by its kind's entry. */
export function requestFromBody(body: ChartBody): AnyChartRequest {
  return documentFor(body).fromBody(body);
}
