// Generates the SQL of one load from the dataset declaration, all set-based inside DuckDB:
//   1. stage: one pass over the file keeps each line's raw text and computes, once, every value
//      the row will store and the reasons it cannot be loaded (required columns);
//   2. verdict: the rows that cannot be loaded, with their line in the file (duplicates are added
//      by find-duplicates.ts);
//   3. insert: every other staged row, with the fields that need the IMD reference tables.
import type { ColumnSpec, DatasetSpec } from '../../core/datasets/dataset-schema.ts';
import { storedColumns } from '../../db/storage.ts';
import { ident, literal } from '../../db/sql.ts';
import { ETHNIC_CATEGORIES, ethnicGroupOf } from '../../core/codes/ethnicity.ts';
import type { HeaderPlan } from './match-headers.ts';
import { valueKey } from '../../core/datasets/column-mapping.ts';
import { expectations, rowMessages } from '../../core/text/ingest-messages.ts';
import { normaliseSql } from './normalise-sql.ts';
import { type LsoaVintage, derivedDecileSql } from './grain/lsoa-vintage.ts';
import { derivedColumns, derivedValueSql } from './derive-absent.ts';

export const STAGE = 'stage_rows';
/** The staged rows that cannot be loaded: `_rowid` in the stage, `source_row`, `_reasons`. */
export const VERDICT = 'verdict_rows';
/** One row per line DuckDB could not split into the header's columns. */
export const REJECTS = 'stage_reject_lines';
export const RAW_REJECTS = 'stage_rejects';
/** Stage row id → line in the file, built only when DuckDB rejected or skipped lines (see lineOf). */
export const LINES = 'stage_lines';
/** Lines of the file with no stage row: rejected by DuckDB, or empty (DuckDB skips those). */
export const GAPS = 'stage_gaps';
/** Stage rows read but neither loaded nor quarantined (pipelines/ingest/grain/set-aside.ts). */
export const SET_ASIDE = 'stage_set_aside';

export interface CompileOptions {
  /** True when some lines of the file have no stage row (rejected or empty lines). */
  hasRejects: boolean;
  chineseGroup: '2001' | '2021';
  /** Rows are in SET_ASIDE, and the insert and the duplicate checks leave them out. */
  hasSetAside?: boolean;
  /** The LSOA codes' vintage: which IoD edition gives the decile (grain/lsoa-vintage.ts). */
  lsoaVintage?: LsoaVintage | null;
  /** The header's line in the file (1 unless report title lines come first): stage row 0 is the line after it. */
  headerLine?: number;
}

/** The file line of stage row 0 (before any rejected or empty line shifts it). */
export const firstDataLine = (opts: Pick<CompileOptions, 'headerLine'>) => (opts.headerLine ?? 1) + 1;

/** A Welsh LSOA (W01) or Scottish data zone (S01). */
export const OUTSIDE_ENGLAND = `(prefix(lsoa_code, 'W01') OR prefix(lsoa_code, 'S01'))`;

const raw = (c: ColumnSpec) => ident(`raw_${c.name}`);
const col = (name: string) => ident(name);

/**
 * `NULLIF(trim(v), '')`, with trim skipped where it cannot change anything: trim removes only
 * Unicode space separators, so plain-ASCII text that neither starts nor ends with a space is
 * returned as it is. Most cells are like that, and trim is one of the dearest steps of a load.
 */
function trimmed(v: string): string {
  return `CASE WHEN prefix(${v}, ' ') OR suffix(${v}, ' ') OR strlen(${v}) <> length(${v}) OR ${v} = '' THEN NULLIF(trim(${v}), '') ELSE ${v} END`;
}

/**
 * What SSMS, SUS+ and PAS exports write for "no value", in any column — and a run of dashes, the
 * rule SSMS "Results to text" writes under each header, so that line reads as a blank one.
 */
const MISSING_TOKENS = ['NULL', 'null', 'Null', '-', '&'].map(literal).join(', ');
// The length test first: most cells are longer than any token, and it is cheaper than the IN.
const missingTokens = (v: string) =>
  `CASE WHEN strlen(${v}) <= 4 AND ${v} IN (${MISSING_TOKENS}) THEN NULL WHEN prefix(${v}, '--') AND ltrim(${v}, '-') = '' THEN NULL ELSE ${v} END`;

