/**
 * Admitted patient care spells: emergency (most through A&E, each with its A&E attendance),
 * elective and maternity. Emergency admissions for the indicator conditions are more common in
 * deprived areas. Spells still open on 31 March 2026 have no discharge date.
 */
import { EMERGENCY_CONDITIONS, ELECTIVE_PROCEDURES, type EmergencyCondition, type ElectiveProcedure } from '../conditions.ts';
import type { SampleContext, WrittenFile } from '../context.ts';
import { CsvWriter } from '../csv-writer.ts';
import { PERIOD_DAYS, PERIOD_END, PERIOD_START, ageAt, isoDate, nextWorkingDay, winterFactor } from '../dates.ts';
import { type Patient, patientTable } from '../patients.ts';
import { forkRng, type Rng } from '../random.ts';
import { demographics } from '../recording.ts';
import { type AeVisit, emergencyDepartmentSite, writeAeAttendances, admittedVisit } from './ae-attendances.ts';
import type { Delivery } from './maternity.ts';
import { idOf, pickSite } from './shared.ts';

export const ADMISSION_COLUMNS = [
  'spell_id', 'patient_id', 'admission_date', 'admission_method', 'discharge_date', 'treatment_function_code',
  'primary_diagnosis', 'primary_procedure', 'age', 'sex', 'ethnic_category', 'lsoa_code', 'site_code',
] as const;

interface Spell {
  patient: Patient;
  day: number;
  method: string;
  stay: number;
  tfc: string;
  diagnosis: string;
  procedure: string;
  site: string;
}

export async function writeAdmissionsAndAe(ctx: SampleContext, deliveries: Delivery[]): Promise<{ admissions: WrittenFile; ae: WrittenFile }> {
  const rng = forkRng(ctx.seed, 'admissions');
  const visits: AeVisit[] = [];
  const spells = [
    ...emergencySpells(rng, ctx, visits),
    ...electiveSpells(rng, ctx),
    ...maternitySpells(rng, deliveries),
  ].sort((a, b) => a.day - b.day);

  const writer = CsvWriter.open(`${ctx.outDir}/admissions.csv`, ADMISSION_COLUMNS);
  let n = 0;
  for (const s of spells) {
    const discharge = s.day + s.stay;
    const pending = writer.row([
      idOf('SP', ++n, 8), s.patient.id, isoDate(s.day), s.method, discharge <= PERIOD_END ? isoDate(discharge) : '',
      s.tfc, s.diagnosis, s.procedure, ...demographics(rng, s.patient, 'admissions', s.day), s.site,
    ]);
    if (pending) await pending;
  }
  await writer.close();
  const ae = await writeAeAttendances(ctx, visits);
  return { admissions: { path: writer.path, rows: writer.rows }, ae };
}

/** A day in the period, more likely in winter by `winter`, on which the patient's age is within `ages`. */
function eventDay(rng: Rng, patient: Patient, ages: readonly [number, number], winter: number, workingDays: boolean): number | null {
  for (let attempt = 0; attempt < 12; attempt++) {
    let day = PERIOD_START + rng.int(0, PERIOD_DAYS - 1);
    if (workingDays) day = nextWorkingDay(day);
    if (day > PERIOD_END || !rng.chance(winterFactor(day, winter) / (1 + winter))) continue;
    const age = ageAt(patient.birthDay, day);
    if (age >= ages[0] && age <= ages[1]) return day;
  }
  return null;
}

const stayOf = (rng: Rng, median: number) => (median <= 0 ? 0 : rng.chance(0.2) ? 0 : Math.max(0, Math.round(rng.logNormal(median, 0.8))));

function emergencyMethod(rng: Rng, age: number): string {
  if (age < 18) return rng.weighted([['21', 0.9], ['22', 0.05], ['28', 0.03], ['2A', 0.01], ['2B', 0.01]] as const);
  return rng.weighted([['21', 0.78], ['22', 0.09], ['23', 0.005], ['24', 0.03], ['25', 0.005], ['28', 0.04], ['2A', 0.02], ['2B', 0.015], ['2C', 0.005], ['2D', 0.01]] as const);
}

function emergencySpells(rng: Rng, ctx: SampleContext, visits: AeVisit[]): Spell[] {
  const spells: Spell[] = [];
  for (const condition of EMERGENCY_CONDITIONS) {
    const table = patientTable(ctx.patients, condition.who);
    const count = Math.round(condition.perYear * 3 * ctx.scale);
    for (let i = 0; i < count; i++) {
      const patient = ctx.patients[table.draw(rng)];
      const day = eventDay(rng, patient, condition.ages, condition.winter, false);
      if (day === null) continue;
      spells.push(emergencySpell(rng, condition, patient, day, visits));
    }
  }
  return spells.filter((s) => s.day <= PERIOD_END);
}

