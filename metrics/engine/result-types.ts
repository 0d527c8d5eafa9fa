// The engine's result shapes are the API contract's (core/contracts/results.ts, docs/api.md): one
// declaration, so what the engine builds, what the routes declare and what the web app parses
// cannot drift. The contract leaves a few fields optional because the web app also reads charts
// frozen by earlier versions; the engine always fills them in, and `Filled` says so to the
// compiler without restating a field.
import type * as contract from '../../core/contracts/results.ts';

/** T with the keys K present and never undefined. */
type Filled<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: Exclude<T[P], undefined> };

/** The catalogue entry as the API shows it: no SQL. */
export type PublicMetric = Filled<contract.Metric, 'target'>;
export type ResultRow = contract.Row;
export type Gap = contract.Gap;
export type Figure = Filled<contract.Figure, 'method'>;
export type BreakdownResult = Filled<
  Omit<contract.BreakdownResult, 'metric' | 'overall'> & { metric: PublicMetric; overall: Figure },
  'by2' | 'disclosureLabel' | 'dataAsAt' | 'filters' | 'reference' | 'benchmarks' | 'notComputable'
>;
export type SeriesPoint = contract.Point;
export type SpcView = contract.Spc;
export type SeriesResult = Filled<
  Omit<contract.SeriesResult, 'metric'> & { metric: PublicMetric },
  'level' | 'disclosureLabel' | 'dataAsAt' | 'benchmarks' | 'notComputable'
>;
