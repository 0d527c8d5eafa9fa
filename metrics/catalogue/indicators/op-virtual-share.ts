import { defineMetric, DEMOGRAPHIC_BREAKDOWNS } from '../schema.ts';

export default defineMetric({
  id: 'op-virtual-share',
  version: 1,
  title: 'Outpatient appointments held by telephone or video',
  description: 'Share of attended appointments held remotely.',
  definition: 'Attended outpatient appointments (statuses 5 and 6) held by telephone or video (first attendance codes 3 and 4) as a percentage of all attended appointments. A higher share is not better or worse in itself: read it with the DNA rate and by age and deprivation (digital exclusion).',
  domain: 'digital inclusion',
  area: null,
  cohort: 'all',
  kind: 'computed',
  dataset: 'outpatients',
  periodColumn: 'appointment_date',
  grain: 'month',
  statistic: 'percentage',
  multiplier: 100,
  unit: '%',
  polarity: 'context',
  computation: { type: 'proportion', cohort: "attendance_status IN ('5', '6')", numerator: "first_attendance IN ('3', '4')" },
  breakdowns: [...DEMOGRAPHIC_BREAKDOWNS, 'specialty', 'site'],
});
