/**
 * The sample trust's catchment: real Birmingham LSOAs (2011 codes E01008881–E01009520) with
 * their real deprivation deciles. LSOAs present in both IoD editions carry the IoD2025 decile;
 * the few 2011 LSOAs that were split or merged in 2021 (present only in IoD2019) carry the
 * IoD2019 decile and stand in for the patients whose address is still coded to a 2011 LSOA.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Rng } from './random.ts';

export const CATCHMENT_NAME = 'Birmingham';
export const LSOA11_FIRST = 8881;
export const LSOA11_LAST = 9520;

/** Codes a patient record may carry that no IMD lookup can resolve (typed wrongly, Welsh, a postcode). */
export const INVALID_LSOA_CODES = ['E0100912', 'E01 009 135', 'W01000917', 'B15 2TH', 'E01999999', 'e01OO8912'] as const;

export const DEFAULT_REFERENCE_DIR = fileURLToPath(new URL('../../sample-data/reference/', import.meta.url));

export interface Lsoa {
  code: string;
  decile: number;
  quintile: number;
  edition: 'IoD2025' | 'IoD2019';
  /** Resident population the generator assumes (before scaling to the requested size). */
  population: number;
}

export interface Catchment {
  lsoas: Lsoa[];
  /** Every 2021 code of the reference table and every 2011 code, for validation in tests. */
  known: { lsoa21: Set<string>; lsoa11: Set<string> };
}

/** Share of the catchment population living in LSOAs that only have a 2011 code. */
const LSOA11_ONLY_SHARE = 0.09;
const MEAN_LSOA_POPULATION = 1_560;

async function readDeciles(path: string, decileColumn: string): Promise<Map<string, number>> {
  const text = await readFile(path, 'utf8');
  const lines = text.split(/\r?\n/);
  const header = lines[0].split(',');
  const at = header.indexOf(decileColumn);
  const deciles = new Map<string, number>();
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i]) continue;
    const cells = lines[i].split(',');
    deciles.set(cells[0], Number(cells[at]));
  }
  return deciles;
}

const inRange = (code: string) => {
  const n = Number(code.slice(3));
  return code.startsWith('E01') && n >= LSOA11_FIRST && n <= LSOA11_LAST;
};

export async function loadCatchment(rng: Rng, referenceDir = DEFAULT_REFERENCE_DIR): Promise<Catchment> {
  const imd2025 = await readDeciles(`${referenceDir}/imd2025_lsoa21.csv`, 'imd_decile');
  const imd2019 = await readDeciles(`${referenceDir}/imd2019_lsoa11.csv`, 'imd_decile');
  const lsoas: Lsoa[] = [];
  const only2011: { code: string; decile: number }[] = [];
  for (const [code, decile] of imd2019) {
    if (!inRange(code)) continue;
    const decile2025 = imd2025.get(code);
    if (decile2025 === undefined) only2011.push({ code, decile });
    else lsoas.push(lsoa(code, decile2025, 'IoD2025', Math.round(MEAN_LSOA_POPULATION * (0.75 + 0.5 * rng.next()))));
  }
  if (lsoas.length === 0 || only2011.length === 0) throw new Error('The reference tables hold no Birmingham LSOAs: is sample-data/reference complete?');
  const bothPopulation = lsoas.reduce((sum, l) => sum + l.population, 0);
  const each = (bothPopulation * LSOA11_ONLY_SHARE) / (1 - LSOA11_ONLY_SHARE) / only2011.length;
  for (const { code, decile } of only2011) lsoas.push(lsoa(code, decile, 'IoD2019', Math.round(each * (0.8 + 0.4 * rng.next()))));
  lsoas.sort((a, b) => (a.code < b.code ? -1 : 1));
  return { lsoas, known: { lsoa21: new Set(imd2025.keys()), lsoa11: new Set(imd2019.keys()) } };
}

function lsoa(code: string, decile: number, edition: Lsoa['edition'], population: number): Lsoa {
  return { code, decile, quintile: Math.ceil(decile / 2), edition, population };
}
