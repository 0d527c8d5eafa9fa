// Generates the SQL of one load from the dataset declaration: the file's text columns become
// canonical values, derived fields and a list of reasons a row cannot be loaded — all set-based.
import type { ColumnSpec, DatasetSpec } from '../datasets/dataset-schema.ts';
import { storageColumns } from '../datasets/storage.ts';
import { ident } from '../../server/db/database.ts';
import type { ColumnMatch } from './match-headers.ts';
import { expectations, rowMessages } from './messages.ts';
import { normaliseSql } from './normalise-sql.ts';

export const STAGE = 'stage_rows';
export const TYPED = 'typed_rows';
/** One row per line DuckDB could not split into the header's columns. */
export const REJECTS = 'stage_reject_lines';
export const RAW_REJECTS = 'stage_rejects';

const raw = (c: ColumnSpec) => ident(`raw_${c.name}`);
const col = (name: string) => ident(name);

/** Level 1: trimmed raw text of each matched column ('' → NULL) and the row's line in the file. */
function rawLevel(dataset: DatasetSpec, match: ColumnMatch, hasRejects: boolean): string {
  const cells = dataset.columns.map((c) => {
    const index = match.get(c.name);
    return `${index === undefined ? 'NULL::VARCHAR' : `NULLIF(trim(s.c${index}), '')`} AS ${raw(c)}`;
  });
  // Rows DuckDB rejected as malformed are missing from the stage: shift later rows past them.
  const line = hasRejects ? `(s.rowid + 2 + coalesce(shift.skipped, 0))::INTEGER` : `(s.rowid + 2)::INTEGER`;
  const shiftJoin = hasRejects
    ? `ASOF LEFT JOIN (SELECT (line - row_number() OVER (ORDER BY line) + 1) AS at, row_number() OVER (ORDER BY line) AS skipped
         FROM (SELECT DISTINCT line::BIGINT AS line FROM ${REJECTS})) shift ON s.rowid + 2 >= shift.at`
    : '';
  return `SELECT s.rowid AS _rowid, ${line} AS source_row, ${cells.join(', ')} FROM ${STAGE} s ${shiftJoin}`;
}

/** Level 2: canonical values, still beside the raw text so problems can be described. */
function parsedLevel(dataset: DatasetSpec): string {
  const values = dataset.columns.map((c) => {
    const parsed = normaliseSql(c, raw(c));
    if (c.kind === 'sex') return `coalesce(${parsed}, 'X') AS ${col(c.name)}`; // blank and unreadable → not known
    if (c.kind === 'ethnic_category') return `coalesce(${parsed}, ${raw(c)}) AS ${col(c.name)}`; // invalid text kept as it was
    return `${parsed} AS ${col(c.name)}`;
  });
  return `SELECT *, ${values.join(', ')}`;
}

function isInvalid(c: ColumnSpec): string {
  if (c.kind === 'ethnic_category') return `(${raw(c)} IS NOT NULL AND ${col('ethnicity_status')} = 'invalid')`;
  if (c.kind === 'sex') return `(${raw(c)} IS NOT NULL AND ${normaliseSql(c, raw(c))} IS NULL)`;
  return `(${raw(c)} IS NOT NULL AND ${col(c.name)} IS NULL)`;
}

const ethnicGroupSql = (chineseGroup: '2001' | '2021') => `CASE
  WHEN ethnic_category IS NULL THEN 'Missing'
  WHEN ethnic_category IN ('A','B','C') THEN 'White'
  WHEN ethnic_category IN ('D','E','F','G') THEN 'Mixed'
  WHEN ethnic_category IN ('H','J','K','L') THEN 'Asian or Asian British'
  WHEN ethnic_category IN ('M','N','P') THEN 'Black or Black British'
  WHEN ethnic_category = 'R' THEN ${chineseGroup === '2021' ? `'Asian or Asian British'` : `'Other ethnic group'`}
  WHEN ethnic_category = 'S' THEN 'Other ethnic group'
  WHEN ethnic_category = 'Z' THEN 'Not stated'
  WHEN ethnic_category = '99' THEN 'Not known'
  ELSE 'Invalid' END`;

const ethnicityStatusSql = `CASE WHEN ethnic_category IS NULL THEN 'missing' WHEN ethnic_category = 'Z' THEN 'not_stated'
  WHEN ethnic_category = '99' THEN 'not_known'
  WHEN ethnic_category IN ('A','B','C','D','E','F','G','H','J','K','L','M','N','P','R','S') THEN 'valid' ELSE 'invalid' END`;

