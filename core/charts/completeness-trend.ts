import type { TopLevelSpec } from 'vega-lite';
import type { Counts, Spc } from '../contracts/results.ts';
import type { ChartOptions } from './shared.ts';
import { trendSpec } from './trend.ts';

/** Valid % by period against the target, with SPC. */
export function completenessTrendSpec(input: { periods: (Counts & { period: string })[]; spc: Spc | null; target: number; fieldTitle: string }, options: ChartOptions = {}): TopLevelSpec {
  return trendSpec({
    points: input.periods.map((p) => ({ period: p.period, value: p.validPercent, lower: p.lower ?? null, upper: p.upper ?? null, numerator: p.valid, denominator: p.total })),
    spc: input.spc,
    unit: { unit: '%' },
    yTitle: `Records with a valid ${input.fieldTitle} (%)`,
    target: input.target,
  }, options);
}
