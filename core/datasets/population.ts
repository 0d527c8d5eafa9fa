import { ESP_AGE_BANDS } from '../codes/age-bands.ts';
import { ETHNIC_GROUPS } from '../codes/ethnicity.ts';
import { defineDataset } from './dataset-schema.ts';

export default defineDataset({
  id: 'population',
  title: 'Catchment population',
  description: 'Resident population of the catchment by year, age band and sex (optionally ethnic group and IMD quintile): the denominators of rates and DSRs.',
  grain: 'population cell',
  key: ['year', 'age_band', 'sex', 'ethnic_group', 'imd_quintile'],
  periodColumn: null,
  patientLevel: false,
  columns: [
    // Nomis/ONS downloads: DATE_NAME ("June 2021" or "mid-2021"), GENDER_NAME, C_AGE_NAME ("Age 47", "Aged 90+"), OBS_VALUE.
    { name: 'year', kind: 'year', required: true, min: 1900, max: 2100, description: 'Mid-year estimate year.', aliases: ['mid_year', 'calendar_year', 'date_name', 'date'] },
    { name: 'age_band', kind: 'age_band', required: true, description: 'ESP 5-year age band (0-4 … 90+), or a single year of age or an age range within one band.', aliases: ['ageband', 'age_group', 'c_age_name', 'age'], codes: ESP_AGE_BANDS.map((code) => ({ code, label: code })), synonyms: { '90 and over': '90+', '90plus': '90+' } },
    { name: 'sex', kind: 'sex', required: true, description: 'Sex: 1 male, 2 female.', aliases: ['gender', 'gender_name', 'c_sex_name', 'sex_name'] },
    { name: 'population', kind: 'integer', required: true, min: 0, max: 100_000_000, description: 'Number of residents.', aliases: ['obs_value', 'count', 'persons', 'residents', 'pop'] },
    { name: 'ethnic_group', kind: 'code', required: false, description: 'Five ethnic groups.', aliases: ['ethnicity'], codes: ETHNIC_GROUPS.map((code) => ({ code, label: code })) },
    { name: 'imd_quintile', kind: 'integer', required: false, min: 1, max: 5, description: 'IMD quintile (1 most deprived).', aliases: ['quintile', 'deprivation_quintile'] },
  ],
});
