/**
 * New primary cancers: incidence rising steeply with age, site by sex; stage and route to
 * diagnosis by site. People in deprived areas are diagnosed later (fewer at stage 1–2) and more
 * often after an emergency presentation.
 */
import type { SampleContext, WrittenFile } from '../context.ts';
import { CsvWriter } from '../csv-writer.ts';
import { PERIOD_DAYS, PERIOD_START, ageAt, isoDate, nextWorkingDay } from '../dates.ts';
import { type Patient, patientTable } from '../patients.ts';
import { forkRng, gradient, scaleOdds, type Rng } from '../random.ts';
import { demographics } from '../recording.ts';
import { idOf, pickSite } from './shared.ts';

export const CANCER_COLUMNS = [
  'tumour_id', 'patient_id', 'diagnosis_date', 'tumour_site', 'stage', 'emergency_presentation',
  'age', 'sex', 'ethnic_category', 'lsoa_code', 'site_code',
] as const;

const TUMOURS_PER_YEAR = 2_500;

interface TumourSite {
  name: string;
  share: number;
  sex: 0 | 1 | 2;
  /** Share diagnosed at stage 1–2 (null: not staged, recorded as X). */
  early: number | null;
  emergency: number;
  /** Incidence ratio, most to least deprived quintile. */
  deprivation: number;
  black?: number;
}

const SITES: TumourSite[] = [
  { name: 'Breast', share: 15, sex: 2, early: 0.84, emergency: 0.04, deprivation: 0.9 },
  { name: 'Prostate', share: 14, sex: 1, early: 0.55, emergency: 0.07, deprivation: 0.85, black: 2.2 },
  { name: 'Lung', share: 13, sex: 0, early: 0.3, emergency: 0.3, deprivation: 2.4 },
  { name: 'Colorectal', share: 11, sex: 0, early: 0.42, emergency: 0.22, deprivation: 1.15 },
  { name: 'Melanoma', share: 4, sex: 0, early: 0.9, emergency: 0.02, deprivation: 0.6, black: 0.1 },
  { name: 'Non-Hodgkin lymphoma', share: 4, sex: 0, early: 0.35, emergency: 0.24, deprivation: 1 },
  { name: 'Kidney', share: 3.5, sex: 0, early: 0.6, emergency: 0.18, deprivation: 1.2 },
  { name: 'Head and neck', share: 3.5, sex: 0, early: 0.4, emergency: 0.1, deprivation: 1.9 },
  { name: 'Bladder', share: 2.5, sex: 0, early: 0.75, emergency: 0.12, deprivation: 1.3 },
  { name: 'Pancreas', share: 3, sex: 0, early: 0.12, emergency: 0.45, deprivation: 1.2 },
  { name: 'Uterus', share: 3, sex: 2, early: 0.8, emergency: 0.06, deprivation: 1.2 },
  { name: 'Leukaemia', share: 3, sex: 0, early: null, emergency: 0.3, deprivation: 1 },
  { name: 'Oesophagus', share: 2.5, sex: 0, early: 0.2, emergency: 0.15, deprivation: 1.5 },
  { name: 'Stomach', share: 2, sex: 0, early: 0.25, emergency: 0.25, deprivation: 1.6 },
  { name: 'Ovary', share: 2, sex: 2, early: 0.3, emergency: 0.25, deprivation: 1 },
  { name: 'Liver', share: 2, sex: 0, early: 0.25, emergency: 0.4, deprivation: 1.8 },
  { name: 'Brain', share: 2, sex: 0, early: null, emergency: 0.55, deprivation: 1 },
  { name: 'Other', share: 9, sex: 0, early: 0.4, emergency: 0.25, deprivation: 1.3 },
];

function incidence(site: TumourSite): (p: Patient) => number {
  return (p) => {
    if (site.sex && p.sex !== site.sex) return 0;
    if (p.age < 15) return site.name === 'Leukaemia' || site.name === 'Brain' ? 0.02 : 0;
    return Math.pow(p.age / 60, 4) * gradient(p.quintile, site.deprivation) * (p.group === 'Black or Black British' ? (site.black ?? 0.9) : 1);
  };
}

export async function writeCancer(ctx: SampleContext): Promise<WrittenFile> {
  const rng = forkRng(ctx.seed, 'cancer_diagnoses');
  const tumours: { patient: Patient; day: number; site: TumourSite }[] = [];
  const total = SITES.reduce((s, t) => s + t.share, 0);
  for (const site of SITES) {
    const table = patientTable(ctx.patients, incidence(site));
    const count = Math.round((TUMOURS_PER_YEAR * 3 * ctx.scale * site.share) / total);
    for (let i = 0; i < count; i++) {
      const patient = ctx.patients[table.draw(rng)];
      const day = nextWorkingDay(Math.max(PERIOD_START + rng.int(0, PERIOD_DAYS - 1), patient.birthDay));
      tumours.push({ patient, day, site });
    }
  }
  tumours.sort((a, b) => a.day - b.day);

  const writer = CsvWriter.open(`${ctx.outDir}/cancer_diagnoses.csv`, CANCER_COLUMNS);
  let n = 0;
  for (const t of tumours) {
    const age = ageAt(t.patient.birthDay, t.day);
    const emergency = rng.chance(scaleOdds(t.site.emergency, 0.62 * gradient(t.patient.quintile, 1.55) * (age >= 80 ? 1.7 : 1)));
    const pending = writer.row([
      idOf('CA', ++n, 7), t.patient.id, isoDate(t.day), t.site.name, stageOf(rng, t.site, t.patient, emergency),
      emergency ? 'Y' : 'N', ...demographics(rng, t.patient, 'cancer_diagnoses', t.day), pickSite(rng, t.patient, 0.6),
    ]);
    if (pending) await pending;
  }
  await writer.close();
  return { path: writer.path, rows: writer.rows };
}

function stageOf(rng: Rng, site: TumourSite, patient: Patient, emergency: boolean): string {
  if (site.early === null || rng.chance(0.04)) return 'X';
  const early = scaleOdds(site.early, 2 * gradient(patient.quintile, 0.7) * (emergency ? 0.35 : 1));
  if (rng.chance(early)) return rng.chance(0.55) ? '1' : '2';
  return rng.chance(0.45) ? '3' : '4';
}
