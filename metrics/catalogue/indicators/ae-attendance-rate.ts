import { defineMetric, POPULATION_BREAKDOWNS } from '../schema.ts';

export default defineMetric({
  id: 'ae-attendance-rate',
  version: 1,
  title: 'A&E attendances per 100,000 population',
  description: 'A&E attendances, age-standardised.',
  definition: 'A&E attendances per 100,000 catchment population per year, directly standardised to the 2013 European Standard Population with Dobson intervals.',
  domain: 'UEC',
  area: null,
  cohort: 'all',
  kind: 'computed',
  dataset: 'ae_attendances',
  periodColumn: 'arrival_datetime',
  grain: 'month',
  statistic: 'dsr',
  multiplier: 100000,
  unit: 'per 100,000',
  polarity: 'context',
  computation: { type: 'population-rate', standardised: true },
  breakdowns: [...POPULATION_BREAKDOWNS],
});
