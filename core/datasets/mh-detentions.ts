import { defineDataset } from './dataset-schema.ts';
import { demographicColumns, patientId } from './demographics.ts';

export default defineDataset({
  id: 'mh_detentions',
  title: 'Mental Health Act detentions',
  description: 'One row per detention under the Mental Health Act.',
  grain: 'detention',
  key: ['detention_id'],
  periodColumn: 'start_date',
  patientLevel: true,
  columns: [
    { name: 'detention_id', kind: 'id', required: true, description: 'Detention identifier.', aliases: ['mha_episode_id', 'detention_ref', 'episode_id'] },
    patientId,
    { name: 'start_date', kind: 'date', required: true, description: 'Start of the detention.', aliases: ['detention_start_date', 'date_detained', 'detention_date'] },
    { name: 'mha_section', kind: 'text', required: false, description: 'Section of the Mental Health Act (e.g. 2, 3, 136, 5(2)).', aliases: ['section', 'legal_status', 'mha_legal_status'] },
    ...demographicColumns,
  ],
});
