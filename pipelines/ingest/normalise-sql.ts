// SQL that turns the raw text of one column into its canonical value, one function per column
// kind. Each returns an expression that is NULL when the raw value is missing or cannot be read.
import type { ColumnSpec } from '../../core/datasets/dataset-schema.ts';
import { ESP_AGE_BANDS } from '../../core/codes/age-bands.ts';
import { ETHNIC_CATEGORIES } from '../../core/codes/ethnicity.ts';
import { TREATMENT_FUNCTIONS } from '../../core/codes/treatment-functions.ts';
import { literal } from '../../db/sql.ts';
import { periodLabelSql } from '../../db/period-sql.ts';

const key = (v: string) => `lower(regexp_replace(${v}, '[^A-Za-z0-9]', '', 'g'))`;
const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Looks a normalised word up in a constant map (much faster in DuckDB than a long CASE). */
function caseLookup(keySql: string, pairs: [string, string][]): string {
  const map = new Map<string, string>();
  for (const [k, code] of pairs) if (!map.has(k)) map.set(k, code);
  const entries = [...map].map(([k, code]) => `${literal(k)}: ${literal(code)}`).join(', ');
  return `MAP {${entries}}[${keySql}]`;
}

// yyyymmdd is HES's own date format; the day-first forms are what Excel and PAS reports write,
// with the month as a number or a name (Oracle-based PAS "01-APR-25", Excel "01-Apr-2025",
// "1 April 2025"). A two-digit year is tried before a four-digit one, which would read "25" as AD 25.
const MONTH_NAME_FORMATS = ['%d-%b-%y', '%d-%b-%Y', '%d %b %Y', '%d %B %Y'].flatMap((f) => [f, `${f} %H:%M`, `${f} %H:%M:%S`]);
const DATE_FORMATS = ['%Y-%m-%d', '%d/%m/%Y', '%Y-%m-%dT%H:%M:%S', '%Y-%m-%d %H:%M:%S', '%Y-%m-%dT%H:%M', '%Y-%m-%d %H:%M', '%d/%m/%Y %H:%M:%S', '%d/%m/%Y %H:%M', '%d-%m-%Y', '%d.%m.%Y', '%Y%m%d', '%Y%m%d %H:%M:%S', '%Y%m%d %H:%M', ...MONTH_NAME_FORMATS];
const formats = `[${DATE_FORMATS.map(literal).join(', ')}]`;
/** Dates from 1900 to a year from today are believable; anything else is a typing or export error. */
const inRange = (ts: string) => `CASE WHEN ${ts} >= TIMESTAMP '1900-01-01' AND ${ts} < current_date + INTERVAL 1 YEAR THEN ${ts} END`;
// ISO date-times may carry fractional seconds (SQL Server writes up to seven digits) or a zone
// suffix that no format above reads.
// Only after a time: "01-04-2025" and "01.04.2025" end in what would look like a zone or a fraction.
const trimTime = (v: string) => `CASE WHEN contains(${v}, ':') THEN regexp_replace(${v}, '(\\.[0-9]+)?(Z|[+-][0-9]{2}:?[0-9]{2})?$', '') ELSE ${v} END`;

const ethnicPairs: [string, string][] = [
  ...ETHNIC_CATEGORIES.map((c) => [c.code.toLowerCase(), c.code] as [string, string]),
  ...ETHNIC_CATEGORIES.flatMap((c) => [c.label, ...c.words].map((w) => [squash(w), c.code] as [string, string])),
  // HES before 2013 writes X for "not known".
  ['x', '99'],
];
const VALID_ETHNIC = ETHNIC_CATEGORIES.map((c) => literal(c.code)).join(', ');
/** Letters of national categories: a two-character local code ("A1", "CA") is read by its first. */
const NATIONAL_LETTERS = ETHNIC_CATEGORIES.filter((c) => c.code.length === 1).map((c) => c.code).join('');

