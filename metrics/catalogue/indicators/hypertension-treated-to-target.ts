import { defineMetric } from '../schema.ts';

export default defineMetric({
  id: 'hypertension-treated-to-target',
  version: 1,
  title: 'Hypertension treated to target',
  description: 'Share of people with hypertension whose last blood pressure was at target.',
  definition: 'People with diagnosed hypertension whose last blood pressure reading in the last 12 months was below the age-appropriate treatment threshold, as a percentage of people with hypertension. Published CVDPREVENT figures.',
  domain: 'CVD',
  area: 'hypertension case-finding',
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
  computation: { type: 'external', source: 'CVDPREVENT' },
  breakdowns: ['overall', 'ethnic_group', 'imd_quintile', 'age_band_broad', 'sex'],
});
