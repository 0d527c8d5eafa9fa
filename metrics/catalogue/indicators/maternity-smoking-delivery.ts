import { defineMetric } from '../schema.ts';

export default defineMetric({
  id: 'maternity-smoking-delivery',
  version: 1,
  title: 'Smoking at time of delivery',
  description: 'Share of women smoking when they gave birth.',
  definition: 'Deliveries in the period where the mother was recorded as a smoker at the time of delivery, as a percentage of deliveries with smoking status recorded.',
  domain: 'smoking',
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
  computation: { type: 'proportion', cohort: 'smoking_at_delivery IS NOT NULL', numerator: 'smoking_at_delivery' },
  breakdowns: ['overall', 'ethnic_group', 'ethnic_category', 'imd_quintile', 'imd_decile', 'core20', 'age_band', 'site'],
  fingertips: [{ id: 93085, name: 'Smoking status at time of delivery', period: 'financial-year',
    source: 'OHID Fingertips indicator 93085 (fingertips.phe.org.uk/search/93085): mothers known to be smokers at the time of delivery as a percentage of all maternities with known smoking status — the same definition.' }],
});
