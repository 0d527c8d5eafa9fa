import { defineMetric, DEMOGRAPHIC_BREAKDOWNS } from '../schema.ts';

export default defineMetric({
  id: 'ae-4-hour',
  version: 1,
  title: 'A&E attendances completed within 4 hours',
  description: 'Time from arrival to departure within four hours.',
  definition: 'A&E attendances whose departure was within 4 hours of arrival, as a percentage of attendances with both an arrival and a departure time (departure not before arrival).',
  domain: 'UEC',
  area: null,
  cohort: 'all',
  kind: 'computed',
  dataset: 'ae_attendances',
  periodColumn: 'arrival_datetime',
  grain: 'month',
  statistic: 'percentage',
  multiplier: 100,
  unit: '%',
  polarity: 'higher',
  computation: { type: 'proportion', cohort: 'departure_datetime IS NOT NULL AND departure_datetime >= arrival_datetime', numerator: 'departure_datetime - arrival_datetime <= INTERVAL 4 HOUR' },
  breakdowns: [...DEMOGRAPHIC_BREAKDOWNS, 'site'],
  target: 78,
});
