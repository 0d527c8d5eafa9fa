// Population comes as ONS and Nomis publish it — one row per LSOA × sex × single year of age,
// with Total / All ages rows among them — or already in Parity's cells. Either way the rows are
// added up into cells of year × LSOA × ESP age band × sex (× ethnic group), each with the IMD
// quintile of its LSOA from the matching IoD edition, so that rates by deprivation get the whole
// population as their denominator.
import type { Session } from '../../../db/database.ts';
import { literal } from '../../../db/sql.ts';
import type { ColumnMatch } from '../match-headers.ts';
import { type CompileOptions, OUTSIDE_ENGLAND, STAGE, VERDICT, lineOf } from '../compile-load.ts';
import { rowMessages } from '../../../core/text/ingest-messages.ts';
import { inPlay, setAside } from './set-aside.ts';
import { type VintageDecision, decideVintage, derivedDecileSql } from './lsoa-vintage.ts';

/** The stage rows that survive, with their derived IMD quintile and its edition. */
export const POPULATION_ROWS = 'stage_population_rows';

const squashed = (cell: string) => `lower(regexp_replace(coalesce(${cell}, ''), '[^A-Za-z0-9+]', '', 'g'))`;
const TOTAL_SEXES = ['total', 'all', 'persons', 'allpersons', 'people', 'allpeople', 'bothsexes', 'allsexes', 'allusualresidents', '0'];
const TOTAL_AGES = ['allages', 'all', 'total', 'totalage', 'allcategoriesage', 'allagegroups'];
/** An LSOA of England or Wales, or a Scottish data zone: the smallest areas estimates come for. */
const SMALL_AREA = `'^[EWS]01[0-9]{6}$'`;

export interface PopulationGrain {
  vintage: VintageDecision;
}

