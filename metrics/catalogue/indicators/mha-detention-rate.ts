import { defineMetric, POPULATION_BREAKDOWNS } from '../schema.ts';

export default defineMetric({
  id: 'mha-detention-rate',
  version: 1,
  title: 'Mental Health Act detentions per 100,000',
  description: 'Detentions under the Mental Health Act, age-standardised.',
  definition: 'Detentions under the Mental Health Act starting in the period, per 100,000 catchment population per year, directly standardised (ESP 2013, Dobson).',
  domain: 'mental health',
  area: 'severe mental illness',
  cohort: 'adult',
  kind: 'computed',
  dataset: 'mh_detentions',
  periodColumn: 'start_date',
  grain: 'month',
  statistic: 'dsr',
  multiplier: 100000,
  unit: 'per 100,000',
  polarity: 'lower',
  computation: { type: 'population-rate', standardised: true },
  breakdowns: [...POPULATION_BREAKDOWNS],
});
