// Every message a person sees about an upload, in one place. Each says what was wrong and what to do.

const list = (names: string[]) => names.join(', ');

export const fileMessages = {
  empty: () => 'The file is empty. Export the extract again and check it has a header row and data rows.',
  headerOnly: () => 'The file has a header row but no data rows. Check the export covered the period you wanted.',
  headerTooLong: (limit: number) =>
    `The header row is longer than ${limit / 1048576} MB (no line end in the first ${limit.toLocaleString('en-GB')} bytes) — is this a CSV? ` +
    'Parity reads a CSV file whose first line names the columns, one per separator. Export the extract as CSV with a header row and upload that.',
  tooLarge: (bytes: number, limit: number) =>
    `The file is ${(bytes / 1048576).toFixed(1)} MB; the limit is ${(limit / 1048576).toFixed(0)} MB. Split it by month, or ask an administrator to raise PARITY_MAX_UPLOAD_MB.`,
  spreadsheet: () =>
    'This is an Excel workbook, not a CSV file. Open it in Excel and use "Save As → CSV UTF-8 (Comma delimited)", then upload the CSV.',
  binary: () => 'This file is not a text CSV file (it contains binary data). Export the extract as CSV (comma-separated, UTF-8) and upload that.',
  utf16: () =>
    'The file is encoded as UTF-16, which Parity does not read. Save it as "CSV UTF-8" (or Windows-1252 CSV) and upload it again.',
  notDelimited: () =>
    'No column separator was found in the first line. Parity reads comma-, semicolon-, tab- or pipe-separated files whose first line is the header row: ' +
    'if the file starts with a report title or notes (a PAS or Excel report often does), delete those lines and upload it again.',
  missingColumns: (missing: string[], closest: string[], found: string[]) =>
    `Required column${missing.length > 1 ? 's' : ''} missing: ${list(missing)}.` +
    (closest.length ? ` Closest headers in the file: ${list(closest)}.` : '') +
    ` Headers found: ${list(found.slice(0, 30))}${found.length > 30 ? ', …' : ''}.` +
    ' Rename the columns, or upload with a column mapping that says which header holds each column.',
  mappingUnknownHeader: (column: string, header: string) =>
    `The column mapping says ${column} is in a header "${header}", but the file has no such header.`,
  mappingUnknownColumn: (column: string, dataset: string) => `The column mapping names "${column}", which is not a column of ${dataset}.`,
  /** `edition`: the LSOA edition the chosen header names, when the column is the LSOA. */
  preferredHeader: (column: string, chosen: string, others: string[], edition: '2011' | '2021' | null = null) =>
    `${column}: read from "${chosen}"; ${others.map((h) => `"${h}"`).join(', ')} could also fill it and ${others.length > 1 ? 'were' : 'was'} not used` +
    (edition === '2021' ? ' (the newer, 2021, LSOA is preferred).'
      : edition === '2011' ? ' (the 2011 LSOA is preferred to an older or unnamed edition).'
      : ' (the first in the order Parity prefers).'),
  combinedDateTime: (column: string, date: string, time: string) => `${column}: combined from "${date}" (date) and "${time}" (time).`,
  minutesAfter: (column: string, header: string, start: string) => `${column}: ${start} plus the minutes in "${header}".`,
  /** A flag the file does not have, told from other columns (ECDS admitted: pipelines/ingest/derive-absent.ts). */
  derivedColumn: (column: string, d: { from: string | null; given: string[]; yes: number; no: number; unknown: number }) => {
    const n = (x: number) => x.toLocaleString('en-GB');
    const sources = [
      d.from ? `"${d.from}" (a discharge destination of a ward or critical care unit is an admission; any other valid destination is not)` : '',
      ...d.given.map((h) => `"${h}" (a decision to admit recorded is an admission)`),
    ].filter(Boolean).join(' and ');
    return `${column}: the file has no ${column} column, so it was told from ${sources}: ${n(d.yes)} yes, ${n(d.no)} no, ` +
      `${n(d.unknown)} not known (${d.from ? 'no valid destination' : 'no decision to admit'}${d.from && d.given.length ? ' and no decision to admit' : ''}).`;
  },
  invalidMappingFile: (file: string, problems: string) =>
    `The column mapping ${file} cannot be read (${problems}). Each column is a header, {"from": header, "values": {word: code}} or {"date": header, "time": header}.`,
  outsideEngland: (rows: number) =>
    `${rows.toLocaleString('en-GB')} row${rows === 1 ? '' : 's'} live in Wales or Scotland (W01 LSOA or S01 data zone): loaded, outside England, with no English IMD decile.`,
  mappingNotFound: (name: string) => `No saved column mapping is called "${name}", and no such mapping file exists.`,
  noRowLoaded: (rows: number, commonest: string) =>
    `None of the ${rows} rows could be loaded. The commonest problem: ${commonest}. Fix it in the export and upload the file again.`,
  replaceNotFound: (id: string) => `There is no loaded extract ${id} to replace. List the extracts with GET /api/extracts.`,
  replaceWrongDataset: (id: string, dataset: string) => `Extract ${id} is a ${dataset} extract; a replacement must be of the same dataset.`,
  unknownDataset: (id: string, known: string[]) => `Unknown dataset "${id}". Choose one of: ${list(known)}.`,
  outOfMemory: (limit: string) =>
    `Parity ran out of memory loading this file, so nothing was loaded: DuckDB may use ${limit} (PARITY_MEMORY_LIMIT). ` +
    'Raise PARITY_MEMORY_LIMIT (for example to 4GB, within the memory the machine has) and restart the Parity server — or set it for parity ingest — then load the file again; or split the file by month.',
};

