import { defineMetric } from '../schema.ts';

export default defineMetric({
  id: 'maternity-continuity-of-carer',
  version: 1,
  title: 'Women booked onto a continuity of carer pathway',
  description: 'Share of maternity bookings on a continuity of carer pathway.',
  definition: 'Pregnancies booked in the period that were placed on a midwifery continuity of carer pathway, as a percentage of bookings with the field recorded. Continuity of carer is prioritised for women from Black, Asian and mixed ethnic groups and from the most deprived areas.',
  domain: 'maternity',
  area: 'maternity',
  cohort: 'adult',
  kind: 'computed',
  dataset: 'maternity',
  periodColumn: 'booking_date',
  grain: 'month',
  statistic: 'percentage',
  multiplier: 100,
  unit: '%',
  polarity: 'higher',
  computation: { type: 'proportion', cohort: 'continuity_of_carer IS NOT NULL', numerator: 'continuity_of_carer' },
  breakdowns: ['overall', 'ethnic_group', 'ethnic_category', 'imd_quintile', 'imd_decile', 'core20', 'age_band', 'site'],
});