const sexPairs: [string, string][] = [
  ['1', '1'], ['m', '1'], ['male', '1'], ['man', '1'],
  ['2', '2'], ['f', '2'], ['female', '2'], ['woman', '2'],
  // NHS Data Dictionary: 9 "not specified" (indeterminate), 0 "not known" (not recorded).
  ['9', '9'], ['i', '9'], ['indeterminate', '9'], ['notspecified', '9'],
  ['x', 'X'], ['0', 'X'], ['u', 'X'], ['notknown', 'X'], ['unknown', 'X'], ['notstated', 'X'], ['notrecorded', 'X'],
];

/** Treatment function names ("Trauma & Orthopaedics", "Trauma and Orthopaedics") → the code. */
const specialtyPairs: [string, string][] = Object.entries(TREATMENT_FUNCTIONS).flatMap(([code, name]) => [
  [squash(name), code] as [string, string],
  [squash(name.replaceAll('&', ' and ')), code] as [string, string],
]);

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

/**
 * An ESP band from a band, a single year of age ("Age 47", "47") or a range that lies in one band
 * ("Aged 45 to 49", "45-49"); an open "90+" / "Aged 90 and over" is the 90+ band. Ranges across
 * bands ("Aged 16 to 24", "85+") and totals ("All Ages") are not readable.
 */
function ageBandSql(column: ColumnSpec, v: string): string {
  const nums = `regexp_extract_all(${v}, '[0-9]+')`;
  const bands = `[${ESP_AGE_BANDS.map(literal).join(', ')}]`;
  const first = `TRY_CAST(${nums}[1] AS INTEGER)`;
  const open = `regexp_matches(lower(${v}), '\\+|over|plus|older')`;
  return `coalesce(${codeColumn(column, v)}, CASE
    WHEN NOT regexp_full_match(lower(${v}), '(age[ds]? )?[0-9]{1,3}( ?(-|to) ?[0-9]{1,3}| ?\\+| and over| years and over| plus| and older)?( years?)?') THEN NULL
    WHEN len(${nums}) = 1 AND NOT ${open} AND ${first} BETWEEN 0 AND 120 THEN ${bands}[least(${first} // 5, 18) + 1]
    WHEN len(${nums}) = 1 AND ${open} AND ${first} = 90 THEN '90+'
    WHEN len(${nums}) = 2 AND ${first} % 5 = 0 AND ${first} < 90 AND TRY_CAST(${nums}[2] AS INTEGER) = ${first} + 4 THEN ${bands}[${first} // 5 + 1]
  END)`;
}

/**
 * Reports and BI exports often write a code with its description ("5 - Attended on time",
 * "A - White British", "1 - Male", "21: Emergency - A&E"), as they do a treatment function. When
 * the value as a whole cannot be read, a leading code of up to three characters followed by a
 * dash or colon and words is read instead — only if it is itself a code of the column.
 */
