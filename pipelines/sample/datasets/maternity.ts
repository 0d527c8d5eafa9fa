/**
 * Maternity bookings (one row per pregnancy) and the deliveries they lead to. Women book at
 * about ten weeks, later in deprived areas; preterm birth is more common in the most deprived
 * quintile and among Black women; smoking at delivery is far higher in quintile 1; continuity of
 * carer reaches fewer women in deprived areas. Pregnancies not delivered by 31 March 2026 have
 * blank delivery fields. The deliveries feed the maternity admissions.
 */
import type { SampleContext, WrittenFile } from '../context.ts';
import { CsvWriter } from '../csv-writer.ts';
import { PERIOD_DAYS, PERIOD_END, PERIOD_START, ageAt, isoDate, nextWorkingDay, periodFraction } from '../dates.ts';
import { type Patient, patientTable } from '../patients.ts';
import { forkRng, gradient, type Rng } from '../random.ts';
import { demographics } from '../recording.ts';
import { idOf } from './shared.ts';

export const MATERNITY_COLUMNS = [
  'booking_id', 'patient_id', 'booking_date', 'gestation_at_booking_weeks', 'continuity_of_carer', 'smoking_at_booking',
  'delivery_date', 'gestation_at_delivery_weeks', 'smoking_at_delivery', 'age', 'sex', 'ethnic_category', 'lsoa_code', 'site_code',
] as const;

const BOOKINGS_PER_YEAR = 5_000;

export interface Delivery {
  patient: Patient;
  day: number;
  gestation: number;
  site: string;
}

interface Booking {
  patient: Patient;
  day: number;
  gestationAtBooking: number;
  smokingAtBooking: boolean;
  delivery: Delivery | null;
  smokingAtDelivery: boolean;
}

const FERTILITY_BY_ETHNICITY: Record<string, number> = { A: 0.9, B: 0.8, C: 1.1, D: 1, E: 1.1, F: 1, G: 1, H: 1, J: 1.5, K: 1.5, L: 1.2, M: 0.9, N: 1.4, P: 1.2, R: 0.7, S: 1.2 };
const SMOKING_BY_ETHNICITY: Record<string, number> = { A: 1.5, B: 1.3, C: 1.0, D: 1.4, E: 1.2, F: 1.1, G: 1.2, H: 0.12, J: 0.1, K: 0.1, L: 0.3, M: 0.9, N: 0.15, P: 0.5, R: 0.2, S: 0.5 };

function fertility(p: Patient): number {
  if (p.sex !== 2 || p.age < 15 || p.age > 47) return 0;
  return Math.exp(-(((p.age - 30.5) / 6.5) ** 2)) * FERTILITY_BY_ETHNICITY[p.ethnic] * gradient(p.quintile, 1.2);
}

export async function writeMaternity(ctx: SampleContext): Promise<{ file: WrittenFile; deliveries: Delivery[] }> {
  const rng = forkRng(ctx.seed, 'maternity');
  const bookings = createBookings(rng, ctx);
  const writer = CsvWriter.open(`${ctx.outDir}/maternity.csv`, MATERNITY_COLUMNS);
  let n = 0;
  for (const b of bookings) {
    const coc = rng.chance(0.01) ? '' : rng.chance(0.3 * gradient(b.patient.quintile, 0.62) * (1 - 0.15 * periodFraction(b.day))) ? 'Y' : 'N';
    const [age, sex, ethnic, lsoa] = demographics(rng, b.patient, 'maternity', b.day);
    const site = b.delivery?.site ?? (b.patient.homeSite === 'RRK97' ? 'RRK97' : 'RRK02');
    const pending = writer.row([
      idOf('MAT', ++n, 7), b.patient.id, isoDate(b.day), b.gestationAtBooking, coc,
      rng.chance(0.02) ? '' : b.smokingAtBooking ? 'Y' : 'N',
      b.delivery ? isoDate(b.delivery.day) : '',
      b.delivery ? b.delivery.gestation : '',
      b.delivery ? (b.smokingAtDelivery ? 'Y' : 'N') : '',
      age, sex, ethnic, lsoa, site,
    ]);
    if (pending) await pending;
  }
  await writer.close();
  const deliveries = bookings.flatMap((b) => (b.delivery ? [b.delivery] : []));
  return { file: { path: writer.path, rows: writer.rows }, deliveries };
}

function createBookings(rng: Rng, ctx: SampleContext): Booking[] {
  const table = patientTable(ctx.patients, fertility);
  const busyUntil = new Float64Array(ctx.patients.length).fill(-Infinity);
  const target = Math.round(BOOKINGS_PER_YEAR * 3 * ctx.scale);
  const bookings: Booking[] = [];
  for (let attempt = 0; bookings.length < target && attempt < target * 50; attempt++) {
    const patient = ctx.patients[table.draw(rng)];
    const day = nextWorkingDay(PERIOD_START + rng.int(0, PERIOD_DAYS - 1));
    const age = ageAt(patient.birthDay, day);
    if (age < 16 || age > 48 || day < busyUntil[patient.index] || day > PERIOD_END) continue;
    bookings.push(createBooking(rng, patient, day, age));
    const last = bookings[bookings.length - 1];
    busyUntil[patient.index] = (last.delivery?.day ?? day + 220) + 120;
  }
  return bookings.sort((a, b) => a.day - b.day);
}

function createBooking(rng: Rng, patient: Patient, day: number, age: number): Booking {
  const late = rng.chance(0.1 * gradient(patient.quintile, 1.9));
  const gestationAtBooking = late ? rng.int(13, rng.chance(0.2) ? 30 : 20) : rng.weighted([[7, 0.08], [8, 0.2], [9, 0.25], [10, 0.22], [11, 0.15], [12, 0.1]] as const);
  const ageRisk = age < 20 ? 2 : age < 25 ? 1.5 : age >= 35 ? 0.7 : 1;
  const smokingAtBooking = rng.chance(Math.min(0.8, 0.03 * gradient(patient.quintile, 7) * SMOKING_BY_ETHNICITY[patient.ethnic] * ageRisk));
  const black = patient.group === 'Black or Black British' ? 1.4 : patient.group === 'Asian or Asian British' ? 1.15 : 1;
  const preterm = rng.chance(0.046 * gradient(patient.quintile, 1.45) * black * (smokingAtBooking ? 1.35 : 1) * (age < 20 || age >= 40 ? 1.2 : 1));
  const gestation = preterm
    ? rng.weighted([[24, 1], [25, 1], [26, 1], [27, 1.5], [28, 2], [29, 2], [30, 2.5], [31, 3], [32, 4], [33, 5], [34, 8], [35, 11], [36, 15]] as const)
    : rng.weighted([[37, 6], [38, 14], [39, 30], [40, 30], [41, 18], [42, 2]] as const);
  const deliveryDay = day + Math.max(1, (gestation - gestationAtBooking) * 7 + rng.int(0, 6));
  const delivered = deliveryDay <= PERIOD_END && !rng.chance(0.025);
  const site = patient.homeSite === 'RRK97' ? 'RRK97' : rng.chance(0.9) ? 'RRK02' : 'RRK97';
  return {
    patient,
    day,
    gestationAtBooking: Math.min(gestationAtBooking, gestation - 1),
    smokingAtBooking,
    delivery: delivered ? { patient, day: deliveryDay, gestation, site } : null,
    smokingAtDelivery: smokingAtBooking ? rng.chance(0.68) : rng.chance(0.004),
  };
}
