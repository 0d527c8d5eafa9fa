import { defineMetric } from '../schema.ts';

export default defineMetric({
  id: 'lipid-optimisation',
  version: 1,
  title: 'High CVD risk patients on lipid-lowering therapy',
  description: 'Share of people at high cardiovascular risk treated with lipid-lowering therapy.',
  definition: 'People with a QRISK score of 20% or more (or established CVD) currently treated with lipid-lowering therapy, as a percentage of those at high risk. Published CVDPREVENT figures.',
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