/** Level 3: derived demographic fields (IMD by the right IoD edition, bands, groups). */
function derivedLevel(dataset: DatasetSpec, chineseGroup: '2001' | '2021'): { extra: string[]; joins: string[] } {
  const extra: string[] = [];
  const joins: string[] = [];
  const hasTfc = dataset.columns.some((c) => c.kind === 'treatment_function');
  if (hasTfc) {
    joins.push(`LEFT JOIN ref_treatment_functions tf ON tf.code = p.treatment_function_code`);
    extra.push(`CASE WHEN p.treatment_function_code IS NOT NULL THEN coalesce(tf.name, 'Treatment function ' || p.treatment_function_code) END AS specialty_name`);
  }
  if (dataset.patientLevel) {
    joins.push(`LEFT JOIN ref_imd2025 i25 ON i25.lsoa_code = p.lsoa_code`, `LEFT JOIN ref_imd2019 i19 ON i19.lsoa_code = p.lsoa_code`);
    extra.push(
      `CASE WHEN p.age IS NULL THEN 'Unknown' WHEN p.age >= 90 THEN '90+' ELSE (p.age // 5 * 5)::VARCHAR || '-' || (p.age // 5 * 5 + 4)::VARCHAR END AS age_band`,
      `CASE WHEN p.age IS NULL THEN 'Unknown' WHEN p.age < 18 THEN '0-17' WHEN p.age < 65 THEN '18-64' ELSE '65+' END AS age_band_broad`,
      `${ethnicGroupSql(chineseGroup)} AS ethnic_group`,
      `${ethnicityStatusSql} AS ethnicity_status`,
      `CASE WHEN p.imd_decile IS NOT NULL THEN 'supplied' WHEN i25.imd_decile IS NOT NULL THEN 'IoD2025' WHEN i19.imd_decile IS NOT NULL THEN 'IoD2019' END AS imd_edition`,
      `coalesce(p.imd_decile, i25.imd_decile, i19.imd_decile) AS derived_decile`,
      `(p.lsoa_code IS NOT NULL AND i25.imd_decile IS NULL AND i19.imd_decile IS NULL) AS lsoa_unknown`,
    );
  }
  if (dataset.id === 'waiting_list') extra.push(`(p.census_date - p.clock_start_date)::INTEGER AS days_waited`);
  if (dataset.id === 'admissions')
    extra.push(`CASE WHEN p.admission_method IN ('11','12','13') THEN 'elective'
      WHEN p.admission_method IN ('21','22','23','24','25','2A','2B','2C','2D','28') THEN 'emergency'
      WHEN p.admission_method IN ('31','32') THEN 'maternity' WHEN p.admission_method IS NOT NULL THEN 'other' END AS admission_type`);
  return { extra, joins };
}

/** Reasons a row goes to quarantine (required columns) and optional columns kept as data-quality findings. */
function checks(dataset: DatasetSpec): { reasons: string[]; flags: string[] } {
  const reasons: string[] = [];
  const flags: string[] = [];
  for (const c of dataset.columns) {
    if (c.required) {
      reasons.push(`CASE WHEN ${raw(c)} IS NULL THEN ${rowMessages.missing(c.name)}
        WHEN ${isInvalid(c)} THEN ${rowMessages.invalid(c.name, expectations[c.kind], raw(c))} END`);
    } else {
      flags.push(`CASE WHEN ${isInvalid(c)} THEN '${c.name}' END`);
    }
  }
  if (dataset.patientLevel) flags.push(`CASE WHEN lsoa_unknown THEN 'lsoa_code' END`);
  if (dataset.id === 'waiting_list')
    reasons.push(`CASE WHEN clock_start_date > census_date THEN ${rowMessages.clockAfterCensus()} END`);
  return { reasons, flags };
}

/** The statement that fills the typed table from the staged text. */
export function compileTypedTable(dataset: DatasetSpec, match: ColumnMatch, opts: { hasRejects: boolean; chineseGroup: '2001' | '2021' }): string {
  const { extra, joins } = derivedLevel(dataset, opts.chineseGroup);
  const { reasons, flags } = checks(dataset);
  const derived = `SELECT p.*${extra.length ? ', ' + extra.join(', ') : ''} FROM (${parsedLevel(dataset)} FROM (${rawLevel(dataset, match, opts.hasRejects)})) p ${joins.join(' ')}`;
  return `CREATE OR REPLACE TEMP TABLE ${TYPED} AS
SELECT *,
  list_filter([${reasons.join(',\n  ')}]::VARCHAR[], x -> x IS NOT NULL) AS _reasons,
  list_filter([${flags.join(', ') || 'NULL'}]::VARCHAR[], x -> x IS NOT NULL) AS dq_flags
FROM (${derived})`;
}

/** Inserts the rows without reasons into the dataset's canonical table. */
export function compileInsert(dataset: DatasetSpec): string {
  const columns = storageColumns(dataset);
  const values = columns.map((c) => {
    if (c.name === 'extract_id') return '$extract_id';
    if (!dataset.patientLevel) return col(c.name);
    if (c.name === 'imd_decile') return 'derived_decile';
    if (c.name === 'imd_quintile') return '(derived_decile + 1) // 2';
    if (c.name === 'core20') return 'CASE WHEN derived_decile IS NOT NULL THEN derived_decile <= 2 END';
    return col(c.name);
  });
  return `INSERT INTO ${ident(dataset.id)} (${columns.map((c) => col(c.name)).join(', ')})
SELECT ${values.join(', ')} FROM ${TYPED} WHERE len(_reasons) = 0`;
}