/** Row-level reasons, built in SQL: each is a SQL expression producing text, given the raw value `v`. */
export const rowMessages = {
  missing: (column: string) => `'${column}: missing (required)'`,
  invalid: (column: string, expected: string, rawSql: string) =>
    `'${column}: ' || chr(39) || ${rawSql} || chr(39) || ' ${expected.replaceAll("'", "''")}'`,
  duplicateInFile: (column: string, firstRowSql: string) =>
    `'${column}: duplicate of row ' || ${firstRowSql} || ' in this file'`,
  alreadyLoaded: (column: string, extractSql: string) =>
    `'${column}: already loaded in extract ' || ${extractSql} || ' (upload with replace to swap that extract)'`,
  clockAfterCensus: () => `'clock_start_date: after the census date'`,
  limitsOutOfOrder: (lower: string, upper: string) => `'value: not between ${lower} and ${upper} (a limit is in the wrong column, or the row is cut short)'`,
  structural: (messageSql: string) => `'row: ' || ${messageSql}`,
};

/** What a value must look like, per column kind (appended to "'<value>' "). */
export const expectations: Record<string, string> = {
  id: 'is not a valid identifier',
  text: 'is not valid text',
  integer: 'is not a whole number in the allowed range',
  number: 'is not a number',
  date: 'is not a real date between 1900 and next year (use YYYY-MM-DD or DD/MM/YYYY)',
  datetime: 'is not a real date and time (use YYYY-MM-DD HH:MM:SS or DD/MM/YYYY HH:MM)',
  boolean: 'is not Y or N',
  code: 'is not one of the allowed codes',
  ethnic_category: 'is not an NHS ethnic category',
  sex: 'is not a sex code (1, 2, 9, X, M or F)',
  lsoa_code: 'is not an LSOA or data-zone code (E01, W01 or S01 and six digits)',
  treatment_function: 'is not a treatment function code or name (three digits, e.g. 110, or "Trauma & Orthopaedics")',
  year: 'is not a year (e.g. 2021 or mid-2021)',
  age_band: 'is not an age band (0-4 … 90+), an age, or an age range within one band',
  icd10: 'is not an ICD-10 code',
  opcs4: 'is not an OPCS-4 code',
  period: 'is not a period (use 2023/24, 2023, 2021 - 23, 2021/22 - 23/24, 2023/24 Q1 or 2023-04-01 to 2024-03-31)',
};
