// Generates the SQL of one load from the dataset declaration, all set-based inside DuckDB:
//   1. verdict: per staged row, its line in the file, its key and the reasons it cannot be loaded
//      (required columns only — cheap, so problems are known before anything is written);
//   2. insert: canonical values and derived fields of the rows the verdict passed.
import type { ColumnSpec, DatasetSpec } from '../datasets/dataset-schema.ts';
import { storedColumns } from '../datasets/storage.ts';
import { ident } from '../../server/db/database.ts';
import type { ColumnMatch } from './match-headers.ts';
import { expectations, rowMessages } from './messages.ts';
import { normaliseSql } from './normalise-sql.ts';

export const STAGE = 'stage_rows';
export const VERDICT = 'verdict_rows';
/** One row per line DuckDB could not split into the header's columns. */
export const REJECTS = 'stage_reject_lines';
export const RAW_REJECTS = 'stage_rejects';

export interface CompileOptions {
  hasRejects: boolean;
  chineseGroup: '2001' | '2021';
}

const raw = (c: ColumnSpec) => ident(`raw_${c.name}`);
const col = (name: string) => ident(name);

function rawCells(columns: ColumnSpec[], match: ColumnMatch): string {
  return columns
    .map((c) => {
      const index = match.get(c.name);
      return `${index === undefined ? 'NULL::VARCHAR' : `NULLIF(trim(s.c${index}), '')`} AS ${raw(c)}`;
    })
    .join(', ');
}

function parsedValue(c: ColumnSpec): string {
  const parsed = normaliseSql(c, raw(c));
  if (c.kind === 'sex') return `coalesce(${parsed}, 'X')`; // blank and unreadable → not known
  if (c.kind === 'ethnic_category') return `coalesce(${parsed}, ${raw(c)})`; // invalid text kept as it was
  return parsed;
}

/** True when a value was given but could not be read. */
function isInvalid(c: ColumnSpec): string {
  return `(${raw(c)} IS NOT NULL AND ${normaliseSql(c, raw(c))} IS NULL)`;
}

function reasonSql(c: ColumnSpec): string {
  return `CASE WHEN ${raw(c)} IS NULL THEN ${rowMessages.missing(c.name)}
    WHEN ${isInvalid(c)} THEN ${rowMessages.invalid(c.name, expectations[c.kind], raw(c))} END`;
}

/** Step 1: the verdict on every staged row. */
export function compileVerdict(dataset: DatasetSpec, match: ColumnMatch, opts: CompileOptions): string {
  const needed = dataset.columns.filter((c) => c.required || dataset.key.includes(c.name));
  // Rows DuckDB rejected as malformed are missing from the stage: shift later rows past them.
  const line = opts.hasRejects ? `(s.rowid + 2 + coalesce(shift.skipped, 0))::INTEGER` : `(s.rowid + 2)::INTEGER`;
  const shiftJoin = opts.hasRejects
    ? `ASOF LEFT JOIN (SELECT line - row_number() OVER (ORDER BY line) + 1 AS at, row_number() OVER (ORDER BY line) AS skipped
         FROM ${REJECTS}) shift ON s.rowid + 2 >= shift.at`
    : '';
  const reasons = dataset.columns.filter((c) => c.required).map(reasonSql);
  if (dataset.id === 'waiting_list') reasons.push(`CASE WHEN clock_start_date > census_date THEN ${rowMessages.clockAfterCensus()} END`);
  return `CREATE OR REPLACE TEMP TABLE ${VERDICT} AS
SELECT _rowid, source_row, ${dataset.key.map(col).join(', ')},
  list_filter([${reasons.join(',\n  ')}]::VARCHAR[], x -> x IS NOT NULL) AS _reasons
FROM (
  SELECT *, ${needed.map((c) => `${parsedValue(c)} AS ${col(c.name)}`).join(', ')}
  FROM (SELECT s.rowid AS _rowid, ${line} AS source_row, ${rawCells(needed, match)} FROM ${STAGE} s ${shiftJoin})
)${opts.hasRejects ? ' ORDER BY _rowid' : ''}`;
}

