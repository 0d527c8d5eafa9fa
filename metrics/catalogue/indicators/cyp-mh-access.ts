import { defineMetric } from '../schema.ts';

export default defineMetric({
  id: 'cyp-mh-access',
  version: 1,
  title: 'Children and young people (0–17) accessing mental health services',
  description: 'Share of the 0–17 population with at least one contact with NHS-funded mental health services in 12 months.',
  definition: 'Children and young people aged 0–17 with at least one contact with NHS-funded mental health services in the last 12 months, as a percentage of the population aged 0–17. Published MHSDS figures; intervals computed from the published counts (Wilson).',
  domain: 'mental health',
  area: 'CYP mental health',
  cohort: 'cyp',
  kind: 'external',
  dataset: 'aggregate_indicators',
  periodColumn: 'period_start',
  census: true,
  grain: 'quarter',
  statistic: 'percentage',
  multiplier: 100,
  unit: '%',
  polarity: 'higher',
  computation: { type: 'external', source: 'MHSDS' },
  breakdowns: ['overall', 'ethnic_group', 'imd_quintile', 'sex'],
});