/** Set aside totals and wider areas, quarantine real repeats, then derive each row's quintile. */
export async function preparePopulation(
  session: Session, match: ColumnMatch, lsoaHeader: string | null, opts: CompileOptions, measure: { index: number; counts: string[] } | null,
): Promise<PopulationGrain> {
  const cell = (column: string) => (match.has(column) ? `c${match.get(column)}` : 'NULL::VARCHAR');
  if (measure) {
    // A share (Percent) beside each count (Value): summing both would add percentages to people.
    await setAside(session, 'not_a_count', `SELECT rowid AS _rowid FROM ${STAGE}
      WHERE c${measure.index} IS NOT NULL AND ${squashed(`c${measure.index}`)} NOT IN (${measure.counts.map(literal).join(', ')})`);
  }
  const sex = squashed(cell('sex'));
  const age = squashed(cell('age_band'));
  const area = `upper(trim(${cell('lsoa_code')}))`;
  // A group wider than one band ("Aged 16 to 64", "Aged 65+") overlaps the bands beside it.
  const wideAge = `(age_band IS NULL AND regexp_matches(lower(${cell('age_band')}), '[0-9]+\\s*(-|to|–)\\s*[0-9]+|[0-9]+\\s*(\\+|and over|years and over|or over|plus)'))`;
  await setAside(session, 'total_row', `SELECT rowid AS _rowid FROM ${STAGE}
    WHERE ${sex} IN (${TOTAL_SEXES.map(literal).join(', ')}) OR ${age} IN (${TOTAL_AGES.map(literal).join(', ')}) OR ${wideAge}`);
  if (match.has('lsoa_code')) {
    // With LSOA rows in the file, a row for a local authority, region or country repeats them.
    await setAside(session, 'area_total', `SELECT rowid AS _rowid FROM ${STAGE}
      WHERE ${area} IS NOT NULL AND NOT regexp_matches(${area}, ${SMALL_AREA})
        AND EXISTS (SELECT 1 FROM ${STAGE} WHERE regexp_matches(${area}, ${SMALL_AREA}))`);
  }

  // The same LSOA, sex and age twice in one file is a repeat, whatever its band adds up to.
  const fineKey = ['year', area, 'sex', age, 'ethnic_group', 'imd_quintile'].join(', ');
  const at = lineOf('d._rowid', 'l', opts);
  const first = lineOf('d.first', 'f', opts);
  await session.run(`INSERT INTO ${VERDICT} SELECT d._rowid, ${at.sql}, [${rowMessages.duplicateInFile('(year, lsoa_code, sex, age_band)', `${first.sql}::VARCHAR`)}]
    FROM (SELECT _rowid, first_value(_rowid) OVER w AS first FROM ${inPlay}
          WINDOW w AS (PARTITION BY ${fineKey} ORDER BY _rowid) QUALIFY row_number() OVER w > 1) d ${at.join} ${first.join}`);

  const [year] = await session.all<{ y: number | null }>(`SELECT min(year)::INTEGER AS y FROM ${STAGE} WHERE len(_reasons) = 0 AND NOT _skip`);
  const vintage = await decideVintage(session, STAGE, lsoaHeader ?? '', { year: year?.y ?? null });
  const derived = derivedDecileSql(vintage.vintage);
  // A supplied quintile is used only where no LSOA gives one; disagreements are reported.
  await session.run(`CREATE OR REPLACE TEMP TABLE ${POPULATION_ROWS} AS
    SELECT _rowid, year, lsoa_code, age_band, sex, population, ethnic_group, _dq, ${area} AS area,
      imd_quintile AS supplied_quintile, (${derived.decile} + 1) // 2 AS derived_quintile, ${derived.edition} AS derived_edition
    FROM ${inPlay} p
    LEFT JOIN (SELECT lsoa_code AS l25, imd_decile AS d25 FROM ref_imd2025) i25 ON i25.l25 = p.lsoa_code
    LEFT JOIN (SELECT lsoa_code AS l19, imd_decile AS d19 FROM ref_imd2019) i19 ON i19.l19 = p.lsoa_code
    WHERE _rowid NOT IN (SELECT _rowid FROM ${VERDICT})`);

  // A cell another extract already holds would be counted twice: its rows are quarantined.
  const already = lineOf('r._rowid', 'l', opts);
  await session.run(`INSERT INTO ${VERDICT} SELECT DISTINCT ON (r._rowid) r._rowid, ${already.sql}, [${rowMessages.alreadyLoaded('(year, lsoa_code, age_band, sex)', 'p.extract_id')}]
    FROM ${POPULATION_ROWS} r JOIN population p ON p.year = r.year AND p.age_band = r.age_band AND p.sex = r.sex
      AND p.lsoa_code IS NOT DISTINCT FROM r.lsoa_code AND p.ethnic_group IS NOT DISTINCT FROM r.ethnic_group
      AND p.imd_quintile IS NOT DISTINCT FROM coalesce(r.derived_quintile, r.supplied_quintile) ${already.join}`);
  return { vintage };
}

/** The cells: single years added up into their band, one row per year × LSOA × band × sex × ethnic group. */
export function compilePopulationInsert(opts: CompileOptions): string {
  const line = lineOf('r._rowid', 'l', opts);
  return `INSERT INTO population (year, lsoa_code, age_band, sex, population, ethnic_group, imd_quintile, imd_edition, extract_id, source_row, dq_flags)
SELECT year, lsoa_code, age_band, sex, sum(population)::INTEGER, ethnic_group, quintile,
  CASE WHEN count(DISTINCT edition) > 1 THEN 'mixed' ELSE any_value(edition) END, $extract_id, min(source_row),
  list_distinct(flatten(list(dq)))
FROM (
  SELECT r.*, ${line.sql} AS source_row, coalesce(derived_quintile, supplied_quintile) AS quintile,
    CASE WHEN derived_quintile IS NOT NULL THEN derived_edition WHEN supplied_quintile IS NOT NULL THEN 'supplied' WHEN ${OUTSIDE_ENGLAND} THEN 'outside England' END AS edition,
    -- A Welsh LSOA or Scottish data zone has no English IMD: outside England, not an unknown code.
    CASE WHEN lsoa_code IS NOT NULL AND derived_edition IS NULL AND NOT ${OUTSIDE_ENGLAND} THEN list_append(_dq, 'lsoa_code') ELSE _dq END AS dq
  FROM ${POPULATION_ROWS} r ${line.join}
  WHERE r._rowid NOT IN (SELECT _rowid FROM ${VERDICT})
) GROUP BY year, lsoa_code, age_band, sex, ethnic_group, quintile`;
}
