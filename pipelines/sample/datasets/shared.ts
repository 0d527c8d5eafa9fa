/** Small helpers the dataset generators share. */
import type { Patient } from '../patients.ts';
import type { Rng } from '../random.ts';
import { SITES } from '../sites.ts';

/** The patient's home site most of the time, otherwise any site. */
export function pickSite(rng: Rng, patient: Patient, homeShare = 0.75): string {
  return rng.chance(homeShare) ? patient.homeSite : rng.pick(SITES);
}

/** An id: `prefix` + zero-padded number. */
export function idOf(prefix: string, n: number, width: number): string {
  return `${prefix}${String(n).padStart(width, '0')}`;
}
