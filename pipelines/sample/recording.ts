/**
 * How the trust's systems record a patient's demographics on each row: the true values mostly,
 * with the coding variety real extracts show. Ethnicity completeness differs by dataset and
 * improves over the three years; unknowns come as Z, 99, blank or the legacy 9; some rows use
 * lower-case codes or the 2001 census text labels; sex is sometimes M/F/Male/Female.
 */
import { ageAt, periodFraction } from './dates.ts';
import { ETHNIC_CATEGORIES } from './demography.ts';
import type { Patient } from './patients.ts';
import type { Rng } from './random.ts';

export type PatientDataset = 'outpatients' | 'waiting_list' | 'admissions' | 'ae_attendances' | 'maternity' | 'cancer_diagnoses' | 'mh_detentions';

/** Share of rows with a valid ethnic category at the start and at the end of the period. */
export const ETHNICITY_COMPLETENESS: Record<PatientDataset, readonly [number, number]> = {
  outpatients: [0.88, 0.95],
  waiting_list: [0.86, 0.93],
  admissions: [0.85, 0.93],
  ae_attendances: [0.75, 0.9],
  maternity: [0.965, 0.98],
  cancer_diagnoses: [0.9, 0.955],
  mh_detentions: [0.64, 0.8],
};

/** The 2001 census labels some systems still export instead of the code. */
const TEXT_LABELS: Record<string, string> = {
  A: 'White - British',
  B: 'White - Irish',
  H: 'Indian',
  J: 'Pakistani',
  K: 'Bangladeshi',
  M: 'Black Caribbean',
  N: 'Black African',
  R: 'Chinese',
};

const CONFUSED_WITH = Object.fromEntries(ETHNIC_CATEGORIES.map((c) => [c.code, c.confusedWith]));

/**
 * The ethnic category as written on one row. `adjust` shifts the chance of a valid code for a
 * department or site (e.g. -0.08 for the urgent treatment centre).
 */
export function recordEthnicity(rng: Rng, patient: Patient, dataset: PatientDataset, day: number, adjust = 0): string {
  const [start, end] = ETHNICITY_COMPLETENESS[dataset];
  const valid = start + (end - start) * periodFraction(day) + adjust;
  if (rng.next() >= valid) {
    const r = rng.next();
    return r < 0.4 ? 'Z' : r < 0.62 ? '99' : r < 0.92 ? '' : '9';
  }
  const code = rng.chance(0.03) ? rng.pick(CONFUSED_WITH[patient.ethnic]) : patient.ethnic;
  const style = rng.next();
  if (style < 0.03) return code.toLowerCase();
  if (style < 0.065 && TEXT_LABELS[code]) return TEXT_LABELS[code];
  return code;
}

export function recordSex(rng: Rng, patient: Patient): string {
  const r = rng.next();
  if (r < 0.965) return String(patient.sex);
  if (r < 0.975) return patient.sex === 1 ? 'M' : 'F';
  if (r < 0.99) return patient.sex === 1 ? 'Male' : 'Female';
  if (r < 0.993) return '9';
  if (r < 0.996) return 'X';
  return '';
}

/** The four demographic cells of a row at `day`: age, sex, ethnic_category, lsoa_code. */
export function demographics(rng: Rng, patient: Patient, dataset: PatientDataset, day: number, ethnicityAdjust = 0): string[] {
  return [
    String(Math.max(0, ageAt(patient.birthDay, day))),
    recordSex(rng, patient),
    recordEthnicity(rng, patient, dataset, day, ethnicityAdjust),
    patient.recordedLsoa,
  ];
}
