import { defineMetric, POPULATION_BREAKDOWNS } from '../schema.ts';

export default defineMetric({
  id: 'cyp-asthma-emergency',
  version: 1,
  title: 'Emergency admissions for asthma, ages 0–17, per 100,000',
  description: 'Emergency admissions of children and young people (0–17) with a primary diagnosis of asthma.',
  definition: "Emergency hospital spells (admission methods 21–28) of patients aged 0–17 with a primary diagnosis in ICD-10 J45–J46, per 100,000 catchment population aged 0–17 per year (crude rate; exact Poisson interval below 10 events, Byar's from 10). Population bands that straddle age 17 are apportioned by single year of age.",
  domain: 'UEC',
  area: 'CYP asthma',
  cohort: 'cyp',
  kind: 'computed',
  dataset: 'admissions',
  periodColumn: 'admission_date',
  grain: 'quarter',
  statistic: 'crude-rate',
  multiplier: 100000,
  unit: 'per 100,000',
  polarity: 'lower',
  computation: { type: 'population-rate', standardised: false, events: "admission_type = 'emergency' AND left(primary_diagnosis, 3) IN ('J45', 'J46')" },
  ageRange: { min: 0, max: 17 },
  breakdowns: [...POPULATION_BREAKDOWNS],
});
