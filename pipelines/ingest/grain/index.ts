// The grain step of a load, between the verdict and the insert: one row of the file is not always
// one row of the table. An episode-level admissions file keeps each spell's first episode; a
// population file is added up into cells; every patient-level file has its LSOA vintage decided.
import type { Session } from '../../../db/database.ts';
import { ident } from '../../../db/sql.ts';
import type { DatasetSpec } from '../../../core/datasets/dataset-schema.ts';
import type { GrainReport, ImdReport, SetAside } from '../../../core/contracts/ingest.ts';
import { grainMessages } from '../../../core/text/grain-messages.ts';
import { type CompileOptions, STAGE, compileInsert } from '../compile-load.ts';
import { findDuplicates } from '../find-duplicates.ts';
import { type ColumnMatch, measureIndex } from '../match-headers.ts';
import { keepFirstEpisodes } from './episodes.ts';
import { patientImdReport, populationImdReport } from './imd-report.ts';
import { type VintageDecision, decideVintage } from './lsoa-vintage.ts';
import { compilePopulationInsert, preparePopulation } from './population-cells.ts';
import { createSetAside, setAsideCounts } from './set-aside.ts';

export interface GrainPlan {
  kind: 'row' | 'spell' | 'population';
  vintage: VintageDecision | null;
  spells: number;
}

export interface GrainResult {
  rowsSetAside: number;
  setAside: SetAside[];
  grain: GrainReport | null;
  imd: ImdReport | null;
}

/** Sets rows aside and decides the LSOA vintage; `opts` learns both for the later steps. */
export async function prepareGrain(session: Session, dataset: DatasetSpec, match: ColumnMatch, headers: string[], opts: CompileOptions): Promise<GrainPlan> {
  await createSetAside(session);
  const lsoaHeader = match.has('lsoa_code') ? headers[match.get('lsoa_code')!] : null;
  let plan: GrainPlan = { kind: 'row', vintage: null, spells: 0 };
  if (dataset.id === 'population') {
    const index = measureIndex(dataset, headers);
    const measure = index === null ? null : { index, counts: dataset.measure?.counts ?? [] };
    const { vintage } = await preparePopulation(session, match, lsoaHeader, opts, measure);
    plan = { kind: 'population', vintage, spells: 0 };
  } else {
    if (dataset.id === 'admissions' && match.has('episode_order')) {
      const { spells } = await keepFirstEpisodes(session, match.has('discharge_date'));
      plan = { kind: 'spell', vintage: null, spells };
    }
    if (dataset.patientLevel && lsoaHeader) plan.vintage = await decideVintage(session, STAGE, lsoaHeader, null);
  }
  opts.hasSetAside = (await setAsideCounts(session)).size > 0;
  opts.lsoaVintage = plan.vintage?.vintage ?? null;
  return plan;
}

/** Repeats within the file and of rows already loaded (a population file checked its own). */
export async function findRepeats(session: Session, dataset: DatasetSpec, plan: GrainPlan, opts: CompileOptions): Promise<void> {
  if (plan.kind !== 'population') await findDuplicates(session, dataset, opts);
}

export function compileGrainInsert(dataset: DatasetSpec, plan: GrainPlan, opts: CompileOptions): string {
  return plan.kind === 'population' ? compilePopulationInsert(opts) : compileInsert(dataset, opts);
}

export async function reportGrain(
  session: Session, dataset: DatasetSpec, plan: GrainPlan, match: ColumnMatch, headers: string[], extractId: string, rowsLoaded: number,
): Promise<GrainResult> {
  const counts = await setAsideCounts(session);
  const setAside: SetAside[] = [];
  const later = counts.get('later_episode') ?? 0;
  if (later) setAside.push({ reason: 'later_episode', rows: later, message: grainMessages.laterEpisodes(later, plan.spells) });
  const totals = counts.get('total_row') ?? 0;
  if (totals) setAside.push({ reason: 'total_row', rows: totals, message: grainMessages.totalRows(totals) });
  const notCounts = counts.get('not_a_count') ?? 0;
  const measure = measureIndex(dataset, headers);
  if (notCounts && measure !== null) setAside.push({ reason: 'not_a_count', rows: notCounts, message: grainMessages.notCounts(notCounts, headers[measure]) });
  const areas = counts.get('area_total') ?? 0;
  if (areas) setAside.push({ reason: 'area_total', rows: areas, message: grainMessages.areaTotals(areas) });

  const [stored] = await session.all<{ n: number; lsoas: number }>(
    `SELECT count(*)::INTEGER AS n, ${plan.kind === 'population' ? 'count(DISTINCT lsoa_code)' : '0'}::INTEGER AS lsoas FROM ${ident(dataset.id)} WHERE extract_id = ?`,
    [extractId],
  );
  let grain: GrainReport | null = null;
  if (plan.kind === 'spell') grain = { file: 'consultant episode', stored: 'hospital spell', rowsStored: stored.n, message: grainMessages.episodeGrain(stored.n) };
  if (plan.kind === 'population') {
    grain = { file: 'population row', stored: 'population cell', rowsStored: stored.n, message: grainMessages.populationGrain(rowsLoaded, stored.n, stored.lsoas) };
  }
  let imd: ImdReport | null = null;
  if (plan.kind === 'population' && plan.vintage && (match.has('lsoa_code') || match.has('imd_quintile'))) imd = await populationImdReport(session, match, headers, plan.vintage);
  else if (dataset.patientLevel && (match.has('lsoa_code') || match.has('imd_decile'))) {
    imd = await patientImdReport(session, dataset.id, extractId, match, headers, plan.vintage ?? { vintage: null, basis: grainMessages.noLsoa() });
  }
  return { rowsSetAside: [...counts.values()].reduce((a, b) => a + b, 0), setAside, grain, imd };
}
