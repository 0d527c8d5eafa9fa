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
    { name: 'pathway_id', kind: 'id', required: true, description: 'Patient pathway identifier.', aliases: ['ppi', 'patient_pathway_identifier', 'rtt_pathway_id', 'pathway'] },
    patientId,
    { name: 'census_date', kind: 'date', required: true, description: 'Snapshot date of the waiting list.', aliases: ['snapshot_date', 'week_ending', 'report_date', 'extract_date'] },
    { name: 'clock_start_date', kind: 'date', required: true, description: 'RTT clock start.', aliases: ['rtt_start_date', 'referral_date', 'clock_start', 'rtt_clock_start'] },
    { name: 'treatment_function_code', kind: 'treatment_function', required: true, description: 'Treatment function code.', aliases: ['tfc', 'treatment_function', 'specialty_code'] },
    {
      name: 'priority',
      kind: 'code',
      required: false,
      description: 'Clinical priority P1–P4, urgent, two-week-wait or routine.',
      aliases: ['clinical_priority', 'priority_type', 'urgency'],
      codes: [
        { code: 'P1', label: 'P1 (within 72 hours)' },
        { code: 'P2', label: 'P2 (within 1 month)' },
        { code: 'P3', label: 'P3 (within 3 months)' },
        { code: 'P4', label: 'P4 (over 3 months)' },
        { code: 'urgent', label: 'Urgent' },
        { code: 'two-week-wait', label: 'Two-week wait' },
        { code: 'routine', label: 'Routine' },
      ],
      synonyms: { '2ww': 'two-week-wait', 'two week wait': 'two-week-wait', '2 week wait': 'two-week-wait', 'urgent': 'urgent', 'routine': 'routine' },
    },
    ...demographicColumns,
  ],
});