function codeFirst(v: string, read: (text: string) => string): string {
  const lead = `regexp_extract(${v}, '^([A-Za-z0-9]{1,3}) *[-:–] *[A-Za-z(]', 1)`;
  return `coalesce(${read(v)}, CASE WHEN regexp_matches(${v}, '^[A-Za-z0-9]{1,3} *[-:–] *[A-Za-z(]') THEN ${read(lead)} END)`;
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
    case 'integer': {
      // "12" and "12.0" (Excel) are 12; "12.5", "1e3", "1_000" and words are not whole numbers.
      // Not TRY_CAST alone: it rounds "36.6" weeks to 37 and reads "1e3" and "1_000" as 1000.
      // The same pattern as the upload preview's check (web/src/pages/upload/preview-schema.ts).
      const number = `CASE WHEN regexp_full_match(${v}, '[+-]?[0-9]{1,9}(\\.0*)?') THEN CAST(split_part(${v}, '.', 1) AS INTEGER) END`;
      const stands = Object.entries(column.synonyms ?? {});
      // Values that stand for a number (HES infant ages 7001–7007 → 0) are read before the range check.
      // One IN test per cell, and the lookup only for the few values that stand for a number.
      const lookup = `MAP {${stands.map(([k, n]) => `${literal(k)}: ${Number(n)}`).join(', ')}}[${v}]`;
      return between(stands.length ? `CASE WHEN ${v} IN (${stands.map(([k]) => literal(k)).join(', ')}) THEN ${lookup} ELSE ${number} END` : number);
    }
    case 'year':
      // 2021, "mid-2021", "June 2021", "2021-06" (Nomis DATE), "Mid-2021 estimates": the one four-digit year.
      return between(`CASE WHEN regexp_full_match(${v}, '[0-9]{4}') THEN CAST(${v} AS INTEGER)
        WHEN len(regexp_extract_all(${v}, '[0-9]{4}')) = 1 AND regexp_full_match(lower(${v}), '(mid[- ]?|june |jun |)[0-9]{4}(-0?6)?( estimates?)?') THEN CAST(regexp_extract(${v}, '[0-9]{4}') AS INTEGER) END`);
    case 'age_band':
      return ageBandSql(column, v);
    case 'number':
      return between(`TRY_CAST(replace(${v}, ',', '') AS DOUBLE)`);
    case 'date':
      // ISO dates cast directly (fast); the format list reads the rest, day first.
      return `CAST(${inRange(`coalesce(CASE WHEN length(${v}) = 10 THEN TRY_CAST(${v} AS DATE) END, try_strptime(${trimTime(v)}, ${formats}))`)} AS DATE)`;
    case 'datetime':
      return inRange(`try_strptime(${trimTime(v)}, ${formats})`);
    case 'boolean':
      return `CASE ${v} WHEN 'Y' THEN true WHEN 'N' THEN false ELSE CAST(${caseLookup(key(v), booleanPairs)} AS BOOLEAN) END`;
    case 'code':
      return codeFirst(v, (t) => codeColumn(column, t));
    case 'sex':
      return codeFirst(v, (t) => fastPath(t, ['1', '2', '9', 'X'], caseLookup(key(t), sexPairs)));
    case 'ethnic_category':
      // Most rows already hold a code: test that first so the label lookup runs only for the rest.
      // A two-character local code whose first character is a national category ("A1", "CA") is that category.
      return codeFirst(v, (t) => `CASE WHEN ${t} IN (${VALID_ETHNIC}) THEN ${t} ELSE coalesce(${caseLookup(key(t), ethnicPairs)},
        CASE WHEN length(${t}) = 2 AND contains(${literal(NATIONAL_LETTERS)}, upper(left(${t}, 1))) AND regexp_full_match(upper(${t}), '[A-Z][A-Z0-9]') THEN upper(left(${t}, 1)) END) END`);
    // A code already in canonical form passes a GLOB, much cheaper than the regular expression.
    // Welsh (W01) and Scottish (S01 data zone) areas are read, and later marked outside England.
    case 'lsoa_code':
      return `CASE WHEN ${v} GLOB 'E01${'[0-9]'.repeat(6)}' THEN ${v} WHEN regexp_full_match(upper(${v}), '[EWS]01[0-9]{6}') THEN upper(${v}) END`;
    case 'treatment_function':
      // "110", "110 - Trauma & Orthopaedics", "Trauma and Orthopaedics".
      return `CASE WHEN ${v} GLOB '[0-9][0-9][0-9]' THEN ${v} WHEN regexp_full_match(upper(${v}), '[0-9]{3}|X0[1-6]') THEN upper(${v})
        WHEN regexp_matches(upper(${v}), '^([0-9]{3}|X0[1-6])[ ]*[-:][ ]*[A-Za-z]') THEN regexp_extract(upper(${v}), '^([0-9]{3}|X0[1-6])', 1)
        ELSE ${caseLookup(key(v), specialtyPairs)} END`;
    case 'icd10':
      return `CASE WHEN regexp_full_match(upper(replace(${v}, '.', '')), '[A-Z][0-9]{2}[0-9A-Z]{0,4}') THEN upper(replace(${v}, '.', '')) END`;
    case 'opcs4':
      return `CASE WHEN regexp_full_match(upper(replace(${v}, '.', '')), '[A-Z][0-9]{2}[0-9]{0,2}') THEN upper(replace(${v}, '.', '')) END`;
    case 'period':
      return periodLabelSql(v);
  }
}
