import { defineMetric, DEMOGRAPHIC_BREAKDOWNS } from '../schema.ts';

export default defineMetric({
  id: 'op-dna-rate',
  version: 1,
  title: 'Outpatient did-not-attend rate',
  description: 'Appointments the patient did not attend (or was not brought to).',
  definition: 'Outpatient appointments with attendance status 3 (did not attend) or 7 (arrived late and not seen) as a percentage of attended and missed appointments (statuses 5, 6, 3 and 7). Cancellations are excluded. In children\'s services a missed appointment is described as "was not brought".',
  domain: 'elective',
  area: null,
  cohort: 'all',
  kind: 'computed',
  dataset: 'outpatients',
  periodColumn: 'appointment_date',
  grain: 'month',
  statistic: 'percentage',
  multiplier: 100,
  unit: '%',
  polarity: 'lower',
  computation: { type: 'proportion', cohort: "attendance_status IN ('5', '6', '3', '7')", numerator: "attendance_status IN ('3', '7')" },
  breakdowns: [...DEMOGRAPHIC_BREAKDOWNS, 'specialty', 'site'],
});
