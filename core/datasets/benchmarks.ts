// England, regional and peer values of indicators, to set beside the trust's own. Two layouts load
// with no mapping: an OHID Fingertips "download data" CSV exactly as exported (its headers are the
// aliases below: "Indicator ID", "Area Code", "Time period", "Lower CI 95.0 limit", …), and a plain
// layout for other sources (indicator, area_code, area_name, area_type, period, category_type,
// category, value, lower, upper, count, denominator, source) — docs/benchmarks.md.
import { defineDataset } from './dataset-schema.ts';

export default defineDataset({
  id: 'benchmarks',
  title: 'Benchmarks (England, region, peers)',
  description: 'Published values of indicators for England, regions, ICBs, local authorities or peer trusts, as OHID Fingertips exports them ("download data") or in a plain layout.',
  grain: 'indicator value for one area, period and category',
  key: ['indicator_id', 'area_code', 'period', 'sex', 'age', 'category_type', 'category'],
  // Periods are labels (2023/24); their first and last days are derived on load.
  periodColumn: null,
  patientLevel: false,
  // Each Fingertips download carries an area's whole series: the newest file for an area is read.
  supersedes: true,
  columns: [
    { name: 'indicator_id', kind: 'id', required: true, description: 'Fingertips indicator id (e.g. 93085) or Parity indicator id (e.g. maternity-smoking-delivery).', aliases: ['indicator', 'fingertips_id', 'metric_id', 'metric'] },
    { name: 'indicator_name', kind: 'text', required: false, description: 'Indicator name as published.', aliases: ['indicator_title', 'title'] },
    { name: 'parent_code', kind: 'text', required: false, description: 'Code of the area the row\'s area sits in (Fingertips "Parent Code").', aliases: [] },
    { name: 'parent_name', kind: 'text', required: false, description: 'Name of the parent area.', aliases: [] },
    { name: 'area_code', kind: 'id', required: true, description: 'ONS or ODS code of the area (E92000001 England, E12… regions, E54… ICBs, trust codes for peers).', aliases: ['area', 'org_code', 'organisation_code', 'geography_code'] },
    { name: 'area_name', kind: 'text', required: false, description: 'Name of the area.', aliases: ['organisation_name', 'org_name', 'geography_name'] },
    { name: 'area_type', kind: 'text', required: true, description: 'England, Region, ICB, Counties & UAs, Trust, Peer, …', aliases: ['geography_type', 'area_level', 'level'] },
    { name: 'sex', kind: 'text', required: false, description: 'Persons, Female or Male, as published.', aliases: ['gender'] },
    { name: 'age', kind: 'text', required: false, description: 'Age group, as published (e.g. All ages, <19 yrs).', aliases: ['age_group'] },
    { name: 'category_type', kind: 'text', required: false, description: 'Breakdown the row belongs to (blank for the whole area), e.g. "County & UA deprivation deciles in England (IMD2019, 4/23 geography)", "Ethnic groups", or imd_decile / imd_quintile / ethnic_group.', aliases: ['breakdown', 'breakdown_type', 'dimension'] },
    { name: 'category', kind: 'text', required: false, description: 'Group within the breakdown, e.g. "Most deprived decile (IMD2019)", "Asian", or 1–10.', aliases: ['breakdown_category', 'group', 'breakdown_value'] },
    { name: 'period', kind: 'period', required: true, description: 'Period as published: 2023/24 (financial year), 2023 (calendar year), 2021 - 23 or 2021/22 - 23/24 (three years), 2023/24 Q1, or 2023-04-01 to 2024-03-31.', aliases: ['time_period', 'period_label', 'year'] },
    { name: 'value', kind: 'number', required: false, rejectInvalid: true, description: 'Published value, in the indicator\'s unit (blank when not published, e.g. suppressed).', aliases: ['indicator_value', 'rate', 'percentage'] },
    { name: 'lower_95', kind: 'number', required: false, rejectInvalid: true, description: 'Lower 95% confidence limit.', aliases: ['lower_ci_95_0_limit', 'lower', 'lower_ci', 'lower_95_ci', 'lcl'] },
    { name: 'upper_95', kind: 'number', required: false, rejectInvalid: true, description: 'Upper 95% confidence limit.', aliases: ['upper_ci_95_0_limit', 'upper', 'upper_ci', 'upper_95_ci', 'ucl'] },
    { name: 'lower_998', kind: 'number', required: false, rejectInvalid: true, description: 'Lower 99.8% confidence limit.', aliases: ['lower_ci_99_8_limit', 'lower_99_8'] },
    { name: 'upper_998', kind: 'number', required: false, rejectInvalid: true, description: 'Upper 99.8% confidence limit.', aliases: ['upper_ci_99_8_limit', 'upper_99_8'] },
    { name: 'count', kind: 'number', required: false, rejectInvalid: true, min: 0, description: 'Numerator (events, people).', aliases: ['numerator', 'events'] },
    { name: 'denominator', kind: 'number', required: false, rejectInvalid: true, min: 0, description: 'Denominator.', aliases: ['denom', 'population'] },
    { name: 'value_note', kind: 'text', required: false, description: 'Note published with the value (e.g. why it is missing).', aliases: ['note'] },
    { name: 'period_sortable', kind: 'integer', required: false, description: 'Fingertips "Time period Sortable" (start year × 10,000).', aliases: ['time_period_sortable'] },
    { name: 'period_range', kind: 'text', required: false, description: 'Fingertips "Time period range" (1y, 3y, …).', aliases: ['time_period_range'] },
    { name: 'source', kind: 'text', required: false, description: 'Publication the row came from (default: OHID Fingertips for numeric indicator ids, else the file name).', aliases: ['data_source', 'publisher'] },
  ],
});
