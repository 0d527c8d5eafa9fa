import type { DatasetInput } from './dataset-schema.ts';

type ColumnInput = DatasetInput['columns'][number];

/** The columns every patient-level extract carries (docs/data-model.md, "Demographic columns"). */
export const patientId: ColumnInput = {
  name: 'patient_id',
  kind: 'id',
  required: true,
  description: 'Pseudonymised patient identifier.',
  aliases: ['patient', 'pseudo_hesid', 'pseudo_id', 'nhs_pseudo_id', 'pseudonymised_id', 'person_id', 'patient_pseudonym', 'local_patient_id'],
};

export const demographicColumns: ColumnInput[] = [
  {
    name: 'age',
    kind: 'integer',
    required: false,
    min: 0,
    max: 120,
    description: 'Age in whole years at the event (0–120).',
    aliases: ['startage', 'age_at_event', 'age_years', 'age_at_activity', 'age_at_appointment', 'age_on_admission', 'age_at_arrival'],
  },
  {
    name: 'sex',
    kind: 'sex',
    required: false,
    description: 'Person stated gender code: 1 male, 2 female, 9 indeterminate, X not known.',
    aliases: ['gender', 'person_stated_gender', 'person_stated_gender_code', 'sex_code', 'gender_code'],
  },
  {
    name: 'ethnic_category',
    kind: 'ethnic_category',
    required: false,
    description: 'NHS Data Dictionary ethnic category A–S, Z not stated, 99 not known.',
    aliases: ['ethnicity', 'ethnos', 'ethnic_group_code', 'ethnic_category_code', 'ethnic_origin', 'ethnicity_code', 'ethnic_code'],
  },
  {
    name: 'lsoa_code',
    kind: 'lsoa_code',
    required: false,
    description: 'Lower-layer super output area of residence (2011 or 2021 code).',
    aliases: ['lsoa', 'lsoa11', 'lsoa21', 'lsoa_2011', 'lsoa_2021', 'lsoa11cd', 'lsoa21cd', 'lsoa_of_residence'],
  },
  {
    name: 'imd_decile',
    kind: 'integer',
    required: false,
    min: 1,
    max: 10,
    description: 'IMD decile (1 most deprived), when the extract already carries it.',
    aliases: ['imd', 'deprivation_decile', 'index_of_multiple_deprivation_decile', 'imd_decile_2019', 'imd_2019_decile', 'imd19_decile', 'imd_decile_2025', 'imd_2025_decile', 'imd25_decile'],
  },
  {
    name: 'site_code',
    kind: 'text',
    required: false,
    description: 'Site (organisation site code or name).',
    aliases: ['site', 'sitetret', 'hospital', 'site_name', 'location', 'hospital_site'],
  },
];
