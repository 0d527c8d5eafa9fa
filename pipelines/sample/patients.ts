/**
 * The patient pool: people drawn from the catchment population, over-sampling those who use
 * hospitals most (older people, women of child-bearing age, deprived areas). Each patient keeps
 * the weight they were drawn with, so that event generators can ask for rates per head of
 * population (`patientTable`) and the rates per 100,000 come out as designed.
 */
import type { Catchment, Lsoa } from './catchment.ts';
import { INVALID_LSOA_CODES } from './catchment.ts';
import { REFERENCE_DAY, dayOf } from './dates.ts';
import { ETHNIC_CATEGORIES, GROUP_OF, ageProfile, bandAges, ethnicMixByDecile, femaleShare, type EthnicGroup } from './demography.ts';
import { type Rng, WeightedTable, gradient } from './random.ts';
import { homeSite } from './sites.ts';

export interface Patient {
  index: number;
  id: string;
  birthDay: number;
  /** Age on the reference day (1 October 2024), for weighting. */
  age: number;
  sex: 1 | 2;
  ethnic: string;
  group: EthnicGroup;
  lsoa: Lsoa;
  quintile: number;
  /** The LSOA as the trust's systems hold it: the code, blank, or a mistyped value. */
  recordedLsoa: string;
  homeSite: string;
  /** How much more often than the population this patient was drawn. */
  poolWeight: number;
  /** Personal propensity (log-normal, median 1) to miss appointments, attend A&E again, … */
  frailty: number;
}

/** One cell of the catchment population: an LSOA × ethnic category × ESP band × sex. */
export interface PopulationCell {
  lsoa: Lsoa;
  ethnicIndex: number;
  band: number;
  sex: 1 | 2;
  people: number;
}

export function populationCells(catchment: Catchment): PopulationCell[] {
  const cells: PopulationCell[] = [];
  const profiles = ETHNIC_CATEGORIES.map((_, i) => ageProfile(i));
  const decilePopulation = new Array<number>(11).fill(0);
  for (const lsoa of catchment.lsoas) decilePopulation[lsoa.decile] += lsoa.population;
  const mixes = ethnicMixByDecile(decilePopulation);
  for (const lsoa of catchment.lsoas) {
    const mix = mixes[lsoa.decile];
    mix.forEach((share, ethnicIndex) => {
      profiles[ethnicIndex].forEach((bandShare, band) => {
        const people = lsoa.population * share * bandShare;
        const female = femaleShare(band);
        cells.push({ lsoa, ethnicIndex, band, sex: 1, people: people * (1 - female) });
        cells.push({ lsoa, ethnicIndex, band, sex: 2, people: people * female });
      });
    });
  }
  return cells;
}

const AGE_USE = [1.3, 0.6, 0.6, 0.7, 0.8, 0.85, 0.9, 0.9, 0.95, 1.0, 1.1, 1.2, 1.4, 1.7, 2.0, 2.4, 2.8, 3.0, 3.0];

/** Relative hospital use of a population cell, the weight patients are drawn with. */
function hospitalUse(cell: PopulationCell): number {
  const maternity = cell.sex === 2 && cell.band >= 4 && cell.band <= 8 ? 1.7 : 1;
  return AGE_USE[cell.band] * maternity * gradient(cell.lsoa.quintile, 1.3);
}

export function generatePatients(rng: Rng, cells: PopulationCell[], count: number): Patient[] {
  const table = new WeightedTable(cells.map((c) => c.people * hospitalUse(c)));
  const patients: Patient[] = [];
  const refYear = 2024;
  for (let i = 0; i < count; i++) {
    const cell = cells[table.draw(rng)];
    const { from, span } = bandAges(cell.band);
    // The 90+ band thins out with age.
    const age = cell.band === 18 ? from + Math.min(span - 1, Math.floor(-3.5 * Math.log(1 - rng.next()))) : from + rng.int(0, span - 1);
    const birthDay = REFERENCE_DAY - age * 365 - rng.int(0, 364) - Math.floor(age / 4);
    const code = ETHNIC_CATEGORIES[cell.ethnicIndex].code;
    const r = rng.next();
    const recordedLsoa = r < 0.03 ? '' : r < 0.034 ? rng.pick(INVALID_LSOA_CODES) : cell.lsoa.code;
    patients.push({
      index: i,
      id: `P${String(i + 1).padStart(7, '0')}`,
      birthDay: Math.max(birthDay, dayOf(refYear - 105, 1, 1)),
      age,
      sex: cell.sex,
      ethnic: code,
      group: GROUP_OF[code],
      lsoa: cell.lsoa,
      quintile: cell.lsoa.quintile,
      recordedLsoa,
      homeSite: homeSite(cell.lsoa.code),
      poolWeight: hospitalUse(cell),
      frailty: rng.logNormal(1, 0.55),
    });
  }
  return patients;
}

/**
 * A table that draws patients so that events fall on the population in proportion to `rate`
 * (a relative rate per head of population): the pool's over-sampling is divided out.
 */
export function patientTable(patients: Patient[], rate: (p: Patient) => number): WeightedTable {
  return new WeightedTable(patients.map((p) => rate(p) / p.poolWeight));
}
