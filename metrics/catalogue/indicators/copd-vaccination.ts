import { defineMetric } from '../schema.ts';

export default defineMetric({
  id: 'copd-vaccination',
  version: 1,
  title: 'COPD patients vaccinated (flu, pneumococcal, COVID-19)',
  description: 'Share of people with COPD who had the recommended vaccinations.',
  definition: 'People on the COPD register who received the seasonal flu, pneumococcal and COVID-19 vaccinations recommended for them, as a percentage of the register. Published GP figures.',
  domain: 'respiratory',
  area: 'chronic respiratory disease',
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
  computation: { type: 'external', source: 'GP data' },
  breakdowns: ['overall', 'ethnic_group', 'imd_quintile', 'age_band_broad', 'sex'],
});
