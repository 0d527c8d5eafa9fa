import { defineMetric, POPULATION_BREAKDOWNS } from '../schema.ts';

export default defineMetric({
  id: 'copd-emergency',
  version: 1,
  title: 'Emergency admissions for COPD, ages 18+, per 100,000',
  description: 'Emergency COPD admissions of adults, age-standardised.',
  definition: 'Emergency hospital spells of patients aged 18 and over with a primary diagnosis of chronic obstructive pulmonary disease (ICD-10 J40–J44), per 100,000 catchment population aged 18+ per year, directly standardised (ESP 2013, Dobson).',
  domain: 'respiratory',
  area: 'chronic respiratory disease',
  cohort: 'adult',
  kind: 'computed',
  dataset: 'admissions',
  periodColumn: 'admission_date',
  grain: 'month',
  statistic: 'dsr',
  multiplier: 100000,
  unit: 'per 100,000',
  polarity: 'lower',
  computation: { type: 'population-rate', standardised: true, events: "admission_type = 'emergency' AND left(primary_diagnosis, 3) IN ('J40', 'J41', 'J42', 'J43', 'J44')" },
  ageRange: { min: 18, max: null },
  breakdowns: [...POPULATION_BREAKDOWNS],
});
