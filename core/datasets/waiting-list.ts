import { defineDataset } from './dataset-schema.ts';
import { demographicColumns, patientId } from './demographics.ts';

export default defineDataset({
  id: 'waiting_list',
  title: 'RTT waiting list',
  description: 'One row per open referral-to-treatment pathway on a census date (monthly snapshot).',
  grain: 'open pathway on a census date',
  key: ['pathway_id', 'census_date'],
  periodColumn: 'census_date',
  patientLevel: true,
  columns: [
    { name: 'pathway_id', kind: 'id', required: true, description: 'Patient pathway identifier.', aliases: ['pseudo_patient_pathway_identifier', 'patient_pathway_identifier', 'ppi', 'rtt_pathway_id', 'pathway'] },
    patientId,
    { name: 'census_date', kind: 'date', required: true, description: 'Snapshot date of the waiting list.', aliases: ['week_ending_date', 'snapshot_date', 'week_ending', 'report_date', 'extract_date'] },
    { name: 'clock_start_date', kind: 'date', required: true, description: 'RTT clock start.', aliases: ['referral_to_treatment_period_start_date', 'rtt_period_start_date', 'rtt_start_date', 'referral_date', 'clock_start', 'rtt_clock_start'] },
    { name: 'treatment_function_code', kind: 'treatment_function', required: true, description: 'Treatment function code.', aliases: ['activity_treatment_function_code', 'tretspef', 'tfc', 'treatment_function', 'specialty_code'] },
    {
      name: 'priority',
      kind: 'code',
      required: false,
      description: 'Clinical priority P1–P4, urgent, two-week-wait or routine.',
      aliases: ['priority_type_code', 'priority_type', 'clinical_priority', 'urgency'],
      codes: [
        { code: 'P1', label: 'P1 (within 72 hours)' },
        { code: 'P2', label: 'P2 (within 1 month)' },
        { code: 'P3', label: 'P3 (within 3 months)' },
        { code: 'P4', label: 'P4 (over 3 months)' },
        { code: 'urgent', label: 'Urgent' },
        { code: 'two-week-wait', label: 'Two-week wait' },
        { code: 'routine', label: 'Routine' },
      ],
      // NHS Data Dictionary PRIORITY TYPE: 1 routine, 2 urgent, 3 two-week wait (WLMDS PRIORITY_TYPE_CODE).
      synonyms: { '1': 'routine', '2': 'urgent', '3': 'two-week-wait', '2ww': 'two-week-wait', 'two week wait': 'two-week-wait', '2 week wait': 'two-week-wait', 'cancer two week wait': 'two-week-wait', 'urgent': 'urgent', 'routine': 'routine' },
    },
    ...demographicColumns,
  ],
});
