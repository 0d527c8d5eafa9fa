import { defineMetric } from '../schema.ts';

export default defineMetric({
  id: 'diabetes-8-care-processes',
  version: 1,
  title: 'People with diabetes receiving all 8 care processes',
  description: 'Share of people with diabetes who had all eight NICE care processes in the year.',
  definition: 'People with diabetes who received all eight NICE-recommended care processes in the audit year, as a percentage of people with diabetes. Published National Diabetes Audit figures.',
  domain: 'diabetes',
  area: 'CYP diabetes',
  cohort: 'all',
  kind: 'external',
  dataset: 'aggregate_indicators',
  periodColumn: 'period_start',
  census: true,
  grain: 'quarter',
  statistic: 'percentage',
  multiplier: 100,
  unit: '%',
  polarity: 'higher',
  computation: { type: 'external', source: 'National Diabetes Audit' },
  breakdowns: ['overall', 'ethnic_group', 'imd_quintile', 'age_band_broad', 'sex'],
});
