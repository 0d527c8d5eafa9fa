// Checks the preview rows against the dataset's column declarations before anything is sent,
// by the same rules the server applies on load (pipelines/ingest/normalise-sql.ts): a required
// value that is missing or unreadable sends the row to the quarantine; an optional one that is
// unreadable is kept as a blank and counted as a data-quality finding.
import { z } from 'zod';
import { ESP_AGE_BANDS } from '../../../../core/codes/age-bands.ts';
import { ETHNIC_CATEGORIES } from '../../../../core/codes/ethnicity.ts';
import { TREATMENT_FUNCTIONS } from '../../../../core/codes/treatment-functions.ts';
import { expectations } from '../../../../core/text/ingest-messages.ts';
import { parsePeriodLabel } from '../../../../core/datasets/period-label.ts';
import type { Mapping, Times } from './match-columns.ts';
import type { Preview } from './parse-preview.ts';

export interface CheckableColumn {
  name: string;
  kind: string;
  required: boolean;
  codes: { code: string; label: string }[] | null;
  /** Words accepted for a code ("DNA" → "3"), keyed as written. */
  synonyms?: Record<string, string>;
  min: number | null;
  max: number | null;
  /** An optional value that is present but unreadable quarantines the row (published figures). */
  rejectInvalid?: boolean;
}

export type Severity = 'quarantine' | 'kept';

export interface RowProblem {
  line: number;
  column: string;
  value: string;
  message: string;
  severity: Severity;
  /** For a kept row: what happens to the value. */
  note?: string;
}

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

const ETHNIC_WORDS = new Set<string>([
  ...ETHNIC_CATEGORIES.map((c) => c.code.toLowerCase()),
  ...ETHNIC_CATEGORIES.flatMap((c) => [c.label, ...c.words].map(squash)),
  'x',
]);
const NATIONAL_LETTERS = new Set<string>(ETHNIC_CATEGORIES.filter((c) => c.code.length === 1).map((c) => c.code));
const SEX_WORDS = new Set(['1', 'm', 'male', 'man', '2', 'f', 'female', 'woman', '9', 'i', 'indeterminate', 'notspecified', 'x', '0', 'u', 'notknown', 'unknown', 'notstated', 'notrecorded']);
const SPECIALTY_WORDS = new Set(Object.values(TREATMENT_FUNCTIONS).flatMap((name) => [squash(name), squash(name.replaceAll('&', ' and '))]));

/** What exports write for "no value" in any column (pipelines/ingest/compile-load.ts), and HES's sentinel dates. */
const MISSING_TOKENS = new Set(['NULL', 'null', 'Null', '-', '&']);
const SENTINEL_DATE = /^(1800-01-01|1801-01-01|9999-12-31)|^(18000101|18010101|99991231|01\/01\/1800|01\/01\/1801|31\/12\/9999)$/;

/** True when the server reads the value as missing (blank, a "no value" token, or for dates a sentinel). */
export function isMissing(column: Pick<CheckableColumn, 'kind'>, value: string): boolean {
  const v = value.trim();
  return v === '' || MISSING_TOKENS.has(v) || /^-{2,}$/.test(v) || ((column.kind === 'date' || column.kind === 'datetime') && SENTINEL_DATE.test(v));
}

/** An ESP age band from a band, an age or a range within one band (pipelines/ingest/normalise-sql.ts). */
function readsAsAgeBand(value: string): boolean {
  if ((ESP_AGE_BANDS as readonly string[]).includes(value)) return true;
  const v = value.toLowerCase();
  if (!/^(age[ds]? )?[0-9]{1,3}( ?(-|to) ?[0-9]{1,3}| ?\+| and over| years and over| plus| and older)?( years?)?$/.test(v)) return false;
  const nums = (v.match(/[0-9]+/g) ?? []).map(Number);
  const open = /\+|over|plus|older/.test(v);
  if (nums.length === 1) return open ? nums[0] === 90 : nums[0] <= 120;
  return nums[0] % 5 === 0 && nums[0] < 90 && nums[1] === nums[0] + 4;
}
const BOOLEAN_WORDS = new Set(['y', 'yes', '1', 'true', 't', 'n', 'no', '0', 'false', 'f']);

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** 1–12 for a month's name or its three letters (any case), 0 otherwise. */
function monthOf(word: string, fullAllowed: boolean): number {
  const w = word.toLowerCase();
  const i = MONTHS.findIndex((m) => m.slice(0, 3) === w || (fullAllowed && m === w));
  return i + 1;
}

