/** ESP2013 five-year age bands, youngest first; 90+ is open. */
export const ESP_AGE_BANDS = [
  '0-4', '5-9', '10-14', '15-19', '20-24', '25-29', '30-34', '35-39', '40-44',
  '45-49', '50-54', '55-59', '60-64', '65-69', '70-74', '75-79', '80-84', '85-89', '90+',
] as const;
export const BROAD_AGE_BANDS = ['0-17', '18-64', '65+'] as const;
