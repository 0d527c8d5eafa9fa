import { defineMetric, POPULATION_BREAKDOWNS } from '../schema.ts';

export default defineMetric({
  id: 'mi-stroke-emergency',
  version: 1,
  title: 'Emergency admissions for heart attack and stroke, per 100,000',
  description: 'Emergency admissions for myocardial infarction or stroke, age-standardised.',
  definition: 'Emergency hospital spells with a primary diagnosis of acute myocardial infarction (ICD-10 I21–I22) or stroke (I60–I64), per 100,000 catchment population per year, directly standardised (ESP 2013, Dobson).',
  domain: 'CVD',
  area: 'hypertension case-finding',
  cohort: 'adult',
  kind: 'computed',
  dataset: 'admissions',
  periodColumn: 'admission_date',
  grain: 'month',
  statistic: 'dsr',
  multiplier: 100000,
  unit: 'per 100,000',
  polarity: 'lower',
  computation: { type: 'population-rate', standardised: true, events: "admission_type = 'emergency' AND left(primary_diagnosis, 3) IN ('I21', 'I22', 'I60', 'I61', 'I62', 'I63', 'I64')" },
  breakdowns: [...POPULATION_BREAKDOWNS],
});