/** A real calendar date from 1900 to a year from `today`, from the formats the server reads. */
export function parseDate(value: string, today = new Date()): Date | null {
  const v = value.replace(/(\.[0-9]+)?(Z|[+-][0-9]{2}:?[0-9]{2})?$/, '').replace(/^([0-9]{4})([0-9]{2})([0-9]{2})(?=$| )/, '$1-$2-$3');
  const time = '(?:[T ]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?)?';
  const iso = new RegExp(`^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})${time}$`).exec(v);
  const uk = new RegExp(`^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})${time}$`).exec(v);
  // "01-APR-25", "01-Apr-2025", "1 April 2025", as the server reads them: a dash between the parts
  // with the month's three letters and a year of two digits (1969–2068) or four; spaces with the
  // month's name or three letters and a four-digit year.
  const named = /^([0-9]{1,2})([- ])([A-Za-z]{3,9})\2([0-9]{2}|[0-9]{4})(?=$| )/.exec(v);
  const dashed = named?.[2] === '-';
  const month = named && (dashed || named[4].length === 4) ? monthOf(named[3], !dashed) : 0;
  const rest5 = named ? new RegExp(`^${time}$`).exec(v.slice(named[0].length)) : null;
  let y: number, m: number, d: number, rest: (string | undefined)[];
  if (iso) [y, m, d, rest] = [+iso[1], +iso[2], +iso[3], iso.slice(4)];
  else if (uk) [y, m, d, rest] = [+uk[3], +uk[2], +uk[1], uk.slice(4)];
  else if (named && month > 0 && rest5) {
    const year = +named[4];
    [y, m, d, rest] = [named[4].length === 2 ? (year >= 69 ? 1900 : 2000) + year : year, month, +named[1], rest5.slice(1)];
  } else return null;
  const [hh = '0', mm = '0', ss = '0'] = rest.map((x) => x ?? '0');
  if (+hh > 23 || +mm > 59 || +ss > 59) return null;
  const date = new Date(Date.UTC(y, m - 1, d, +hh, +mm, +ss));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  const limit = Date.UTC(today.getUTCFullYear() + 1, today.getUTCMonth(), today.getUTCDate());
  if (y < 1900 || date.getTime() >= limit) return null;
  return date;
}

function inRange(n: number, column: CheckableColumn): boolean {
  return (column.min === null || n >= column.min) && (column.max === null || n <= column.max);
}