function emergencySpell(rng: Rng, condition: EmergencyCondition, patient: Patient, day: number, visits: AeVisit[]): Spell {
  const age = ageAt(patient.birthDay, day);
  const diagnosis = rng.weighted(condition.diagnoses(age));
  const method = emergencyMethod(rng, age);
  let site = pickSite(rng, patient, 0.8);
  let admissionDay = day;
  if (method === '21') {
    site = emergencyDepartmentSite(rng, patient);
    const visit = admittedVisit(rng, patient, day, site, age);
    visits.push(visit);
    admissionDay = visit.day + Math.floor((visit.arrival + visit.duration) / 86_400);
  } else if (site === 'RRK15' && rng.chance(0.7)) {
    site = 'RRK02';
  }
  const stay = stayOf(rng, condition.stay * (age >= 80 ? 1.5 : 1));
  return { patient, day: admissionDay, method, stay, tfc: condition.tfc(age, diagnosis), diagnosis, procedure: '', site };
}

function electiveSpells(rng: Rng, ctx: SampleContext): Spell[] {
  const spells: Spell[] = [];
  for (const procedure of ELECTIVE_PROCEDURES) {
    const table = patientTable(ctx.patients, procedure.who);
    const count = Math.round(procedure.perYear * 3 * ctx.scale);
    for (let i = 0; i < count; i++) {
      const patient = ctx.patients[table.draw(rng)];
      const day = eventDay(rng, patient, procedure.ages, 0, true);
      if (day !== null) spells.push(electiveSpell(rng, procedure, patient, day));
    }
  }
  return spells;
}

function electiveSpell(rng: Rng, procedure: ElectiveProcedure, patient: Patient, day: number): Spell {
  const [diagnosis, code] = rng.weighted(procedure.cases.map(([dx, proc, w]) => [[dx, proc] as const, w] as const));
  const method = procedure.planned ? rng.weighted([['13', 0.7], ['12', 0.3]] as const) : rng.weighted([['11', 0.72], ['12', 0.25], ['13', 0.03]] as const);
  const stay = rng.chance(procedure.dayCase) ? 0 : Math.max(1, Math.round(rng.logNormal(procedure.stay, 0.5)));
  return { patient, day, method, stay, tfc: procedure.tfc, diagnosis, procedure: code, site: pickSite(rng, patient, 0.6) };
}

function maternitySpells(rng: Rng, deliveries: Delivery[]): Spell[] {
  const spells: Spell[] = [];
  for (const d of deliveries) {
    const preterm = d.gestation < 37;
    const [diagnosis, procedure] = preterm
      ? rng.weighted([[['O60.1', 'R24.9'], 0.6], [['O60.1', 'R18.9'], 0.4]] as const)
      : rng.weighted([[['O80', 'R24.9'], 0.55], [['O82.0', 'R17.9'], 0.12], [['O82.1', 'R18.9'], 0.18], [['O81.4', 'R22.9'], 0.1], [['O81.0', 'R21.9'], 0.05]] as const);
    const caesarean = procedure === 'R17.9' || procedure === 'R18.9';
    const admitted = d.day - (rng.chance(0.3) ? 1 : 0);
    const stay = d.day - admitted + (caesarean ? rng.int(2, 4) : rng.weighted([[0, 0.25], [1, 0.45], [2, 0.2], [3, 0.1]] as const));
    if (admitted >= PERIOD_START) spells.push({ patient: d.patient, day: admitted, method: '31', stay, tfc: '501', diagnosis, procedure, site: d.site });
    if (rng.chance(0.3)) {
      const antenatal = d.day - rng.int(14, 150);
      const dx = rng.weighted([['O21.0', 0.25], ['O26.8', 0.25], ['O47.0', 0.3], ['O36.8', 0.1], ['O23.4', 0.1]] as const);
      if (antenatal >= PERIOD_START) spells.push({ patient: d.patient, day: antenatal, method: '31', stay: rng.int(0, 2), tfc: '501', diagnosis: dx, procedure: '', site: d.site });
    }
    if (rng.chance(0.04)) {
      const postnatal = d.day + rng.int(3, 42);
      const dx = rng.weighted([['O86.4', 0.4], ['O72.1', 0.2], ['O90.8', 0.2], ['O91.2', 0.2]] as const);
      if (postnatal <= PERIOD_END) spells.push({ patient: d.patient, day: postnatal, method: '32', stay: rng.int(1, 4), tfc: '501', diagnosis: dx, procedure: '', site: d.site });
    }
  }
  return spells;
}
