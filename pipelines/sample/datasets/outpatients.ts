/**
 * Outpatient appointments: referrals open an episode (a first appointment and a run of
 * follow-ups) in one specialty at one site. DNAs are more common in deprived areas, among young
 * adults and for some people more than others; virtual appointments are rarer for older people
 * and decline a little after the pandemic years. About 5% of dates are written dd/mm/yyyy.
 */
import type { SampleContext, WrittenFile } from '../context.ts';
import { CsvWriter } from '../csv-writer.ts';
import { PERIOD_DAYS, PERIOD_END, PERIOD_START, ageAt, isoDate, nextWorkingDay, periodFraction, ukDate, winterFactor, ymd } from '../dates.ts';
import { type Patient, patientTable } from '../patients.ts';
import { type Rng, forkRng, gradient } from '../random.ts';
import { demographics } from '../recording.ts';
import { idOf, pickSite } from './shared.ts';
import { SPECIALTIES, type Specialty } from '../specialties.ts';

export const OUTPATIENT_COLUMNS = [
  'appointment_id', 'patient_id', 'appointment_date', 'treatment_function_code', 'attendance_status',
  'first_attendance', 'age', 'sex', 'ethnic_category', 'lsoa_code', 'site_code',
] as const;

/** Appointments over the three years at the default size. */
const APPOINTMENTS = 370_000;
const LEAD_IN_DAYS = 120;

interface Episode {
  patient: Patient;
  specialty: Specialty;
  site: string;
}

interface Appointment {
  day: number;
  episode: Episode;
  first: boolean;
}

export async function writeOutpatients(ctx: SampleContext): Promise<WrittenFile> {
  const rng = forkRng(ctx.seed, 'outpatients');
  const appointments = scheduleAppointments(rng, ctx);
  appointments.sort((a, b) => a.day - b.day);

  const writer = CsvWriter.open(`${ctx.outDir}/outpatients.csv`, OUTPATIENT_COLUMNS);
  let n = 0;
  for (const appt of appointments) {
    const { patient, specialty, site } = appt.episode;
    const age = Math.max(0, ageAt(patient.birthDay, appt.day));
    const virtual = rng.chance(virtualShare(specialty, patient, age, appt.day, appt.first));
    const status = attendanceStatus(rng, patient, age, appt, virtual);
    const [ageText, sex, ethnic, lsoa] = demographics(rng, patient, 'outpatients', appt.day, ethnicityAdjust(specialty.code, site));
    const date = rng.chance(0.05) ? ukDate(appt.day) : isoDate(appt.day);
    n++;
    const pending = writer.row([
      idOf('OP', n, 9), patient.id, date, specialty.code, status,
      appt.first ? (virtual ? '3' : '1') : virtual ? '4' : '2',
      ageText, sex, ethnic, lsoa, site,
    ]);
    if (pending) await pending;
  }
  await writer.close();
  return { path: writer.path, rows: writer.rows };
}

function scheduleAppointments(rng: Rng, ctx: SampleContext): Appointment[] {
  const totalShare = SPECIALTIES.reduce((s, sp) => s + sp.share, 0);
  const appointments: Appointment[] = [];
  for (const specialty of SPECIALTIES) {
    const table = patientTable(ctx.patients, specialty.who);
    const target = (APPOINTMENTS * ctx.scale * specialty.share) / totalShare;
    const episodes = Math.round(((target / (1 + specialty.followUps)) * (PERIOD_DAYS + LEAD_IN_DAYS)) / PERIOD_DAYS);
    for (let e = 0; e < episodes; e++) {
      const patient = ctx.patients[table.draw(rng)];
      const episode: Episode = { patient, specialty, site: pickSite(rng, patient) };
      let day = referralDay(rng, patient);
      const followUps = rng.geometric(specialty.followUps);
      for (let k = 0; k <= followUps && day <= PERIOD_END; k++) {
        if (day >= PERIOD_START && day >= patient.birthDay) appointments.push({ day, episode, first: k === 0 });
        day = nextWorkingDay(day + Math.round(rng.logNormal(specialty.code === '501' ? 30 : 60, 0.45)));
      }
    }
  }
  return appointments;
}

/** A working day for a first appointment, with 3% a year growth and a summer and Christmas dip. */
function referralDay(rng: Rng, patient: Patient): number {
  for (;;) {
    const day = nextWorkingDay(PERIOD_START - LEAD_IN_DAYS + rng.int(0, PERIOD_DAYS + LEAD_IN_DAYS - 1));
    const { month, day: dom } = ymd(day);
    const dip = month === 8 ? 0.88 : month === 12 && dom > 20 ? 0.6 : 1;
    if (rng.chance(dip * (0.94 + 0.06 * periodFraction(day)))) return Math.max(day, patient.birthDay);
  }
}

function virtualShare(specialty: Specialty, patient: Patient, age: number, day: number, first: boolean): number {
  const ageFactor = age >= 75 ? 0.55 : age >= 65 ? 0.78 : age < 16 ? 0.8 : 1.05;
  const year = 1.12 - 0.24 * periodFraction(day);
  const exclusion = 0.9 + 0.025 * (patient.quintile - 1);
  return Math.min(0.9, 1.5 * specialty.virtual * ageFactor * year * exclusion * (first ? 0.7 : 1.15));
}

const DNA_BY_AGE = (age: number) =>
  age < 16 ? 1.05 : age < 25 ? 1.65 : age < 35 ? 1.4 : age < 50 ? 1.05 : age < 65 ? 0.85 : age < 80 ? 0.6 : 0.75;

function attendanceStatus(rng: Rng, patient: Patient, age: number, appt: Appointment, virtual: boolean): string {
  const cancel = rng.next();
  if (cancel < 0.055) return '2';
  if (cancel < 0.055 + 0.06 * winterFactor(appt.day, 0.3)) return '4';
  const dna = 0.041 * gradient(patient.quintile, 2.2) * DNA_BY_AGE(age) * patient.frailty * (virtual ? 0.6 : 1) * (appt.first ? 0.9 : 1.1) * winterFactor(appt.day, 0.12);
  if (rng.chance(Math.min(0.6, dna))) return rng.chance(0.08) ? '7' : '3';
  return rng.chance(0.05) ? '6' : '5';
}

function ethnicityAdjust(tfc: string, site: string): number {
  const byTfc = tfc === '420' ? -0.03 : tfc === '800' || tfc === '501' ? 0.02 : 0;
  return byTfc + (site === 'RRK15' ? -0.02 : 0);
}