/** A leading code with its description ("5 - Attended on time", "A - White British"), as the server reads it. */
const CODE_FIRST = /^([A-Za-z0-9]{1,3}) *[-:–] *[A-Za-z(]/;

/** True when the server would read `value` (trimmed, non-empty) as a value of `column`. */
export function readable(column: CheckableColumn, value: string, today?: Date): boolean {
  if (readableAsWritten(column, value, today)) return true;
  const lead = ['code', 'sex', 'ethnic_category'].includes(column.kind) ? CODE_FIRST.exec(value) : null;
  return lead !== null && readableAsWritten(column, lead[1], today);
}

function readableAsWritten(column: CheckableColumn, value: string, today?: Date): boolean {
  const upper = value.toUpperCase();
  switch (column.kind) {
    case 'integer':
      if (column.synonyms?.[value] !== undefined) return true;
      return /^[+-]?[0-9]{1,9}(\.0*)?$/.test(value) && inRange(parseInt(value, 10), column);
    case 'year': {
      const years = value.match(/[0-9]{4}/g) ?? [];
      return years.length === 1 && /^(mid[- ]?|june |jun |)[0-9]{4}(-0?6)?( estimates?)?$/i.test(value) && inRange(Number(years[0]), column);
    }
    case 'age_band':
      return readsAsAgeBand(value) || (column.codes ?? []).some((c) => c.code === value) || Object.keys(column.synonyms ?? {}).some((w) => squash(w) === squash(value));
    case 'number': {
      const n = Number(value.replaceAll(',', ''));
      return value.trim() !== '' && Number.isFinite(n) && inRange(n, column);
    }
    case 'date':
    case 'datetime':
      return parseDate(value, today) !== null;
    case 'boolean':
      return BOOLEAN_WORDS.has(squash(value));
    case 'code': {
      const words = new Set<string>();
      for (const c of column.codes ?? []) words.add(squash(c.code)).add(squash(c.label));
      for (const w of Object.keys(column.synonyms ?? {})) words.add(squash(w));
      return (column.codes ?? []).some((c) => c.code === value) || words.has(squash(value));
    }
    case 'sex':
      return SEX_WORDS.has(squash(value));
    case 'ethnic_category':
      return ETHNIC_WORDS.has(squash(value)) || (/^[A-Z][A-Z0-9]$/.test(upper) && NATIONAL_LETTERS.has(upper[0]));
    case 'lsoa_code':
      return /^[EWS]01[0-9]{6}$/.test(upper);
    case 'treatment_function':
      return /^([0-9]{3}|X0[1-6])$/.test(upper) || /^([0-9]{3}|X0[1-6]) *[-:] *[A-Za-z]/.test(upper) || SPECIALTY_WORDS.has(squash(value));
    case 'icd10':
      return /^[A-Z][0-9]{2}[0-9A-Z]{0,4}$/.test(upper.replaceAll('.', ''));
    case 'opcs4':
      return /^[A-Z][0-9]{2}[0-9]{0,2}$/.test(upper.replaceAll('.', ''));
    case 'period':
      return parsePeriodLabel(value) !== null;
    default:
      return true;
  }
}

/** Why one value would be quarantined or blanked, or null when it would load as it is. */
export function checkValue(column: CheckableColumn, raw: string, today?: Date): Omit<RowProblem, 'line' | 'column'> | null {
  const value = raw.trim();
  if (isMissing(column, value)) return column.required ? { value: raw, message: 'missing (required)', severity: 'quarantine' } : null;
  if (readable(column, value, today)) return null;
  const expected = expectations[column.kind] ?? 'cannot be read';
  if (column.required || column.rejectInvalid) return { value, message: `'${value}' ${expected}`, severity: 'quarantine' };
  const note = column.kind === 'ethnic_category' ? 'value kept as written, counted as invalid' : 'value stored blank, counted';
  return { value, message: `'${value}' ${expected}`, severity: 'kept', note };
}

/** The date and time texts as one date-time, the way the load combines them. */
export function combineDateTime(column: Pick<CheckableColumn, 'kind'>, date: string, time: string): string {
  if (isMissing(column, date) || isMissing({ kind: 'text' }, time)) return '';
  const d = date.trim().replace(/[ T]0?0:00(:00(\.0+)?)?$/, '');
  const t = time.trim();
  const hhmm = /^[0-9]{4}$/.test(t) ? `${t.slice(0, 2)}:${t.slice(2)}` : (/([0-9]{1,2}:[0-9]{2}(:[0-9]{2})?)(\.[0-9]+)?$/.exec(t)?.[1] ?? t);
  return `${d} ${hhmm}`;
}

/** A zod schema for one mapped row (column → raw text), whose issues are the row's problems. */
export function rowSchema(columns: CheckableColumn[], today?: Date) {
  const shape: Record<string, z.ZodType<string>> = {};
  for (const column of columns) {
    shape[column.name] = z.string().superRefine((raw, ctx) => {
      const problem = checkValue(column, raw, today);
      if (problem) ctx.addIssue({ code: 'custom', message: problem.message, params: { severity: problem.severity, value: problem.value, note: problem.note } });
    });
  }
  return z.object(shape);
}

export interface PreviewCheck {
  problems: RowProblem[];
  /** File lines that would go to the quarantine. */
  quarantined: number[];
}

/**
 * Checks the rows read in the browser. Only mapped columns are checked (an unmapped required
 * column refuses the whole file, reported separately); a key that repeats an earlier row, or a
 * line whose field count differs from the header's, is quarantined too.
 */
export function checkPreview(
  columns: CheckableColumn[],
  key: string[],
  preview: Pick<Preview, 'headers' | 'rows' | 'lines' | 'ragged'>,
  mapping: Mapping,
  today?: Date,
  times: Times = {},
): PreviewCheck {
  const { headers, rows, lines } = preview;
  const timeIndex = new Map(Object.entries(times).filter((e): e is [string, string] => !!e[1]).map(([c, h]) => [c, headers.indexOf(h)]));
  const ragged = new Map(preview.ragged.map((r) => [r.line, r.fields]));
  const mapped = columns.filter((c) => mapping[c.name]);
  const index = new Map(mapped.map((c) => [c.name, headers.indexOf(mapping[c.name]!)]));
  const schema = rowSchema(mapped, today);
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, r) => {
    const line = lines[r];
    const fields = ragged.get(line);
    if (fields !== undefined) {
      problems.push({ line, column: 'row', value: '', message: `has ${fields} field${fields === 1 ? '' : 's'}; the header has ${headers.length}`, severity: 'quarantine' });
      return;
    }
    const record = Object.fromEntries(mapped.map((c) => {
      const value = row[index.get(c.name)!] ?? '';
      const t = timeIndex.get(c.name);
      // A date + time column is checked as the server reads it: both given, or missing.
      return [c.name, t === undefined ? value : combineDateTime(c, value, row[t] ?? '')];
    }));
    const result = schema.safeParse(record);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const params = (issue as { params?: { severity: Severity; value: string; note?: string } }).params;
        const problem: RowProblem = { line, column: String(issue.path[0]), value: params?.value ?? '', message: issue.message, severity: params?.severity ?? 'quarantine' };
        if (params?.note) problem.note = params.note;
        problems.push(problem);
      }
    }
    if (key.every((k) => mapping[k])) {
      const keyValue = key.map((k) => record[k].trim()).join('\u0000');
      if (key.every((k) => record[k].trim() !== '')) {
        const first = seen.get(keyValue);
        if (first !== undefined) {
          problems.push({ line, column: key[0], value: record[key[0]], message: `duplicate of row ${first} in this file`, severity: 'quarantine' });
        } else seen.set(keyValue, line);
      }
    }
  });
  const quarantined = [...new Set(problems.filter((p) => p.severity === 'quarantine').map((p) => p.line))];
  return { problems, quarantined };
}
