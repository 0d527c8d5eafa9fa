import { defineMetric, DEMOGRAPHIC_BREAKDOWNS } from '../schema.ts';

export default defineMetric({
  id: 'rtt-median-wait',
  version: 1,
  title: 'Median wait of open pathways (weeks)',
  description: 'Middle of the distribution of weeks waited on the latest census date.',
  definition: 'The median number of weeks waited by open referral-to-treatment pathways on the latest census date in the period (days from clock start to census date ÷ 7). The interval is the distribution-free order-statistic interval for a median.',
  domain: 'elective',
  area: null,
  cohort: 'all',
  kind: 'computed',
  dataset: 'waiting_list',
  periodColumn: 'census_date',
  census: true,
  grain: 'month',
  statistic: 'median',
  multiplier: 1,
  unit: 'weeks',
  polarity: 'lower',
  computation: { type: 'median', value: 'days_waited / 7.0' },
  breakdowns: [...DEMOGRAPHIC_BREAKDOWNS, 'specialty', 'site'],
});