/** HES writes 1800-01-01 / 1801-01-01 ("not known") and 9999-12-31 ("not applicable") for missing dates. */
const SENTINEL_DATES = ['18000101', '18010101', '99991231', '01/01/1800', '01/01/1801', '31/12/9999'].map(literal).join(', ');
// An ISO date of this century starts with "2": one test, and the sentinels are not looked for.
const sentinelDates = (v: string) =>
  `CASE WHEN prefix(${v}, '2') THEN ${v} WHEN prefix(${v}, '1800-01-01') OR prefix(${v}, '1801-01-01') OR prefix(${v}, '9999-12-31') OR ${v} IN (${SENTINEL_DATES}) THEN NULL ELSE ${v} END`;

/** A date header's text with any midnight time dropped ("2025-04-01 00:00:00.000" → "2025-04-01"). */
const datePart = (v: string) => `regexp_replace(${v}, '[ T]0?0:00(:00(\\.0+)?)?$', '')`;
/** A time header's text as HH:MM[:SS]: "1435" → "14:35", "14:35:07.1230000" → "14:35:07", "1899-12-30 14:35" → "14:35". */
const timePart = (v: string) => `CASE WHEN regexp_full_match(${v}, '[0-9]{4}') THEN left(${v}, 2) || ':' || right(${v}, 2)
  WHEN regexp_matches(${v}, '[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?(\\.[0-9]+)?$') THEN regexp_extract(${v}, '([0-9]{1,2}:[0-9]{2}(:[0-9]{2})?)(\\.[0-9]+)?$', 1)
  ELSE ${v} END`;

/** The trimmed text of file column `index`, computed once per cell in a layer of its own. */
const trimmedCell = (index: number) => `_t${index}`;

/** Every file column a declared column reads, each once. */
const readIndexes = (plan: HeaderPlan) => [...new Set([...plan.match.values(), ...plan.times.values(), ...(plan.keep ?? [])])].sort((a, b) => a - b);

/** The trimmed text of file column `index`, with the "no value" tokens (and, for dates, sentinels) as NULL. */
function cell(index: number, c: ColumnSpec): string {
  const text = missingTokens(trimmedCell(index));
  return c.kind === 'date' || c.kind === 'datetime' ? sentinelDates(text) : text;
}

function rawCells(columns: ColumnSpec[], plan: HeaderPlan): string {
  return columns
    .map((c) => {
      const index = plan.match.get(c.name);
      if (index === undefined) return `NULL::VARCHAR AS ${raw(c)}`;
      let sql = cell(index, c);
      const time = plan.times.get(c.name);
      // A date and a time make one value only when both are given: a date alone is not a midnight.
      if (time !== undefined) {
        const t = missingTokens(trimmedCell(time));
        sql = `CASE WHEN (${sql}) IS NULL OR (${t}) IS NULL THEN NULL ELSE ${datePart(`(${sql})`)} || ' ' || ${timePart(`(${t})`)} END`;
      }
      const values = plan.values.get(c.name);
      if (values && Object.keys(values).length) {
        const entries = Object.entries(values).map(([word, code]) => `${literal(valueKey(word))}: ${literal(code)}`).join(', ');
        sql = `coalesce(MAP {${entries}}[lower(regexp_replace(${sql}, '[^A-Za-z0-9]', '', 'g'))], ${sql})`;
      }
      return `${sql} AS ${raw(c)}`;
    })
    .join(', ');
}

/**
 * True for a line with no value in any declared column: an Excel comma-only line, or one of
 * spaces. Only the columns read are tested, so a wide extract's thousand other columns cost
 * nothing, and on their raw values, already trimmed.
 */
function blankRow(dataset: DatasetSpec, plan: HeaderPlan): string {
  const read = dataset.columns.filter((c) => plan.match.has(c.name));
  return read.length ? read.map((c) => `${raw(c)} IS NULL`).join(' AND ') : 'false';
}

/** True when a value was given but could not be read (the normalised value goes by the column's name). */
const isInvalid = (c: ColumnSpec) => `(${raw(c)} IS NOT NULL AND ${col(c.name)} IS NULL)`;

/** A list of the non-NULL texts, built only for the rows where one of the conditions holds. */
function listOf(items: { when: string; text: string }[]): string {
  if (items.length === 0) return '[]::VARCHAR[]';
  const all = items.map((i) => `CASE WHEN ${i.when} THEN ${i.text} END`).join(', ');
  return `CASE WHEN ${items.map((i) => i.when).join(' OR ')} THEN list_filter([${all}]::VARCHAR[], x -> x IS NOT NULL) ELSE []::VARCHAR[] END`;
}

