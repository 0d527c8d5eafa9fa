import { defineMetric, POPULATION_BREAKDOWNS } from '../schema.ts';

export default defineMetric({
  id: 'cyp-tooth-extraction',
  version: 1,
  title: 'Tooth extractions for decay in hospital, ages 0–10, per 100,000',
  description: 'Hospital tooth extractions for dental caries in children aged 0–10.',
  definition: "Hospital spells of children aged 0–10 with a primary procedure of tooth extraction (OPCS-4 F09–F10) and a primary diagnosis of dental caries (ICD-10 K02), per 100,000 catchment population aged 0–10 per year (crude rate; exact Poisson below 10 events, Byar's from 10).",
  domain: 'oral health',
  area: 'CYP oral health',
  cohort: 'cyp',
  kind: 'computed',
  dataset: 'admissions',
  periodColumn: 'admission_date',
  grain: 'quarter',
  statistic: 'crude-rate',
  multiplier: 100000,
  unit: 'per 100,000',
  polarity: 'lower',
  computation: { type: 'population-rate', standardised: false, events: "left(primary_procedure, 3) IN ('F09', 'F10') AND left(primary_diagnosis, 3) = 'K02'" },
  ageRange: { min: 0, max: 10 },
  breakdowns: [...POPULATION_BREAKDOWNS],
});
