// SQL that turns the raw text of one column into its canonical value, one function per column
// kind. Each returns an expression that is NULL when the raw value is missing or cannot be read.
import type { ColumnSpec } from '../../core/datasets/dataset-schema.ts';
import { ETHNIC_CATEGORIES } from '../../core/codes/ethnicity.ts';
import { literal } from '../../db/sql.ts';

const key = (v: string) => `lower(regexp_replace(${v}, '[^A-Za-z0-9]', '', 'g'))`;
const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Looks a normalised word up in a constant map (much faster in DuckDB than a long CASE). */
function caseLookup(keySql: string, pairs: [string, string][]): string {
  const map = new Map<string, string>();
  for (const [k, code] of pairs) if (!map.has(k)) map.set(k, code);
  const entries = [...map].map(([k, code]) => `${literal(k)}: ${literal(code)}`).join(', ');
  return `MAP {${entries}}[${keySql}]`;
}

const DATE_FORMATS = ['%Y-%m-%d', '%d/%m/%Y', '%Y-%m-%dT%H:%M:%S', '%Y-%m-%d %H:%M:%S', '%Y-%m-%dT%H:%M', '%Y-%m-%d %H:%M', '%d/%m/%Y %H:%M:%S', '%d/%m/%Y %H:%M', '%d-%m-%Y', '%d.%m.%Y'];
const formats = `[${DATE_FORMATS.map(literal).join(', ')}]`;
/** Dates from 1900 to a year from today are believable; anything else is a typing or export error. */
const inRange = (ts: string) => `CASE WHEN ${ts} >= TIMESTAMP '1900-01-01' AND ${ts} < current_date + INTERVAL 1 YEAR THEN ${ts} END`;
// ISO date-times may carry fractional seconds or a zone suffix that no format above reads.
const trimTime = (v: string) => `regexp_replace(${v}, '(\\.[0-9]+)?(Z|[+-][0-9]{2}:?[0-9]{2})?$', '')`;

const ethnicPairs: [string, string][] = [
  ...ETHNIC_CATEGORIES.map((c) => [c.code.toLowerCase(), c.code] as [string, string]),
  ...ETHNIC_CATEGORIES.flatMap((c) => [c.label, ...c.words].map((w) => [squash(w), c.code] as [string, string])),
];
const VALID_ETHNIC = ETHNIC_CATEGORIES.map((c) => literal(c.code)).join(', ');

const sexPairs: [string, string][] = [
  ['1', '1'], ['m', '1'], ['male', '1'], ['man', '1'],
  ['2', '2'], ['f', '2'], ['female', '2'], ['woman', '2'],
  ['9', '9'], ['i', '9'], ['indeterminate', '9'],
  ['x', 'X'], ['0', 'X'], ['u', 'X'], ['notknown', 'X'], ['unknown', 'X'], ['notstated', 'X'],
];

const booleanPairs: [string, string][] = [
  ['y', 'true'], ['yes', 'true'], ['1', 'true'], ['true', 'true'], ['t', 'true'],
  ['n', 'false'], ['no', 'false'], ['0', 'false'], ['false', 'false'], ['f', 'false'],
];

/** Values already in canonical form skip the (slower) normalised-word lookup. */
function fastPath(v: string, canonical: string[], slow: string): string {
  return `CASE WHEN ${v} IN (${canonical.map(literal).join(', ')}) THEN ${v} ELSE ${slow} END`;
}

function codeColumn(column: ColumnSpec, v: string): string {
  const pairs: [string, string][] = [
    ...(column.codes ?? []).map((c) => [squash(c.code), c.code] as [string, string]),
    ...(column.codes ?? []).map((c) => [squash(c.label), c.code] as [string, string]),
    ...Object.entries(column.synonyms ?? {}).map(([word, code]) => [squash(word), code] as [string, string]),
  ];
  return fastPath(v, (column.codes ?? []).map((c) => c.code), caseLookup(key(v), pairs));
}

/** The canonical value of `column` from its trimmed raw text `v` (NULL when missing or unreadable). */
export function normaliseSql(column: ColumnSpec, v: string): string {
  const between = (value: string) => {
    const conditions = [
      column.min !== undefined ? `${value} >= ${column.min}` : null,
      column.max !== undefined ? `${value} <= ${column.max}` : null,
    ].filter(Boolean);
    return conditions.length ? `CASE WHEN ${conditions.join(' AND ')} THEN ${value} END` : value;
  };
  switch (column.kind) {
    case 'id':
    case 'text':
      return v;
    case 'integer':
      // "12" and "12.0" (Excel) are 12; "12.5", "1e3", "1_000" and words are not whole numbers.
      // Not TRY_CAST alone: it rounds "36.6" weeks to 37 and reads "1e3" and "1_000" as 1000.
      // The same pattern as the upload preview's check (web/src/pages/upload/preview-schema.ts).
      return between(`CASE WHEN regexp_full_match(${v}, '[+-]?[0-9]{1,9}(\\.0*)?') THEN CAST(split_part(${v}, '.', 1) AS INTEGER) END`);
    case 'year':
      // The first 4-digit year of "2024", "mid-2024", "June 2024", "2024-06" or "2024/25".
      return between(`TRY_CAST(regexp_extract(${v}, '(^|[^0-9])((19|20)[0-9]{2})([^0-9]|$)', 2) AS INTEGER)`);
    case 'number':
      return between(`TRY_CAST(replace(${v}, ',', '') AS DOUBLE)`);
    case 'date':
      // ISO dates cast directly (fast); the format list reads the rest, day first.
      return `CAST(${inRange(`coalesce(CASE WHEN length(${v}) = 10 THEN TRY_CAST(${v} AS DATE) END, try_strptime(${v}, ${formats}))`)} AS DATE)`;
    case 'datetime':
      return inRange(`try_strptime(${trimTime(v)}, ${formats})`);
    case 'boolean':
      return `CASE ${v} WHEN 'Y' THEN true WHEN 'N' THEN false ELSE CAST(${caseLookup(key(v), booleanPairs)} AS BOOLEAN) END`;
    case 'code':
      return codeColumn(column, v);
    case 'sex':
      return fastPath(v, ['1', '2', '9', 'X'], caseLookup(key(v), sexPairs));
    case 'ethnic_category':
      // Most rows already hold a code: test that first so the label lookup runs only for the rest.
      return `CASE WHEN ${v} IN (${VALID_ETHNIC}) THEN ${v} ELSE ${caseLookup(key(v), ethnicPairs)} END`;
    // A code already in canonical form passes a GLOB, much cheaper than the regular expression.
    case 'lsoa_code':
      return `CASE WHEN ${v} GLOB 'E01${'[0-9]'.repeat(6)}' THEN ${v} WHEN regexp_full_match(upper(${v}), 'E01[0-9]{6}') THEN upper(${v}) END`;
    case 'treatment_function':
      return `CASE WHEN ${v} GLOB '[0-9][0-9][0-9]' THEN ${v} WHEN regexp_full_match(upper(${v}), '[0-9]{3}|X0[1-6]') THEN upper(${v}) END`;
    case 'icd10':
      return `CASE WHEN regexp_full_match(upper(replace(${v}, '.', '')), '[A-Z][0-9]{2}[0-9A-Z]{0,4}') THEN upper(replace(${v}, '.', '')) END`;
    case 'opcs4':
      return `CASE WHEN regexp_full_match(upper(replace(${v}, '.', '')), '[A-Z][0-9]{2}[0-9]{0,2}') THEN upper(replace(${v}, '.', '')) END`;
  }
}
