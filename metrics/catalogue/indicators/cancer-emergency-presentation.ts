import { defineMetric, DEMOGRAPHIC_BREAKDOWNS } from '../schema.ts';

export default defineMetric({
  id: 'cancer-emergency-presentation',
  version: 1,
  title: 'Cancers diagnosed after emergency presentation',
  description: 'Share of new cancers diagnosed after an emergency presentation.',
  definition: 'New primary cancers whose route to diagnosis was an emergency presentation, as a percentage of new cancers with the route recorded.',
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
  polarity: 'lower',
  computation: { type: 'proportion', cohort: 'emergency_presentation IS NOT NULL', numerator: 'emergency_presentation' },
  breakdowns: [...DEMOGRAPHIC_BREAKDOWNS, 'site'],
});