function reasons(dataset: DatasetSpec): string {
  const items = dataset.columns
    .filter((c) => c.required)
    .map((c) => ({
      when: `(${raw(c)} IS NULL OR ${col(c.name)} IS NULL)`,
      text: `CASE WHEN ${raw(c)} IS NULL THEN ${rowMessages.missing(c.name)} WHEN ${isInvalid(c)} THEN ${rowMessages.invalid(c.name, expectations[c.kind], raw(c))} END`,
    }));
  // An optional published figure that is present but unreadable is a problem with the row, not a blank.
  for (const c of dataset.columns.filter((d) => !d.required && d.rejectInvalid)) {
    items.push({ when: isInvalid(c), text: rowMessages.invalid(c.name, expectations[c.kind], raw(c)) });
  }
  if (dataset.id === 'waiting_list') items.push({ when: 'clock_start_date > census_date', text: rowMessages.clockAfterCensus() });
  if (dataset.id === 'benchmarks') {
    items.push({ when: 'lower_95 > upper_95 OR value < lower_95 OR value > upper_95', text: rowMessages.limitsOutOfOrder('lower_95', 'upper_95') });
    items.push({ when: 'lower_998 > upper_998 OR value < lower_998 OR value > upper_998', text: rowMessages.limitsOutOfOrder('lower_998', 'upper_998') });
  }
  return listOf(items);
}

/** Five groups from the parsed code (NULL when unreadable → Invalid, blank → Missing). */
const ethnicGroupSql = (chineseGroup: '2001' | '2021') => `CASE
  WHEN raw_ethnic_category IS NULL THEN 'Missing'
  ${ETHNIC_CATEGORIES.map((c) => `WHEN ethnic_category = ${literal(c.code)} THEN ${literal(ethnicGroupOf(c.code, chineseGroup) ?? 'Invalid')}`).join('\n  ')}
  ELSE 'Invalid' END`;

/** The stored columns the stage computes: all but those that need the IMD tables or the extract. */
function stagedValues(dataset: DatasetSpec, chineseGroup: CompileOptions['chineseGroup']): [string, string][] {
  const values: [string, string][] = [];
  for (const c of storedColumns(dataset)) {
    const declared = dataset.columns.find((d) => d.name === c.name);
    if (declared?.kind === 'sex') values.push([c.name, `coalesce(${col(c.name)}, 'X')`]); // blank and unreadable → not known
    else if (declared?.kind === 'ethnic_category') values.push([c.name, `coalesce(${col(c.name)}, ${raw(declared)})`]); // invalid text kept as written
    else if (declared) values.push([c.name, col(c.name)]);
    else if (c.onLoad) values.push([c.name, c.onLoad]);
    else if (c.name === 'ethnic_group') values.push([c.name, ethnicGroupSql(chineseGroup)]);
  }
  return values;
}

/**
 * The canonical value of a column from its raw text; for a column given as whole minutes after
 * another (HES A&E DEPDUR after arrival), that column's value plus the minutes — any other text
 * reads as unreadable.
 */
function normalised(dataset: DatasetSpec, plan: HeaderPlan, c: ColumnSpec): string {
  const start = dataset.columns.find((s) => s.name === plan.after?.get(c.name));
  if (!start) return normaliseSql(c, raw(c));
  const minutes = raw(c);
  return `CASE WHEN regexp_full_match(${minutes}, '[0-9]{1,6}') THEN ${normaliseSql(start, raw(start))} + to_minutes(CAST(${minutes} AS BIGINT)) END`;
}

/**
 * Step 1: the file, read by DuckDB (`source` is the read_csv call, columns c0, c1, …), its matched
 * columns kept raw for the quarantine and parsed once into the values the row will store, with
 * `_dq` (optional columns given but unreadable) and `_reasons` (why the row cannot be loaded).
 */
