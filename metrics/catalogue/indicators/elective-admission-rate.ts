import { defineMetric, POPULATION_BREAKDOWNS } from '../schema.ts';

export default defineMetric({
  id: 'elective-admission-rate',
  version: 1,
  title: 'Elective admissions per 100,000 catchment population',
  description: 'Elective spells, age-standardised to the 2013 European Standard Population.',
  definition: 'Hospital spells with an elective admission method (11, 12 or 13) per 100,000 catchment population per year, directly standardised to the 2013 European Standard Population with Dobson intervals. The population comes from the loaded catchment population table.',
  domain: 'elective',
  area: null,
  cohort: 'all',
  kind: 'computed',
  dataset: 'admissions',
  periodColumn: 'admission_date',
  grain: 'month',
  statistic: 'dsr',
  multiplier: 100000,
  unit: 'per 100,000',
  polarity: 'context',
  computation: { type: 'population-rate', standardised: true, events: "admission_type = 'elective'" },
  breakdowns: [...POPULATION_BREAKDOWNS],
});
