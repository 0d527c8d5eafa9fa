import { defineMetric, DEMOGRAPHIC_BREAKDOWNS } from '../schema.ts';

export default defineMetric({
  id: 'cancer-early-stage',
  version: 1,
  title: 'Cancers diagnosed at stage 1 or 2',
  description: 'Share of staged cancers diagnosed early.',
  definition: 'New primary cancers diagnosed at stage 1 or 2 as a percentage of those with a known stage (1–4). Tumours with an unknown stage (X) are left out of both.',
  domain: 'cancer',
  area: 'early cancer diagnosis',
  cohort: 'adult',
  kind: 'computed',
  dataset: 'cancer_diagnoses',
  periodColumn: 'diagnosis_date',
  grain: 'quarter',
  statistic: 'percentage',
  multiplier: 100,
  unit: '%',
  polarity: 'higher',
  computation: { type: 'proportion', cohort: "stage IN ('1', '2', '3', '4')", numerator: "stage IN ('1', '2')" },
  breakdowns: [...DEMOGRAPHIC_BREAKDOWNS, 'site'],
  target: 75,
});
