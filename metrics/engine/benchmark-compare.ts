// The comparison Fingertips makes between an area and its benchmark: the area's confidence
// interval against the benchmark's value. An interval wholly above the value is "higher", wholly
// below "lower", otherwise "similar"; with a polarity, higher and lower become better or worse.
// Nothing is compared across different periods or definitions — that answer says why not.
import type { MetricDefinition } from '../catalogue/schema.ts';

import type { Verdict } from '../../core/contracts/benchmarks.ts';

export interface LocalFigure {
  value: number | null;
  lower: number | null;
  upper: number | null;
  suppressed: boolean;
}

export interface Comparison {
  comparison: Verdict;
  /** Why not compared; null when compared. */
  reason: string | null;
}

export const notCompared = (reason: string): Comparison => ({ comparison: 'not compared', reason });

/** The local interval against the benchmark value, in the indicator's polarity. */
export function compareWithBenchmark(local: LocalFigure, benchmark: number | null, polarity: MetricDefinition['polarity']): Comparison {
  if (benchmark === null) return notCompared('no value is published for this area and period');
  if (local.suppressed) return notCompared("the trust's figure is withheld (small numbers)");
  if (local.value === null) return notCompared('the trust has no figure for this period');
  if (local.lower === null || local.upper === null) return notCompared("the trust's figure has no confidence interval");
  const side = local.lower > benchmark ? 'higher' : local.upper < benchmark ? 'lower' : 'similar';
  if (side === 'similar' || polarity === 'context') return { comparison: side, reason: null };
  const good = (side === 'higher') === (polarity === 'higher');
  return { comparison: good ? 'better' : 'worse', reason: null };
}
