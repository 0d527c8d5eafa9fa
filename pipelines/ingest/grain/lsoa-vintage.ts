// Which LSOA codes a file carries, 2011 or 2021, so each row takes its IMD decile from the IoD
// edition built on those areas: IoD2019 on 2011 LSOAs, IoD2025 on 2021 LSOAs. Most codes are the
// same in both, so the header is asked first, then the codes that exist in one list only.
import type { Session } from '../../../db/database.ts';
import { grainMessages } from '../../../core/text/grain-messages.ts';

export type LsoaVintage = '2011' | '2021' | 'mixed';
export interface VintageDecision {
  vintage: LsoaVintage | null;
  basis: string;
}

/** "LSOA11", "lsoa_2011_code", "Der_Postcode_LSOA_2011_Code" → 2011; the 2021 forms → 2021. */
export function vintageFromHeader(header: string): '2011' | '2021' | null {
  const h = header.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (/2011|lsoa11|11cd$|11code/.test(h)) return '2011';
  if (/2021|lsoa21|21cd$|21code/.test(h)) return '2021';
  return null;
}

/**
 * Decides the vintage of the `lsoa_code` values of `table`. A population file (`population` set)
 * is one ONS release on one set of areas, so codes found in one list only decide for the whole
 * file, and then its year: ONS small-area estimates are on 2011 LSOAs up to mid-2020, on 2021
 * LSOAs after. Patient records are coded address by address, some still to 2011 areas, so
 * unless the header says, each code takes the edition of the list it is in (IoD2025 if both).
 */
export async function decideVintage(session: Session, table: string, header: string, population: { year: number | null } | null): Promise<VintageDecision> {
  const named = vintageFromHeader(header);
  if (named) return { vintage: named, basis: grainMessages.vintageFromHeader(header, named) };
  const [counts] = await session.all<{ only11: number; only21: number; codes: number }>(
    `SELECT count(*) FILTER (WHERE i19.lsoa_code IS NOT NULL AND i25.lsoa_code IS NULL)::INTEGER AS only11,
            count(*) FILTER (WHERE i25.lsoa_code IS NOT NULL AND i19.lsoa_code IS NULL)::INTEGER AS only21,
            count(*)::INTEGER AS codes
     FROM (SELECT DISTINCT lsoa_code FROM ${table} WHERE lsoa_code IS NOT NULL) c
     LEFT JOIN ref_imd2019 i19 ON i19.lsoa_code = c.lsoa_code LEFT JOIN ref_imd2025 i25 ON i25.lsoa_code = c.lsoa_code`,
  );
  if (!counts || counts.codes === 0) return { vintage: null, basis: grainMessages.noLsoa() };
  if (!population) return { vintage: null, basis: grainMessages.vintagePerCode(counts.only11) };
  if (counts.only11 > 0 && counts.only21 > 0) return { vintage: 'mixed', basis: grainMessages.vintageMixed(counts.only11, counts.only21) };
  if (counts.only11 > 0) return { vintage: '2011', basis: grainMessages.vintageFromCodes('2011', counts.only11) };
  if (counts.only21 > 0) return { vintage: '2021', basis: grainMessages.vintageFromCodes('2021', counts.only21) };
  if (population.year !== null) {
    const vintage = population.year <= 2020 ? '2011' : '2021';
    return { vintage, basis: grainMessages.vintageFromYear(population.year, vintage) };
  }
  return { vintage: '2021', basis: grainMessages.vintageAssumed() };
}

/** SQL for the derived decile and its edition, given the joined deciles d19 (IoD2019) and d25 (IoD2025). */
export function derivedDecileSql(vintage: LsoaVintage | null): { decile: string; edition: string } {
  if (vintage === '2011') return { decile: 'd19', edition: `CASE WHEN d19 IS NOT NULL THEN 'IoD2019' END` };
  if (vintage === '2021') return { decile: 'd25', edition: `CASE WHEN d25 IS NOT NULL THEN 'IoD2025' END` };
  return { decile: 'coalesce(d25, d19)', edition: `CASE WHEN d25 IS NOT NULL THEN 'IoD2025' WHEN d19 IS NOT NULL THEN 'IoD2019' END` };
}

/** The edition a supplied IMD column's header names ("IMD_2019_Decile", "imd19", "IoD2025 decile"), or null. */
export function editionFromHeader(header: string): 'IoD2019' | 'IoD2025' | null {
  const h = header.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (/2019|imd19|iod19/.test(h)) return 'IoD2019';
  if (/2025|imd25|iod25/.test(h)) return 'IoD2025';
  return null;
}
