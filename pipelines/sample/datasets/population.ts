/**
 * Catchment population for mid-years 2023–2025 by ESP band, sex, ethnic group and IMD quintile:
 * the same population the patients were drawn from, growing 0.6% a year.
 */
import type { SampleContext, WrittenFile } from '../context.ts';
import { CsvWriter } from '../csv-writer.ts';
import { ESP_BANDS, ETHNIC_CATEGORIES, ETHNIC_GROUPS } from '../demography.ts';

export const POPULATION_COLUMNS = ['year', 'age_band', 'sex', 'population', 'ethnic_group', 'imd_quintile'] as const;
const YEARS = [2023, 2024, 2025];
const GROWTH = 0.006;

export async function writePopulation(ctx: SampleContext): Promise<WrittenFile> {
  // band × sex × group × quintile
  const counts = new Float64Array(ESP_BANDS.length * 2 * ETHNIC_GROUPS.length * 5);
  const groupIndex = ETHNIC_CATEGORIES.map((c) => ETHNIC_GROUPS.indexOf(c.group));
  const at = (band: number, sex: number, group: number, quintile: number) => (((band * 2 + (sex - 1)) * ETHNIC_GROUPS.length + group) * 5) + (quintile - 1);
  for (const cell of ctx.cells) counts[at(cell.band, cell.sex, groupIndex[cell.ethnicIndex], cell.lsoa.quintile)] += cell.people;

  const writer = CsvWriter.open(`${ctx.outDir}/population.csv`, POPULATION_COLUMNS);
  for (const year of YEARS) {
    const growth = Math.pow(1 + GROWTH, year - 2023);
    for (const [b, band] of ESP_BANDS.entries()) {
      for (const sex of [1, 2]) {
        for (const [g, group] of ETHNIC_GROUPS.entries()) {
          for (let q = 1; q <= 5; q++) await writer.row([year, band, sex, Math.round(counts[at(b, sex, g, q)] * growth), group, q]);
        }
      }
    }
  }
  await writer.close();
  return { path: writer.path, rows: writer.rows };
}
