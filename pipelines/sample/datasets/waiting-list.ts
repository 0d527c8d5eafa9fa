/**
 * RTT waiting list: monthly census snapshots (last day of each month) of open pathways. Each
 * pathway has a clock start and a clock stop; it appears on every census between them, with the
 * same id and clock start. Waits are longer in deprived areas and shorten as the trust recovers.
 */
import type { SampleContext, WrittenFile } from '../context.ts';
import { CsvWriter } from '../csv-writer.ts';
import { PERIOD_END, ageAt, dayOf, isoDate, monthEnds } from '../dates.ts';
import { type Patient, patientTable } from '../patients.ts';
import { forkRng, gradient, type Rng } from '../random.ts';
import { recordEthnicity, recordSex } from '../recording.ts';
import { SPECIALTIES, type Specialty } from '../specialties.ts';
import { idOf, pickSite } from './shared.ts';

export const WAITING_LIST_COLUMNS = [
  'pathway_id', 'patient_id', 'census_date', 'clock_start_date', 'treatment_function_code', 'priority',
  'age', 'sex', 'ethnic_category', 'lsoa_code', 'site_code',
] as const;

/** Clock starts a month at the default size; with the waits below ≈ 10,000 open pathways. */
const STARTS_PER_MONTH = 2_300;
const FIRST_START = dayOf(2021, 1, 1);
const RECOVERY_FROM = dayOf(2022, 1, 1);

interface Pathway {
  start: number;
  stop: number;
  patient: Patient;
  specialty: Specialty;
  priority: string;
  site: string;
  sex: string;
  ethnic: string;
}

export async function writeWaitingList(ctx: SampleContext): Promise<WrittenFile> {
  const rng = forkRng(ctx.seed, 'waiting_list');
  const pathways = createPathways(rng, ctx);
  const writer = CsvWriter.open(`${ctx.outDir}/waiting_list.csv`, WAITING_LIST_COLUMNS);
  const ids = pathways.map((_, i) => idOf('RTT', i + 1, 8));
  for (const census of monthEnds()) {
    const date = isoDate(census);
    for (let i = 0; i < pathways.length; i++) {
      const p = pathways[i];
      if (p.start > census) break;
      if (p.stop <= census) continue;
      const pending = writer.row([
        ids[i], p.patient.id, date, isoDate(p.start), p.specialty.code, p.priority,
        String(ageAt(p.patient.birthDay, census)), p.sex, p.ethnic, p.patient.recordedLsoa, p.site,
      ]);
      if (pending) await pending;
    }
  }
  await writer.close();
  return { path: writer.path, rows: writer.rows };
}

function createPathways(rng: Rng, ctx: SampleContext): Pathway[] {
  const rtt = SPECIALTIES.filter((s) => s.wait > 0);
  const tables = rtt.map((s) => patientTable(ctx.patients, s.who));
  const shares = rtt.map((s) => s.share);
  const count = Math.round(((STARTS_PER_MONTH * ctx.scale * (PERIOD_END - FIRST_START + 1)) / 365.25) * 12);
  const pathways: Pathway[] = [];
  for (let i = 0; i < count; i++) {
    const s = rng.weightedIndex(shares);
    const specialty = rtt[s];
    const patient = ctx.patients[tables[s].draw(rng)];
    const start = Math.max(clockStart(rng), patient.birthDay);
    const priority = pickPriority(rng, specialty);
    const recovery = 1.2 - 0.4 * Math.min(1, Math.max(0, (start - RECOVERY_FROM) / (PERIOD_END - RECOVERY_FROM)));
    const median = 100 * specialty.wait * gradient(patient.quintile, 1.2) * recovery * PRIORITY_WAIT[priority];
    const stop = start + Math.max(1, clipLongWait(rng, Math.round(rng.logNormal(median, 0.72))));
    pathways.push({
      start, stop, patient, specialty, priority,
      site: pickSite(rng, patient, 0.7),
      sex: recordSex(rng, patient),
      ethnic: recordEthnicity(rng, patient, 'waiting_list', start),
    });
  }
  return pathways.sort((a, b) => a.start - b.start);
}

/** A clock start since January 2021, referrals growing 6% a year. */
function clockStart(rng: Rng): number {
  for (;;) {
    const day = FIRST_START + rng.int(0, PERIOD_END - FIRST_START);
    if (rng.chance(Math.pow(1.06, (day - PERIOD_END) / 365.25))) return day;
  }
}

/** The trust treats or validates most pathways before they reach 65 weeks, nearly all before 78. */
function clipLongWait(rng: Rng, days: number): number {
  if (days > 546 && rng.chance(0.97)) return rng.int(420, 546);
  if (days > 455 && rng.chance(0.8)) return rng.int(370, 455);
  if (days > 364 && rng.chance(0.45)) return rng.int(300, 364);
  return days;
}

const PRIORITY_WAIT: Record<string, number> = { P2: 0.3, urgent: 0.3, 'two-week-wait': 0.25, P3: 0.8, P4: 1.1, routine: 1.1 };

function pickPriority(rng: Rng, specialty: Specialty): string {
  if (specialty.surgical && rng.chance(0.45)) return rng.weighted([['P2', 0.2], ['P3', 0.45], ['P4', 0.35]] as const);
  return rng.weighted([['routine', 0.8], ['urgent', 0.15], ['two-week-wait', 0.05]] as const);
}
