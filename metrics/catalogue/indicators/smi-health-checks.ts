import { defineMetric } from '../schema.ts';

export default defineMetric({
  id: 'smi-health-checks',
  version: 1,
  title: 'People with SMI receiving a full annual physical health check',
  description: 'Share of people on the SMI register with all six health checks in the year.',
  definition: 'People on the severe mental illness register who received all six elements of the annual physical health check in the last 12 months, as a percentage of the register. Published figures loaded from MHSDS / GP data; intervals computed from the published counts (Wilson).',
  domain: 'mental health',
  area: 'severe mental illness',
  cohort: 'adult',
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
  breakdowns: ['overall', 'ethnic_group', 'imd_quintile', 'age_band_broad', 'sex'],
});
