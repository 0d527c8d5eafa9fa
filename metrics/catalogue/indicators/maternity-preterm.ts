import { defineMetric } from '../schema.ts';

export default defineMetric({
  id: 'maternity-preterm',
  version: 1,
  title: 'Preterm births (under 37 weeks)',
  description: 'Share of deliveries before 37 completed weeks of gestation.',
  definition: 'Deliveries in the period at a gestation under 37 completed weeks, as a percentage of deliveries with a recorded gestation.',
  domain: 'maternity',
  area: 'maternity',
  cohort: 'adult',
  kind: 'computed',
  dataset: 'maternity',
  periodColumn: 'delivery_date',
  grain: 'month',
  statistic: 'percentage',
  multiplier: 100,
  unit: '%',
  polarity: 'lower',
  computation: { type: 'proportion', cohort: 'gestation_at_delivery_weeks IS NOT NULL', numerator: 'gestation_at_delivery_weeks < 37' },
  breakdowns: ['overall', 'ethnic_group', 'ethnic_category', 'imd_quintile', 'imd_decile', 'core20', 'age_band', 'site'],
});
