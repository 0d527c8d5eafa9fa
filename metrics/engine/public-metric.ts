import { METHOD_OF, type MetricDefinition } from '../catalogue/schema.ts';
import type { PublicMetric } from './result-types.ts';

/** What the API shows of a definition: everything but the SQL. */
export function publicMetric(m: MetricDefinition): PublicMetric {
  return {
    id: m.id,
    title: m.title,
    description: m.description,
    definition: m.definition,
    domain: m.domain,
    area: m.area,
    cohort: m.cohort,
    kind: m.kind,
    dataset: m.dataset,
    statistic: m.statistic,
    unit: m.unit,
    multiplier: m.multiplier,
    polarity: m.polarity,
    method: m.computation.type === 'external' ? `Wilson score from published counts, or as published (${m.computation.source})` : METHOD_OF[m.statistic],
    grain: m.grain,
    breakdowns: m.breakdowns,
    ageRange: m.ageRange,
    target: m.target,
    version: m.version,
  };
}
