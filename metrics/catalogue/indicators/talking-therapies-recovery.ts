import { defineMetric } from '../schema.ts';

export default defineMetric({
  id: 'talking-therapies-recovery',
  version: 1,
  title: 'NHS Talking Therapies recovery rate',
  description: 'Share of finished courses of treatment that moved to recovery.',
  definition: 'Referrals that finished a course of NHS Talking Therapies treatment and moved to recovery, as a percentage of those finishing treatment who were at caseness at the start. Published Talking Therapies figures.',
  domain: 'mental health',
  area: null,
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
  computation: { type: 'external', source: 'NHS Talking Therapies' },
  breakdowns: ['overall', 'ethnic_group', 'imd_quintile', 'age_band_broad', 'sex'],
});
