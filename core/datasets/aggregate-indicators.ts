import { defineDataset } from './dataset-schema.ts';

export default defineDataset({
  id: 'aggregate_indicators',
  title: 'External indicator values',
  description: 'Published values of indicators a trust cannot compute from its own extracts (CVDPREVENT, National Diabetes Audit, MHSDS, NHS Talking Therapies).',
  grain: 'indicator value for one group and period',
  key: ['indicator_id', 'period_start', 'breakdown', 'group'],
  periodColumn: 'period_start',
  patientLevel: false,
  columns: [
    { name: 'indicator_id', kind: 'id', required: true, description: 'Parity indicator id (e.g. hypertension-treated-to-target).', aliases: ['indicator', 'metric_id', 'metric'] },
    { name: 'period_start', kind: 'date', required: true, description: 'First day of the period.', aliases: ['start_date', 'period_from', 'from'] },
    { name: 'period_end', kind: 'date', required: false, description: 'Last day of the period.', aliases: ['end_date', 'period_to', 'to'] },
    { name: 'breakdown', kind: 'id', required: true, description: 'Breakdown: overall, imd_quintile, ethnic_group, sex or age_band.', aliases: ['dimension', 'breakdown_type'] },
    { name: 'group', kind: 'id', required: true, description: 'Group within the breakdown (e.g. 1 for IMD quintile 1, or "All").', aliases: ['group_name', 'category', 'breakdown_value'] },
    { name: 'numerator', kind: 'number', required: false, min: 0, description: 'Numerator count.', aliases: ['count', 'num'] },
    { name: 'denominator', kind: 'number', required: false, min: 0, description: 'Denominator count.', aliases: ['denom', 'population'] },
    { name: 'value', kind: 'number', required: false, description: 'Published value, in the indicator unit.', aliases: ['indicator_value', 'percentage', 'rate'] },
    { name: 'lower', kind: 'number', required: false, description: 'Published lower confidence limit.', aliases: ['lower_ci', 'lower_95', 'lcl'] },
    { name: 'upper', kind: 'number', required: false, description: 'Published upper confidence limit.', aliases: ['upper_ci', 'upper_95', 'ucl'] },
    { name: 'source', kind: 'text', required: false, description: 'Publication the value came from.', aliases: ['data_source', 'publisher'] },
  ],
});
