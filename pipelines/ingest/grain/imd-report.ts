// What the upload says about deprivation: which IoD edition gave the rows their decile, how the
// LSOA vintage was decided, and — when the file supplies its own IMD column — which edition that
// column names and how often it disagrees with the decile derived from the LSOA (which wins).
import type { Session } from '../../../db/database.ts';
import { ident } from '../../../db/sql.ts';
import type { ImdReport } from '../../../core/contracts/ingest.ts';
import { grainMessages } from '../../../core/text/grain-messages.ts';
import type { ColumnMatch } from '../match-headers.ts';
import { SET_ASIDE, STAGE, VERDICT } from '../compile-load.ts';
import { type VintageDecision, derivedDecileSql, editionFromHeader } from './lsoa-vintage.ts';
import { POPULATION_ROWS } from './population-cells.ts';

type Rows = ImdReport['rows'];
const OUTSIDE_ENGLAND = `'^[WSN][0-9]'`;

function summarise(rows: Rows, vintage: VintageDecision, supplied: ImdReport['supplied']): ImdReport {
  return { lsoaVintage: vintage.vintage, vintageBasis: vintage.basis, rows, supplied, message: grainMessages.imdSummary(rows, vintage) };
}

function suppliedReport(header: string, agree: number, disagree: number, kind: 'decile' | 'quintile'): NonNullable<ImdReport['supplied']> {
  const edition = editionFromHeader(header);
  return { header, edition, agree, disagree, message: grainMessages.suppliedImd(header, edition, agree, disagree, kind) };
}

/** For a patient-level extract, after its rows are inserted. */
export async function patientImdReport(
  session: Session, table: string, extractId: string, match: ColumnMatch, headers: string[], vintage: VintageDecision,
): Promise<ImdReport> {
  const [counts] = await session.all<Record<string, number>>(
    `SELECT count(*) FILTER (WHERE imd_edition = 'IoD2019')::INTEGER AS IoD2019, count(*) FILTER (WHERE imd_edition = 'IoD2025')::INTEGER AS IoD2025,
       count(*) FILTER (WHERE imd_edition = 'supplied')::INTEGER AS supplied,
       count(*) FILTER (WHERE imd_edition = 'outside England')::INTEGER AS outside,
       count(*) FILTER (WHERE imd_edition IS NULL AND list_contains(dq_flags, 'lsoa_code'))::INTEGER AS flagged,
       count(*) FILTER (WHERE imd_edition IS NULL AND lsoa_code IS NULL AND NOT list_contains(dq_flags, 'lsoa_code'))::INTEGER AS none
     FROM ${ident(table)} WHERE extract_id = ?`,
    [extractId],
  );
  const live = `len(_reasons) = 0 AND NOT _skip AND rowid NOT IN (SELECT _rowid FROM ${VERDICT}) AND rowid NOT IN (SELECT _rowid FROM ${SET_ASIDE})`;
  let supplied: ImdReport['supplied'] = null;
  if (match.has('imd_decile')) {
    const derived = derivedDecileSql(vintage.vintage);
    const [row] = await session.all<{ agree: number; disagree: number }>(
      `SELECT count(*) FILTER (WHERE imd_decile = ${derived.decile})::INTEGER AS agree, count(*) FILTER (WHERE imd_decile <> ${derived.decile})::INTEGER AS disagree
       FROM (SELECT imd_decile, lsoa_code FROM ${STAGE} WHERE ${live} AND imd_decile IS NOT NULL AND lsoa_code IS NOT NULL) p
       LEFT JOIN (SELECT lsoa_code AS l25, imd_decile AS d25 FROM ref_imd2025) i25 ON i25.l25 = p.lsoa_code
       LEFT JOIN (SELECT lsoa_code AS l19, imd_decile AS d19 FROM ref_imd2019) i19 ON i19.l19 = p.lsoa_code`,
    );
    supplied = suppliedReport(headers[match.get('imd_decile')!], row?.agree ?? 0, row?.disagree ?? 0, 'decile');
  }
  const rows: Rows = {
    IoD2019: counts?.IoD2019 ?? 0, IoD2025: counts?.IoD2025 ?? 0, supplied: counts?.supplied ?? 0,
    // Welsh and Scottish areas are stored as outside England (not flagged), so they are counted apart.
    outsideEngland: counts?.outside ?? 0, notFound: counts?.flagged ?? 0, noLsoa: counts?.none ?? 0,
  };
  return summarise(rows, vintage, supplied);
}

/** For a population extract, over the file rows added into its cells. */
export async function populationImdReport(session: Session, match: ColumnMatch, headers: string[], vintage: VintageDecision): Promise<ImdReport> {
  const [c] = await session.all<Record<string, number>>(
    `SELECT count(*) FILTER (WHERE derived_edition = 'IoD2019')::INTEGER AS IoD2019, count(*) FILTER (WHERE derived_edition = 'IoD2025')::INTEGER AS IoD2025,
       count(*) FILTER (WHERE derived_edition IS NULL AND supplied_quintile IS NOT NULL)::INTEGER AS supplied,
       count(*) FILTER (WHERE derived_edition IS NULL AND supplied_quintile IS NULL AND regexp_matches(coalesce(area, ''), ${OUTSIDE_ENGLAND}))::INTEGER AS outside,
       count(*) FILTER (WHERE derived_edition IS NULL AND supplied_quintile IS NULL AND lsoa_code IS NOT NULL AND NOT regexp_matches(coalesce(area, ''), ${OUTSIDE_ENGLAND}))::INTEGER AS notfound,
       count(*) FILTER (WHERE derived_edition IS NULL AND supplied_quintile IS NULL AND lsoa_code IS NULL AND NOT regexp_matches(coalesce(area, ''), ${OUTSIDE_ENGLAND}))::INTEGER AS none,
       count(*) FILTER (WHERE derived_quintile IS NOT NULL AND supplied_quintile = derived_quintile)::INTEGER AS agree,
       count(*) FILTER (WHERE derived_quintile IS NOT NULL AND supplied_quintile <> derived_quintile)::INTEGER AS disagree
     FROM ${POPULATION_ROWS} WHERE _rowid NOT IN (SELECT _rowid FROM ${VERDICT})`,
  );
  const rows: Rows = {
    IoD2019: c?.IoD2019 ?? 0, IoD2025: c?.IoD2025 ?? 0, supplied: c?.supplied ?? 0, outsideEngland: c?.outside ?? 0, notFound: c?.notfound ?? 0, noLsoa: c?.none ?? 0,
  };
  const supplied = match.has('imd_quintile') ? suppliedReport(headers[match.get('imd_quintile')!], c?.agree ?? 0, c?.disagree ?? 0, 'quintile') : null;
  return summarise(rows, vintage, supplied);
}