export function compileStage(
  dataset: DatasetSpec,
  plan: HeaderPlan,
  headerCount: number,
  source: string,
  chineseGroup: CompileOptions['chineseGroup'],
): string {
  const cells = Array.from({ length: headerCount }, (_, i) => `c${i}`).join(', ');
  const read = readIndexes(plan);
  // The matched columns' text is kept only where a later step reads it for every row (the grain
  // of a population file); the quarantine reads its few rows' text from the file again
  // (compileRawText). Writing a dozen text columns of a million rows costs more than any check.
  const kept = keepsRawText(dataset) ? read.map((i) => `c${i}, `).join('') : '';
  const dq = dataset.columns.filter((c) => !c.required && !c.rejectInvalid).map((c) => ({ when: isInvalid(c), text: `'${c.name}'` }));
  // A data row has two or more of the read columns filled; the footer test counts them.
  const filled = read.map((i) => `(${trimmedCell(i)} IS NOT NULL)::INTEGER`).join(' + ') || '0';
  // A flag the file lacks may be told from other columns (ECDS admitted, derive-absent.ts).
  const derived = new Map(derivedColumns(dataset, plan).map((c) => [c.name, derivedValueSql(c, plan)]));
  const values = stagedValues(dataset, chineseGroup).map(([name, sql]) => `${derived.get(name) ?? sql} AS ${col(name)}`);
  return `CREATE OR REPLACE TEMP TABLE ${STAGE} AS
SELECT ${kept}${values.join(', ')},
  ${listOf(dq)} AS _dq,
  ${reasons(dataset)} AS _reasons,
  ${blankRow(dataset, plan)} AS _skip,
  ${filled} AS _filled${readingColumns(dataset, plan)}
FROM (
  SELECT *, ${dataset.columns.map((c) => `${normalised(dataset, plan, c)} AS ${col(c.name)}`).join(', ')}
  FROM (SELECT ${cells}${read.map((i) => `, ${trimmedCell(i)}`).join('')}, ${rawCells(dataset.columns, plan)}
    FROM (SELECT ${cells}${read.map((i) => `, ${trimmed(`c${i}`)} AS ${trimmedCell(i)}`).join('')} FROM ${source}))
)`;
}

/** A population file's grain step reads the area, sex and age text of every row. */
export const keepsRawText = (dataset: DatasetSpec) => dataset.id === 'population';

/** The temporary table of the read columns' text, as the file has it, by stage row id. */
export const RAW_TEXT = 'stage_raw_text';

/**
 * The read columns' text, read from the file again with the stage's own options: the same reader
 * skips the same lines and keeps the file's order, so the n-th row is the stage's n-th row.
 */
export function compileRawText(plan: HeaderPlan, source: string): string {
  const read = readIndexes(plan);
  return `CREATE OR REPLACE TEMP TABLE ${RAW_TEXT} AS SELECT ${read.length ? read.map((i) => `c${i}`).join(', ') : 'NULL AS c0'} FROM ${source}`;
}

/**
 * RAW_TEXT's rows keyed by the stage's row id. Made inside the load's transaction, its own row
 * ids are provisional (they start at a large offset), so each row's place is its id less the first.
 */
export const rawTextRows = () => `(SELECT rowid - (SELECT min(rowid) FROM ${RAW_TEXT}) AS rowid, * FROM ${RAW_TEXT})`;

/** How a column's value was read (column-readings.ts): two bits per declared column. */
export const READING = { recognised: 0, recoded: 1, missing: 2, unreadable: 3 } as const; // the SQL below relies on these codes
/** Declared columns per `_read` column: two bits each in a BIGINT. */
export const READINGS_PER_COLUMN = 31;

/** The stored value written the canonical way, to compare with the file's text. */
function canonicalText(c: ColumnSpec): string {
  const v = col(c.name);
  switch (c.kind) {
    case 'boolean':
      return `CASE WHEN ${v} THEN 'Y' WHEN NOT ${v} THEN 'N' END`;
    case 'datetime':
      return `strftime(${v}, '%Y-%m-%d %H:%M:%S')`;
    default:
      return `${v}::VARCHAR`;
  }
}

/**
 * The reading of every matched column of a row, packed two bits a column into `_read0`, `_read1`…
 * (a bit test per row is what the upload's per-column report costs, not a second pass over the
 * text). Missing: no value once trimmed and "no value" words taken out; unreadable: a value that
 * could not be read (the normalised value is NULL, before sex's and ethnicity's stand-ins);
 * recognised: the file's text is the stored value written the canonical way; recoded: the rest.
 */
function readingColumns(dataset: DatasetSpec, plan: HeaderPlan): string {
  const mapped = dataset.columns.filter((c) => plan.match.has(c.name));
  const parts: string[] = [];
  for (let start = 0; start < mapped.length; start += READINGS_PER_COLUMN) {
    const terms = mapped.slice(start, start + READINGS_PER_COLUMN).map((c, i) => {
      const text = `c${plan.match.get(c.name)}`;
      // Without a CASE (a third of the cost): the comparison is NULL exactly when there is no
      // value to compare, and then the raw value tells missing (2) from unreadable (3).
      const code = `coalesce((${text} <> ${canonicalText(c)})::BIGINT, ${READING.missing} + (${raw(c)} IS NOT NULL)::BIGINT)`;
      return `${code} * ${4 ** i}`;
    });
    parts.push(`, ${terms.join(' + ')} AS _read${start / READINGS_PER_COLUMN}`);
  }
  return parts.join('');
}

