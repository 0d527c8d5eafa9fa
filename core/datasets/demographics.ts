import type { DatasetInput } from './dataset-schema.ts';

type ColumnInput = DatasetInput['columns'][number];

/** The columns every patient-level extract carries (docs/data-model.md, "Demographic columns"). */
export const patientId: ColumnInput = {
  name: 'patient_id',
  kind: 'id',
  required: true,
  description: 'Pseudonymised patient identifier.',
  // HES, SUS+/NCDR and WLMDS pseudonyms first (HES data dictionary; NCDR SUS+ tables).
  aliases: ['pseudo_hesid', 'der_pseudo_nhs_number', 'pseudo_nhs_number', 'hesid', 'token_person_id', 'patient', 'pseudo_id', 'nhs_pseudo_id', 'pseudonymised_id', 'person_id', 'patient_pseudonym', 'local_patient_id'],
};

export const demographicColumns: ColumnInput[] = [
  {
    name: 'age',
    kind: 'integer',
    required: false,
    min: 0,
    max: 120,
    description: 'Age in whole years at the event (0–120); HES infant ages 7001–7007 (under one year) read as 0.',
    aliases: [
      'age_at_event', 'age_years', 'age_at_activity', 'age_at_appointment', 'age_on_admission', 'age_at_arrival',
      // HES (APPTAGE outpatients, STARTAGE/ADMIAGE admitted care, ARRIVALAGE A&E), SUS+/NCDR, WLMDS.
      'apptage', 'startage', 'admiage', 'arrivalage', 'der_age_at_cds_activity_date', 'age_at_cds_activity_date',
      'age_at_start_of_spell_sus', 'der_age_week_ending_date', 'der_age_weekendingdate',
    ],
    // HES codes an infant's age in days/months as 7001 (under 1 day) … 7007 (6–11 months).
    synonyms: { '7001': '0', '7002': '0', '7003': '0', '7004': '0', '7005': '0', '7006': '0', '7007': '0' },
  },
  {
    name: 'sex',
    kind: 'sex',
    required: false,
    description: 'Person stated gender code: 1 male, 2 female, 9 indeterminate, X not known.',
    aliases: ['gender', 'person_stated_gender', 'person_stated_gender_code', 'sex_code', 'gender_code', 'der_sex'],
  },
  {
    name: 'ethnic_category',
    kind: 'ethnic_category',
    required: false,
    description: 'NHS Data Dictionary ethnic category A–S, Z not stated, 99 not known.',
    aliases: ['ethnos', 'ethnic_group', 'der_ethnic_category', 'ethnicity', 'ethnic_group_code', 'ethnic_category_code', 'ethnic_origin', 'ethnicity_code', 'ethnic_code'],
  },
  {
    name: 'lsoa_code',
    kind: 'lsoa_code',
    required: false,
    description: 'Lower-layer super output area of residence (2011 or 2021 code; Welsh W01 and Scottish S01 areas are kept as outside England).',
    // Newest first: when an extract carries both, the 2021 LSOA is read (and the upload result says so).
    aliases: [
      'lsoa21', 'lsoa21cd', 'lsoa_2021', 'lsoa_2021_code', 'der_postcode_lsoa_2021_code', 'der_lsoa_2021', 'derlsoa2021',
      'lsoa11', 'lsoa11cd', 'lsoa_2011', 'lsoa_2011_code', 'der_postcode_lsoa_2011_code', 'der_lsoa_2011', 'derlsoa',
      // SUS+ / NCDR tables also carry the code with no edition in its name: read code by code.
      'der_postcode_lsoa_code', 'der_lsoa_code', 'lsoa01', 'lsoa', 'lsoa_of_residence',
    ],
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
    aliases: ['sitetret', 'der_provider_site_code', 'provider_site_code', 'organisation_site_identifier_of_treatment', 'site', 'hospital', 'site_name', 'location', 'hospital_site'],
  },
];
