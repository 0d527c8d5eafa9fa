import { ESP_AGE_BANDS } from '../codes/age-bands.ts';
import { ETHNIC_GROUPS } from '../codes/ethnicity.ts';
import { defineDataset } from './dataset-schema.ts';

/** The band a single year of age falls in. */
const bandOf = (age: number) => ESP_AGE_BANDS[Math.min(Math.floor(age / 5), 18)];

/**
 * Age as ONS and Nomis write it, read into its ESP band: single years ("Age 7", "Aged 7", "7",
 * "Age under 1") and five-year groups ("Aged 5 to 9", "Aged 5-9 years", "Aged 90+", "Aged 4 years
 * and under"). Rows of one file at single years are added up into their band on load.
 */
function ageSynonyms(): Record<string, string> {
  const words: Record<string, string> = { '90 and over': '90+', '90plus': '90+', 'aged 90 and over': '90+', 'aged 90 years and over': '90+', 'age under 1': '0-4', 'aged under 1': '0-4', 'aged 4 years and under': '0-4' };
  for (let age = 0; age <= 100; age++) {
    for (const form of [`${age}`, `age ${age}`, `aged ${age}`, `age ${age} years`, `aged ${age} years`]) words[form] = bandOf(age);
  }
  for (const band of ESP_AGE_BANDS) {
    const [lo, hi] = band.split(/[-+]/);
    if (!hi) continue;
    for (const form of [`aged ${lo} to ${hi}`, `age ${lo} to ${hi}`, `${lo} to ${hi}`, `aged ${lo} to ${hi} years`, `aged ${lo}-${hi}`, `aged ${lo}-${hi} years`]) words[form] = band;
  }
  return words;
}

export default defineDataset({
  id: 'population',
  title: 'Catchment population',
  description:
    'Resident population of the catchment by year, age band and sex (optionally ethnic group and IMD quintile): the denominators of rates and DSRs. ' +
    'A file by LSOA and single year of age (such as a Nomis download of the ONS small-area estimates) is added up into cells of LSOA × age band × sex, each with the IMD quintile of its LSOA.',
  grain: 'population cell',
  key: ['year', 'lsoa_code', 'age_band', 'sex', 'ethnic_group', 'imd_quintile'],
  periodColumn: null,
  patientLevel: false,
  // A Nomis download can hold each cell's share (Percent) beside its count (Value).
  measure: { headers: ['measures_name', 'measure_name'], counts: ['value', 'count', 'number', 'persons', 'people'] },
  columns: [
    // Nomis/ONS downloads: DATE_NAME ("June 2021" or "mid-2021"), GENDER_NAME, C_AGE_NAME ("Age 47", "Aged 90+"), OBS_VALUE.
    { name: 'year', kind: 'year', required: true, min: 1900, max: 2100, description: 'Mid-year estimate year (2024, mid-2024, June 2024).', aliases: ['mid_year', 'calendar_year', 'date_name', 'date'] },
    {
      name: 'age_band',
      kind: 'age_band',
      required: true,
      description: 'ESP 5-year age band (0-4 … 90+), or a single year of age or an age range within one band (added up into its band).',
      aliases: ['ageband', 'age_group', 'c_age_name', 'age'],
      codes: ESP_AGE_BANDS.map((code) => ({ code, label: code })),
      synonyms: ageSynonyms(),
    },
    { name: 'sex', kind: 'sex', required: true, description: 'Sex: 1 male, 2 female. Rows for both sexes together (Total, Persons) are set aside.', aliases: ['gender', 'gender_name', 'c_sex_name', 'sex_name'] },
    { name: 'population', kind: 'integer', required: true, min: 0, max: 100_000_000, description: 'Number of residents.', aliases: ['obs_value', 'count', 'persons', 'residents', 'pop', 'observation', 'value'] },
    { name: 'ethnic_group', kind: 'code', required: false, description: 'Five ethnic groups.', aliases: ['ethnicity'], codes: ETHNIC_GROUPS.map((code) => ({ code, label: code })) },
    { name: 'imd_quintile', kind: 'integer', required: false, min: 1, max: 5, description: 'IMD quintile (1 most deprived), when the file has no LSOA to derive it from.', aliases: ['quintile', 'deprivation_quintile'] },
    {
      name: 'lsoa_code',
      kind: 'lsoa_code',
      required: false,
      description: 'LSOA of the row (2011 or 2021 code): its IMD quintile is derived from the matching IoD edition and the rows are added up into cells.',
      aliases: ['geography_code', 'lsoa', 'lsoa11cd', 'lsoa21cd', 'lsoa11', 'lsoa21', 'lsoa_2011', 'lsoa_2021', 'lsoa_code_2011', 'lsoa_code_2021'],
    },
  ],
});