/** Five groups from the parsed code (NULL when unreadable → Invalid, blank → Missing). */
const ethnicGroupSql = (chineseGroup: '2001' | '2021') => `CASE
  WHEN raw_ethnic_category IS NULL THEN 'Missing'
  WHEN ethnic_category IN ('A','B','C') THEN 'White'
  WHEN ethnic_category IN ('D','E','F','G') THEN 'Mixed'
  WHEN ethnic_category IN ('H','J','K','L') THEN 'Asian or Asian British'
  WHEN ethnic_category IN ('M','N','P') THEN 'Black or Black British'
  WHEN ethnic_category = 'R' THEN ${chineseGroup === '2021' ? `'Asian or Asian British'` : `'Other ethnic group'`}
  WHEN ethnic_category = 'S' THEN 'Other ethnic group'
  WHEN ethnic_category = 'Z' THEN 'Not stated'
  WHEN ethnic_category = '99' THEN 'Not known'
  ELSE 'Invalid' END`;

/** Step 2: canonical rows for everything the verdict passed, with the stored derived fields. */
export function compileInsert(dataset: DatasetSpec, match: ColumnMatch, opts: CompileOptions): string {
  // Values are parsed once, NULL when unreadable; the flags compare them with the raw text.
  const flags = dataset.columns.filter((c) => !c.required).map((c) => `CASE WHEN ${raw(c)} IS NOT NULL AND ${col(c.name)} IS NULL THEN '${c.name}' END`);
  const derived: string[] = [];
  let joins = '';
  if (dataset.patientLevel) {
    joins = `LEFT JOIN (SELECT lsoa_code AS l25, imd_decile AS d25 FROM ref_imd2025) i25 ON i25.l25 = p.lsoa_code
      LEFT JOIN (SELECT lsoa_code AS l19, imd_decile AS d19 FROM ref_imd2019) i19 ON i19.l19 = p.lsoa_code`;
    flags.push(`CASE WHEN lsoa_code IS NOT NULL AND d25 IS NULL AND d19 IS NULL THEN 'lsoa_code' END`);
    derived.push(
      `${ethnicGroupSql(opts.chineseGroup)} AS ethnic_group`,
      `CASE WHEN imd_decile IS NOT NULL THEN 'supplied' WHEN d25 IS NOT NULL THEN 'IoD2025' WHEN d19 IS NOT NULL THEN 'IoD2019' END AS imd_edition`,
      `coalesce(imd_decile, d25, d19) AS derived_decile`,
    );
  }
  derived.push(`list_filter([${flags.join(', ') || 'NULL'}]::VARCHAR[], x -> x IS NOT NULL) AS dq_flags`);
  // Hash joins, not a POSITIONAL JOIN: those run on one thread, and so would the whole insert.
  const passed = opts.hasRejects
    ? `JOIN (SELECT _rowid, source_row FROM ${VERDICT} WHERE len(_reasons) = 0) v ON v._rowid = s.rowid`
    : `WHERE s.rowid NOT IN (SELECT _rowid FROM ${VERDICT} WHERE len(_reasons) > 0)`;
  const sourceRow = opts.hasRejects ? 'v.source_row' : '(s.rowid + 2)::INTEGER AS source_row';
  const columns = storedColumns(dataset);
  const select = columns.map((c) => {
    if (c.name === 'extract_id') return '$extract_id';
    if (c.name === 'imd_decile' && dataset.patientLevel) return 'derived_decile';
    const declared = dataset.columns.find((d) => d.name === c.name);
    if (declared?.kind === 'sex') return `coalesce(${col(c.name)}, 'X')`; // blank and unreadable → not known
    if (declared?.kind === 'ethnic_category') return `coalesce(${col(c.name)}, ${raw(declared)})`; // invalid text kept as written
    return c.onLoad ?? col(c.name);
  });
  return `INSERT INTO ${ident(dataset.id)} (${columns.map((c) => col(c.name)).join(', ')})
SELECT ${select.join(', ')} FROM (
  SELECT p.*, ${derived.join(',\n    ')}
  FROM (
    SELECT *, ${dataset.columns.map((c) => `${normaliseSql(c, raw(c))} AS ${col(c.name)}`).join(', ')}
    FROM (SELECT ${sourceRow}, ${rawCells(dataset.columns, match)} FROM ${STAGE} s ${passed})
  ) p ${joins}
)`;
}
