/**
 * Mental Health Act detentions: a few hundred a year, mostly of adults under 65, at rates
 * several times higher for Black patients and in deprived areas. Ethnicity is recorded less
 * completely than in any other dataset.
 */
import type { SampleContext, WrittenFile } from '../context.ts';
import { CsvWriter } from '../csv-writer.ts';
import { PERIOD_DAYS, PERIOD_START, ageAt, isoDate } from '../dates.ts';
import { type Patient, patientTable } from '../patients.ts';
import { forkRng, gradient } from '../random.ts';
import { demographics } from '../recording.ts';
import { idOf, pickSite } from './shared.ts';

export const MH_COLUMNS = ['detention_id', 'patient_id', 'start_date', 'mha_section', 'age', 'sex', 'ethnic_category', 'lsoa_code', 'site_code'] as const;

const DETENTIONS_PER_YEAR = 420;
const ETHNIC_RATE: Record<string, number> = { M: 4.2, N: 3.2, P: 3.8, D: 2.6, E: 1.8, G: 1.6, C: 1.3, S: 1.5 };

function detentionRate(p: Patient): number {
  if (p.age < 14) return 0;
  const age = p.age < 18 ? 0.4 : p.age < 40 ? 1.6 : p.age < 65 ? 1 : 0.5;
  const ethnic = ETHNIC_RATE[p.ethnic] ?? (p.group === 'Asian or Asian British' ? 1.1 : 1);
  return age * ethnic * gradient(p.quintile, 3) * (p.sex === 1 ? 1.3 : 1);
}

export async function writeMhDetentions(ctx: SampleContext): Promise<WrittenFile> {
  const rng = forkRng(ctx.seed, 'mh_detentions');
  const table = patientTable(ctx.patients, detentionRate);
  const detentions: { patient: Patient; day: number }[] = [];
  const count = Math.round(DETENTIONS_PER_YEAR * 3 * ctx.scale);
  for (let i = 0; i < count; i++) {
    const patient = ctx.patients[table.draw(rng)];
    const day = PERIOD_START + rng.int(0, PERIOD_DAYS - 1);
    if (ageAt(patient.birthDay, day) >= 14) detentions.push({ patient, day });
  }
  detentions.sort((a, b) => a.day - b.day);
  const writer = CsvWriter.open(`${ctx.outDir}/mh_detentions.csv`, MH_COLUMNS);
  let n = 0;
  for (const d of detentions) {
    const section = rng.weighted([['2', 0.5], ['3', 0.25], ['136', 0.17], ['5(2)', 0.08]] as const);
    await writer.row([idOf('MHA', ++n, 6), d.patient.id, isoDate(d.day), section, ...demographics(rng, d.patient, 'mh_detentions', d.day), pickSite(rng, d.patient, 0.7)]);
  }
  await writer.close();
  return { path: writer.path, rows: writer.rows };
}
