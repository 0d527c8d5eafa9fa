/**
 * A&E attendances: the attendances that led to an emergency admission (made with the spell)
 * plus everyone sent home. Two type 01 departments (RRK02, RRK97) and an urgent treatment
 * centre (type 03, mostly RRK15). About 70–75% leave within four hours, fewer of those admitted
 * and more in summer, improving over the three years. Attendance is highest among the very
 * young, young adults and the very old, and in deprived areas; some people attend often.
 */
import type { SampleContext, WrittenFile } from '../context.ts';
import { CsvWriter } from '../csv-writer.ts';
import { PERIOD_DAYS, PERIOD_START, ageAt, isoDateTime, periodFraction, winterFactor } from '../dates.ts';
import { type Patient, patientTable } from '../patients.ts';
import { forkRng, gradient, type Rng } from '../random.ts';
import { demographics } from '../recording.ts';
import { idOf } from './shared.ts';

export const AE_COLUMNS = [
  'attendance_id', 'patient_id', 'arrival_datetime', 'departure_datetime', 'department_type', 'admitted',
  'age', 'sex', 'ethnic_category', 'lsoa_code', 'site_code',
] as const;

const ATTENDANCES_PER_YEAR = 100_000;

export interface AeVisit {
  patient: Patient;
  day: number;
  /** Seconds after midnight of `day`. */
  arrival: number;
  /** Seconds from arrival to departure. */
  duration: number;
  site: string;
  type: '01' | '03';
  admitted: boolean;
}

const HOURS = [2, 1.5, 1.2, 1, 0.9, 0.9, 1.2, 2, 3.5, 5, 5.8, 6, 5.8, 5.6, 5.4, 5.3, 5.2, 5.2, 5.1, 4.8, 4.3, 3.8, 3.2, 2.6];

function arrivalSeconds(rng: Rng): number {
  return rng.weightedIndex(HOURS) * 3600 + rng.int(0, 3599);
}

/** Minutes in the department for a median, slower in winter and for the very old, faster as the years go by. */
function minutesInDepartment(rng: Rng, median: number, day: number, age: number): number {
  const pressure = winterFactor(day, 0.2) * (1.08 - 0.16 * periodFraction(day)) * (age >= 75 ? 1.2 : 1);
  return Math.min(48 * 60, Math.max(10, rng.logNormal(median * pressure, 0.6)));
}

/** The type 01 department a patient goes to: the one nearer home. */
export function emergencyDepartmentSite(rng: Rng, patient: Patient): string {
  const near = patient.homeSite === 'RRK15' ? 'RRK02' : patient.homeSite;
  return rng.chance(0.85) ? near : near === 'RRK02' ? 'RRK97' : 'RRK02';
}

export function admittedVisit(rng: Rng, patient: Patient, day: number, site: string, age: number): AeVisit {
  const duration = Math.round(minutesInDepartment(rng, 300, day, age) * 60);
  return { patient, day, arrival: arrivalSeconds(rng), duration, site, type: '01', admitted: true };
}

function attendanceRate(p: Patient): number {
  const age = p.age < 5 ? 2.2 : p.age < 15 ? 1 : p.age < 30 ? 1.45 * (p.sex === 1 ? 1.15 : 1) : p.age < 65 ? 0.9 : p.age < 80 ? 1.1 : 2.3;
  return age * gradient(p.quintile, 1.9) * Math.pow(p.frailty, 1.5) * (p.group === 'Black or Black British' ? 1.15 : 1);
}

export async function writeAeAttendances(ctx: SampleContext, admitted: AeVisit[]): Promise<WrittenFile> {
  const rng = forkRng(ctx.seed, 'ae_attendances');
  const table = patientTable(ctx.patients, attendanceRate);
  const others = Math.max(0, Math.round(ATTENDANCES_PER_YEAR * 3 * ctx.scale) - admitted.length);
  const visits = admitted.slice();
  for (let i = 0; i < others; i++) {
    const patient = ctx.patients[table.draw(rng)];
    let day = PERIOD_START + rng.int(0, PERIOD_DAYS - 1);
    if (!rng.chance(winterFactor(day, 0.12) / 1.12)) day = PERIOD_START + rng.int(0, PERIOD_DAYS - 1);
    if (day < patient.birthDay) continue;
    const age = ageAt(patient.birthDay, day);
    const minor = rng.chance(age < 65 ? 0.19 : 0.08);
    const type = minor ? '03' : '01';
    const site = minor ? (rng.chance(0.8) ? 'RRK15' : 'RRK02') : emergencyDepartmentSite(rng, patient);
    const duration = Math.round(minutesInDepartment(rng, minor ? 75 : 132, day, age) * 60);
    visits.push({ patient, day, arrival: arrivalSeconds(rng), duration, site, type, admitted: false });
  }
  visits.sort((a, b) => a.day - b.day || a.arrival - b.arrival);

  const writer = CsvWriter.open(`${ctx.outDir}/ae_attendances.csv`, AE_COLUMNS);
  let n = 0;
  for (const v of visits) {
    const departure = rng.chance(0.003) ? '' : isoDateTime(v.day, v.arrival + v.duration);
    const pending = writer.row([
      idOf('AE', ++n, 8), v.patient.id, isoDateTime(v.day, v.arrival), departure, v.type, v.admitted ? 'Y' : 'N',
      ...demographics(rng, v.patient, 'ae_attendances', v.day, v.type === '03' ? -0.08 : 0), v.site,
    ]);
    if (pending) await pending;
  }
  await writer.close();
  return { path: writer.path, rows: writer.rows };
}
