import { defineDataset } from './dataset-schema.ts';
import { demographicColumns, patientId } from './demographics.ts';

export default defineDataset({
  id: 'cancer_diagnoses',
  title: 'Cancer diagnoses',
  description: 'One row per new primary tumour.',
  grain: 'new primary tumour',
  key: ['tumour_id'],
  periodColumn: 'diagnosis_date',
  patientLevel: true,
  columns: [
    { name: 'tumour_id', kind: 'id', required: true, description: 'Tumour identifier.', aliases: ['tumour_ref', 'cancer_id', 'tumor_id'] },
    patientId,
    { name: 'diagnosis_date', kind: 'date', required: true, description: 'Date of diagnosis.', aliases: ['date_of_diagnosis', 'cancer_diagnosis_date'] },
    { name: 'tumour_site', kind: 'text', required: false, description: 'Tumour site (e.g. Lung, Breast or ICD-10 C code).', aliases: ['site_of_tumour', 'primary_site', 'tumor_site', 'cancer_site'] },
    {
      name: 'stage',
      kind: 'code',
      required: false,
      description: 'Stage at diagnosis 1–4, X unknown.',
      aliases: ['stage_at_diagnosis', 'tnm_stage', 'overall_stage'],
      codes: [
        { code: '1', label: 'Stage 1' },
        { code: '2', label: 'Stage 2' },
        { code: '3', label: 'Stage 3' },
        { code: '4', label: 'Stage 4' },
        { code: 'X', label: 'Unknown stage' },
      ],
      synonyms: { i: '1', ii: '2', iii: '3', iv: '4', 'stage 1': '1', 'stage 2': '2', 'stage 3': '3', 'stage 4': '4', unknown: 'X', 'not known': 'X' },
    },
    { name: 'emergency_presentation', kind: 'boolean', required: false, description: 'Diagnosed after an emergency presentation (Y/N).', aliases: ['emergency_route', 'route_emergency', 'diagnosed_via_emergency'] },
    ...demographicColumns,
  ],
});
