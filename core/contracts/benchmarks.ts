// England, regional and peer values set beside a result (docs/benchmarks.md), with the comparison
// Fingertips makes: the trust's interval against the benchmark's value.
import * as z from 'zod/mini';

const maybeNum = z.nullable(z.number());

export const verdicts = ['better', 'similar', 'worse', 'higher', 'lower', 'not compared'] as const;
export type Verdict = (typeof verdicts)[number];

export const BenchmarkGroup = z.object({ group: z.string(), value: maybeNum, lower: maybeNum, upper: maybeNum });
export type BenchmarkGroup = z.infer<typeof BenchmarkGroup>;

export const Benchmark = z.object({
  indicatorId: z.string(),
  areaCode: z.string(),
  areaName: z.nullable(z.string()),
  areaType: z.string(),
  /** As published (2024/25), with its first and last day. */
  period: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  value: maybeNum,
  lower: maybeNum,
  upper: maybeNum,
  count: maybeNum,
  denominator: maybeNum,
  note: z.nullable(z.string()),
  source: z.string(),
  /** The benchmark's unit when it is not the indicator's (then it is never drawn on the indicator's scale). */
  unit: z.optional(z.nullable(z.string())),
  comparison: z.enum(verdicts),
  /** Why it was not compared; null when it was. */
  reason: z.nullable(z.string()),
  /** The area's own values for the result's groups (England by deprivation decile, by ethnic group). */
  groups: z.optional(z.array(BenchmarkGroup)),
});
export type Benchmark = z.infer<typeof Benchmark>;

/** One indicator of the loaded benchmark files, and the catalogue indicators it feeds (none: kept, listed, not shown). */
export const BenchmarkIndicator = z.object({
  indicatorId: z.string(),
  indicatorName: z.nullable(z.string()),
  rows: z.int(),
  areas: z.int(),
  periods: z.array(z.string()),
  linkedTo: z.array(z.string()),
});
export type BenchmarkIndicator = z.infer<typeof BenchmarkIndicator>;

/** England's entry, when there is one: what "compared with England" reads. */
export function englandOf(benchmarks: readonly Benchmark[] | undefined): Benchmark | null {
  return benchmarks?.find((b) => b.areaCode === 'E92000001' || b.areaType.toLowerCase() === 'england') ?? null;
}