/** Only when DuckDB rejected lines: the stage's row ids, shifted past the rejected lines. */
export function compileLines(opts: Pick<CompileOptions, 'headerLine'> = {}): string {
  const first = firstDataLine(opts);
  return `CREATE OR REPLACE TEMP TABLE ${LINES} AS
SELECT s.rowid AS _rowid, (s.rowid + ${first} + coalesce(shift.skipped, 0))::INTEGER AS source_row FROM ${STAGE} s
ASOF LEFT JOIN (SELECT first_row, max(skipped) AS skipped FROM (
    SELECT line - row_number() OVER (ORDER BY line) + 1 AS first_row, row_number() OVER (ORDER BY line) AS skipped FROM ${GAPS})
  -- Gap lines side by side (two blank lines, a rejected line before an empty one) share one
  -- position among the rows: the rows after them are shifted past all of them.
  GROUP BY first_row) shift ON s.rowid + ${first} >= shift.first_row`;
}

/** The line in the file of stage row `rowid` (the first line of the file = 1), with the join it needs. */
export function lineOf(rowid: string, alias: string, opts: CompileOptions): { sql: string; join: string } {
  return opts.hasRejects
    ? { sql: `${alias}.source_row`, join: `JOIN ${LINES} ${alias} ON ${alias}._rowid = ${rowid}` }
    : { sql: `(${rowid} + ${firstDataLine(opts)})::INTEGER`, join: '' };
}

/** Step 2: the staged rows that cannot be loaded. */
export function compileVerdict(opts: CompileOptions): string {
  const line = lineOf('s._rowid', 'l', opts);
  return `CREATE OR REPLACE TEMP TABLE ${VERDICT} AS
SELECT s._rowid, ${line.sql} AS source_row, s._reasons
FROM (SELECT rowid AS _rowid, _reasons FROM ${STAGE} WHERE len(_reasons) > 0 AND NOT _skip) s ${line.join}`;
}

/** Step 3: the rows the verdict passed, with the stored fields derived from the IMD tables. */
export function compileInsert(dataset: DatasetSpec, opts: CompileOptions): string {
  const line = lineOf('s.rowid', 'l', opts);
  const staged = new Set(stagedValues(dataset, opts.chineseGroup).map(([name]) => name));
  let joins = '';
  const derived = new Map<string, string>([['extract_id', '$extract_id'], ['source_row', 'source_row'], ['dq_flags', '_dq']]);
  if (dataset.patientLevel) {
    joins = `LEFT JOIN (SELECT lsoa_code AS l25, imd_decile AS d25 FROM ref_imd2025) i25 ON i25.l25 = p.lsoa_code
  LEFT JOIN (SELECT lsoa_code AS l19, imd_decile AS d19 FROM ref_imd2019) i19 ON i19.l19 = p.lsoa_code`;
    // The decile derived from the LSOA wins; a supplied one fills in only where there is none
    // (the upload result says how often the two disagree). Welsh and Scottish areas have no
    // English IMD: recorded as outside England, not as invalid.
    const fromLsoa = derivedDecileSql(opts.lsoaVintage ?? null);
    derived.set('imd_decile', `coalesce(${fromLsoa.decile}, imd_decile)`);
    derived.set('imd_edition', `coalesce(${fromLsoa.edition}, CASE WHEN imd_decile IS NOT NULL THEN 'supplied' WHEN ${OUTSIDE_ENGLAND} THEN 'outside England' END)`);
    // An English LSOA not in its edition is flagged after the optional columns, as a data-quality count.
    derived.set('dq_flags', `CASE WHEN lsoa_code IS NOT NULL AND NOT ${OUTSIDE_ENGLAND} AND ${fromLsoa.decile} IS NULL THEN list_append(_dq, 'lsoa_code') ELSE _dq END`);
  }
  const columns = storedColumns(dataset);
  const select = columns.map((c) => {
    const sql = derived.get(c.name) ?? (staged.has(c.name) ? col(c.name) : undefined);
    if (!sql) throw new Error(`no value for ${dataset.id}.${c.name}`);
    return sql;
  });
  // Hash joins, not a POSITIONAL JOIN: those run on one thread, and so would the whole insert.
  return `INSERT INTO ${ident(dataset.id)} (${columns.map((c) => col(c.name)).join(', ')})
SELECT ${select.join(', ')} FROM (
  SELECT s.*, ${line.sql} AS source_row FROM ${STAGE} s ${line.join}
  WHERE NOT s._skip AND s.rowid NOT IN (SELECT _rowid FROM ${VERDICT})${opts.hasSetAside ? ` AND s.rowid NOT IN (SELECT _rowid FROM ${SET_ASIDE})` : ''}
) p ${joins}`;
}
