import { z } from 'zod';
import { DATASET_IDS } from '../../core/datasets/index.ts';

/** Every breakdown a result can be split by (docs/catalogue.md, "Breakdowns"); a metric allows a subset. */
export const BREAKDOWNS = [
  'overall', 'ethnic_group', 'ethnic_category', 'imd_quintile', 'imd_decile', 'core20',
  'age_band', 'age_band_broad', 'sex', 'specialty', 'site', 'plus_group',
] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

/** Breakdowns every patient-level indicator supports: the statement's minimum plus the detail. */
export const DEMOGRAPHIC_BREAKDOWNS: Breakdown[] = [
  'overall', 'ethnic_group', 'ethnic_category', 'imd_quintile', 'imd_decile', 'core20', 'age_band', 'age_band_broad', 'sex',
];
/** Population denominators exist only for what the `population` table is split by. */
export const POPULATION_BREAKDOWNS: Breakdown[] = ['overall', 'ethnic_group', 'imd_quintile', 'core20', 'age_band', 'age_band_broad', 'sex'];

/**
 * SQL fragments in a definition are expressions over the dataset's stored columns. They are
 * code reviewed with the catalogue, never built from a request: request values are parameters.
 */
const sqlExpression = z.string().min(1);

const computation = z.discriminatedUnion('type', [
  /** numerator rows / cohort rows (Wilson). */
  z.object({ type: z.literal('proportion'), cohort: sqlExpression.optional(), numerator: sqlExpression }),
  /** Median of `value` over cohort rows, with an order-statistic interval. */
  z.object({ type: z.literal('median'), cohort: sqlExpression.optional(), value: sqlExpression }),
  /** Events (rows matching `events`) per catalogue population; DSR when standardised, else crude. */
  z.object({ type: z.literal('population-rate'), events: sqlExpression.optional(), standardised: z.boolean() }),
  /** Values published elsewhere and loaded through `aggregate_indicators`. */
  z.object({ type: z.literal('external'), source: z.string() }),
]);

export const metricDefinition = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    version: z.number().int().positive(),
    title: z.string().min(3),
    description: z.string().min(3),
    /** Plain English for the UI: what is counted, over what, and what is left out. */
    definition: z.string().min(10),
    domain: z.string(),
    /** The Core20PLUS5 clinical area, when the indicator belongs to one. */
    area: z.string().nullable(),
    cohort: z.enum(['adult', 'cyp', 'all']),
    kind: z.enum(['computed', 'external', 'completeness']),
    dataset: z.enum(DATASET_IDS as [string, ...string[]]),
    /** The date column that places a row in a period. */
    periodColumn: z.string(),
    /** Snapshot datasets count the latest census date in the period, not every row in it. */
    census: z.boolean().default(false),
    grain: z.enum(['month', 'quarter']),
    statistic: z.enum(['percentage', 'crude-rate', 'dsr', 'median', 'ratio']),
    multiplier: z.number().positive(),
    unit: z.string(),
    polarity: z.enum(['higher', 'lower', 'context']),
    computation,
    /** Ages the indicator covers (events outside are not counted; population likewise). */
    ageRange: z.object({ min: z.number().int().min(0), max: z.number().int().nullable() }).nullable().default(null),
    breakdowns: z.array(z.enum(BREAKDOWNS)).min(1),
    /** A local target (e.g. the 92% RTT standard) for SPC assurance, in the metric's unit. */
    target: z.number().nullable().default(null),
  })
  .superRefine((m, ctx) => {
    if (!m.breakdowns.includes('overall')) ctx.addIssue({ code: 'custom', message: `${m.id}: breakdowns must include overall` });
    const expected = { proportion: ['percentage'], median: ['median'], 'population-rate': ['crude-rate', 'dsr'], external: ['percentage', 'crude-rate', 'ratio'] }[m.computation.type];
    if (!expected.includes(m.statistic)) ctx.addIssue({ code: 'custom', message: `${m.id}: statistic ${m.statistic} does not fit a ${m.computation.type} computation` });
    if (m.computation.type === 'population-rate' && m.breakdowns.some((b) => !POPULATION_BREAKDOWNS.includes(b))) {
      ctx.addIssue({ code: 'custom', message: `${m.id}: population rates can only be broken down by ${POPULATION_BREAKDOWNS.join(', ')}` });
    }
  });

export type MetricInput = z.input<typeof metricDefinition>;
export type MetricDefinition = z.output<typeof metricDefinition>;

/** Validates a definition where it is declared, so a bad catalogue file fails at import time. */
export function defineMetric(input: MetricInput): MetricDefinition {
  return metricDefinition.parse(input);
}

/** The method name each statistic reports. */
export const METHOD_OF: Record<MetricDefinition['statistic'], string> = {
  percentage: 'Wilson score',
  'crude-rate': "Exact Poisson below 10 events, Byar's from 10",
  dsr: 'Directly standardised (ESP 2013), Dobson',
  median: 'Median with order-statistic interval',
  ratio: 'As published',
};
