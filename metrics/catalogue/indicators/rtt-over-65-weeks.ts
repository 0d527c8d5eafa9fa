import { defineMetric, DEMOGRAPHIC_BREAKDOWNS } from '../schema.ts';

export default defineMetric({
  id: 'rtt-over-65-weeks',
  version: 1,
  title: 'Open RTT pathways waiting over 65 weeks',
  description: 'Share of open pathways waiting more than 65 weeks.',
  definition: 'Open referral-to-treatment pathways that had waited more than 65 weeks (455 days) on the latest census date in the period, as a percentage of all open pathways on that date. Weeks waited run from the clock start to the census date.',
  domain: 'elective',
  area: null,
  cohort: 'all',
  kind: 'computed',
  dataset: 'waiting_list',
  periodColumn: 'census_date',
  census: true,
  grain: 'month',
  statistic: 'percentage',
  multiplier: 100,
  unit: '%',
  polarity: 'lower',
  computation: { type: 'proportion', numerator: 'days_waited > 455' },
  breakdowns: [...DEMOGRAPHIC_BREAKDOWNS, 'specialty', 'site'],
});
