import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import { MAX_HEADER_BYTES } from '../../../core/files/header-limit.ts';
import { ingestFile } from '../../../pipelines/ingest/ingest.ts';
import { fileMessages } from '../../../core/text/ingest-messages.ts';
import { tempDatabase, writeFixture } from '../../helpers/temp-db.ts';

const OPTIONS = { maxBytes: 10 * 1024 * 1024, chineseGroup: '2001' as const };
const HEADER = 'appointment_id,patient_id,appointment_date,treatment_function_code,attendance_status,first_attendance,age,sex,ethnic_category,lsoa_code,site_code';

let db: Database;
let dir: string;
let cleanup: () => void;
beforeEach(async () => ({ db, dir, cleanup } = await tempDatabase()));
afterEach(() => cleanup());

const load = (name: string, content: string | Buffer, dataset = 'outpatients', extra: Partial<Parameters<typeof ingestFile>[1]> = {}) =>
  ingestFile(db, { path: writeFixture(dir, name, content), dataset, ...extra }, OPTIONS);
const count = async (sql: string) => (await db.all<{ n: number }>(sql))[0].n;
const snapshot = async () =>
  db.all(`SELECT (SELECT count(*) FROM outpatients)::INT AS rows, (SELECT count(*) FROM extracts)::INT AS extracts, (SELECT count(*) FROM quarantine)::INT AS quarantine`);

describe('loading a clean extract', () => {
  it('loads every row with its extract id and source row, and derives IMD from the right IoD edition', async () => {
    const csv = [HEADER, 'A1,P1,2025-04-01,110,5,1,34,1,A,E01008881,RRK02', 'A2,P2,01/04/2025,330,3,2,70,2,N,E01000001,RRK02'].join('\n');
    const summary = await load('op.csv', csv);
    expect(summary).toMatchObject({ status: 'loaded', rowsRead: 2, rowsLoaded: 2, rowsQuarantined: 0, fileError: null });
    const rows = await db.all(`SELECT appointment_id, appointment_date::VARCHAR AS d, specialty_name, imd_decile, imd_quintile, imd_edition, core20, age_band, extract_id, source_row
      FROM outpatients ORDER BY source_row`);
    expect(rows).toEqual([
      { appointment_id: 'A1', d: '2025-04-01', specialty_name: 'Trauma & Orthopaedics', imd_decile: 2, imd_quintile: 1, imd_edition: 'IoD2025', core20: true, age_band: '30-34', extract_id: summary.extractId, source_row: 2 },
      { appointment_id: 'A2', d: '2025-04-01', specialty_name: 'Dermatology', imd_decile: 8, imd_quintile: 4, imd_edition: 'IoD2025', core20: false, age_band: '70-74', extract_id: summary.extractId, source_row: 3 },
    ]);
  });

  it('uses IoD2019 for a 2011 LSOA that has no 2021 equivalent, and the supplied decile when the extract has one', async () => {
    const { head2011Only } = await db.all<{ head2011Only: string }>(
      `SELECT lsoa_code AS "head2011Only" FROM ref_imd2019 WHERE lsoa_code NOT IN (SELECT lsoa_code FROM ref_imd2025) ORDER BY 1 LIMIT 1`,
    ).then((r) => r[0]);
    const csv = [`${HEADER},imd_decile`, `A1,P1,2025-04-01,110,5,1,34,1,A,${head2011Only},RRK02,`, `A2,P2,2025-04-01,110,5,1,34,1,A,,RRK02,3`].join('\n');
    await load('op.csv', csv);
    const rows = await db.all(`SELECT imd_edition, imd_decile FROM outpatients ORDER BY source_row`);
    const [expected] = await db.all<{ d: number }>(`SELECT imd_decile AS d FROM ref_imd2019 WHERE lsoa_code = ?`, [head2011Only]);
    expect(rows).toEqual([{ imd_edition: 'IoD2019', imd_decile: expected.d }, { imd_edition: 'supplied', imd_decile: 3 }]);
  });
});

describe('normalising NHS codes', () => {
  it('reads ethnicity codes, lower case, legacy 9 and 2001 census labels, and keeps unknown text flagged invalid', async () => {
    const values = ['a', 'White - British', 'Indian', 'Black African', '9', 'Z', '99', '', 'Martian', 'r'];
    const csv = [HEADER, ...values.map((v, i) => `A${i},P${i},2025-04-01,110,5,1,34,1,"${v}",,S`)].join('\n');
    const summary = await load('op.csv', csv);
    expect(summary.rowsLoaded).toBe(values.length);
    const rows = await db.all<{ c: string | null; g: string; s: string }>(
      `SELECT ethnic_category AS c, ethnic_group AS g, ethnicity_status AS s FROM outpatients ORDER BY source_row`,
    );
    expect(rows.map((r) => r.c)).toEqual(['A', 'A', 'H', 'N', '99', 'Z', '99', null, 'Martian', 'R']);
    expect(rows.map((r) => r.s)).toEqual(['valid', 'valid', 'valid', 'valid', 'not_known', 'not_stated', 'not_known', 'missing', 'invalid', 'valid']);
    expect(rows[9].g).toBe('Other ethnic group');
    expect(summary.dataQuality).toEqual({ ethnic_category: 1 });
  });

  it('reads sex codes and words, and turns blanks into X (not known)', async () => {
    const values = ['1', '2', 'M', 'female', 'F', '9', 'X', '', 'Q'];
    const csv = [HEADER, ...values.map((v, i) => `A${i},P${i},2025-04-01,110,5,1,34,${v},A,,S`)].join('\n');
    const summary = await load('op.csv', csv);
    const rows = await db.all<{ sex: string }>(`SELECT sex FROM outpatients ORDER BY source_row`);
    expect(rows.map((r) => r.sex)).toEqual(['1', '2', '1', '2', '2', '9', 'X', 'X', 'X']);
    expect(summary.dataQuality).toEqual({ sex: 1 });
  });

  it('reads attendance words and keeps invalid optional values as blanks counted as data quality', async () => {
    const csv = [HEADER, 'A1,P1,2025-04-01,110,Attended,1,abc,1,A,E01XYZ,S', 'A2,P2,2025-04-01,110,Did not attend,7,130,1,A,,S', 'A3,P3,2025-04-01,110,DNA,1,12.0,1,A,,S'].join('\n');
    const summary = await load('op.csv', csv);
    expect(summary).toMatchObject({ rowsLoaded: 3, rowsQuarantined: 0, dataQuality: { age: 2, first_attendance: 1, lsoa_code: 1 } });
    const rows = await db.all(`SELECT attendance_status AS s, age, age_band, first_attendance AS f FROM outpatients ORDER BY source_row`);
    expect(rows).toEqual([
      { s: '5', age: null, age_band: 'Unknown', f: '1' },
      { s: '3', age: null, age_band: 'Unknown', f: null },
      { s: '3', age: 12, age_band: '10-14', f: '1' },
    ]);
  });

  it('reads a HES A&E departure as arrival plus DEPDUR minutes, across midnight, with words counted unreadable', async () => {
    const csv = ['AEKEY,TOKEN_PERSON_ID,ARRIVALDATE,ARRIVALTIME,DEPTIME,DEPDUR', 'K1,P1,2019-06-01,22:50,02:10,200', 'K2,P2,2019-06-01,10:00,,', 'K3,P3,2019-06-01,10:00,,n/k'].join('\n');
    const summary = await load('ae.csv', csv, 'ae_attendances');
    expect(summary).toMatchObject({ rowsLoaded: 3, rowsQuarantined: 0, dataQuality: { departure_datetime: 1 } });
    const rows = await db.all<{ d: string | null }>(`SELECT strftime(departure_datetime, '%Y-%m-%d %H:%M') AS d FROM ae_attendances ORDER BY source_row`);
    expect(rows.map((r) => r.d)).toEqual(['2019-06-02 02:10', null, null]);
  });

  it('skips the rule of dashes SSMS "Results to text" writes under the header as a blank line, and its row count as a footer', async () => {
    const csv = ['OPA_Ident,Der_Pseudo_NHS_Number,Appointment_Date,Treatment_Function_Code,Attendance_Status', '---------,--------------,-----------------------,----------,--',
      '1,P1,2025-04-01 00:00:00.000,110,5', '2,P2,2025-04-02 00:00:00.000,110,3', '', '(2 rows affected)'].join('\r\n');
    const summary = await load('ssms.txt', csv);
    expect(summary).toMatchObject({ rowsRead: 2, rowsLoaded: 2, rowsQuarantined: 0, skippedLines: { blank: 2, footer: 1 } });
    expect(await count(`SELECT min(source_row)::INT AS n FROM outpatients`)).toBe(3);
  });

  it('trims spaces, non-breaking ones too, around every value, and reads a value of only spaces as blank', async () => {
    const csv = [HEADER, ' A1 ,P1,2025-04-01 , 110,\u00a05,1, 34 ,M ,\u00a0a\u00a0, E01008881,RRK02', 'A2,P2,2025-04-01,110,5,1,   ,1,A,,caf\u00e9 '].join('\n');
    const summary = await load('op.csv', csv);
    expect(summary).toMatchObject({ rowsLoaded: 2, rowsQuarantined: 0, dataQuality: {} });
    const rows = await db.all(`SELECT appointment_id AS id, treatment_function_code AS tfc, attendance_status AS s, age, sex, ethnic_category AS e,
      lsoa_code AS l, site_code AS site FROM outpatients ORDER BY source_row`);
    expect(rows).toEqual([
      { id: 'A1', tfc: '110', s: '5', age: 34, sex: '1', e: 'A', l: 'E01008881', site: 'RRK02' },
      { id: 'A2', tfc: '110', s: '5', age: null, sex: '1', e: 'A', l: null, site: 'café' },
    ]);
  });
});

describe('quarantining rows', () => {
  it('quarantines required-field problems with the row number and reason, and accounts for every row', async () => {
    const csv = [
      HEADER,
      'A1,P1,2025-04-01,110,5,1,34,1,A,,S', // row 2: fine
      'A2,,2025-04-01,110,5,1,34,1,A,,S', // row 3: no patient
      'A3,P3,31/02/2025,110,5,1,34,1,A,,S', // row 4: impossible date
      'A4,P4,04/13/2025,110,5,1,34,1,A,,S', // row 5: month-first date
      'A5,P5,2025-04-01,ABC,5,1,34,1,A,,S', // row 6: bad treatment function
      'A6,P6,1850-01-01,110,5,1,34,1,A,,S', // row 7: out of range
      'A1,P7,2025-04-02,110,5,1,34,1,A,,S', // row 8: duplicate id
      'A8,P8,2025-04-02,110,5,1', // row 9: too few fields
    ].join('\n');
    const summary = await load('op.csv', csv);
    expect(summary.status).toBe('loaded');
    expect(summary.rowsRead).toBe(8);
    expect(summary.rowsLoaded + summary.rowsQuarantined).toBe(summary.rowsRead);
    expect(summary.rowsLoaded).toBe(1);
    expect(summary.errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'patient_id'],
      [4, 'appointment_date'],
      [5, 'appointment_date'],
      [6, 'treatment_function_code'],
      [7, 'appointment_date'],
      [8, 'appointment_id'],
      [9, 'row'],
    ]);
    expect(summary.errors[1].message).toContain("'31/02/2025'");
    expect(summary.errors[5].message).toContain('duplicate of row 2');
    expect(await count(`SELECT count(*)::INT AS n FROM quarantine WHERE extract_id = '${summary.extractId}'`)).toBe(7);
    const [q] = await db.all<{ raw: string }>(`SELECT raw_row AS raw FROM quarantine WHERE source_row = 4`);
    expect(JSON.parse(q.raw)).toMatchObject({ appointment_id: 'A3', appointment_date: '31/02/2025' });
  });

  it('quarantines a row already loaded from another extract, so overlapping extracts never double count', async () => {
    await load('first.csv', [HEADER, 'A1,P1,2025-04-01,110,5,1,34,1,A,,S'].join('\n'));
    const second = await load('second.csv', [HEADER, 'A1,P1,2025-04-01,110,5,1,34,1,A,,S', 'A2,P2,2025-04-01,110,5,1,34,1,A,,S'].join('\n'));
    expect(second).toMatchObject({ status: 'loaded', rowsLoaded: 1, rowsQuarantined: 1 });
    expect(second.errors[0].message).toMatch(/already loaded in extract outpatients-/);
    expect(await count(`SELECT count(*)::INT AS n FROM outpatients`)).toBe(2);
  });
});

describe('what the quarantine keeps', () => {
  const stored = async (extractId: string | null) =>
    (await db.all<{ row: number; raw: string }>(`SELECT source_row AS row, raw_row AS raw FROM quarantine WHERE extract_id = ? ORDER BY source_row`, [extractId]))
      .map((q) => ({ row: q.row, values: JSON.parse(q.raw) }));

  it('stores only the declared columns of a failed row, never a column the dataset does not declare or a second copy of one', async () => {
    const csv = [
      'appointment_id,NHS Number,patient_id,Patient Name,DOB,appointment_date,treatment_function_code,attendance_status,Postcode,patient_id',
      'A1,943 476 5919,PSD-4471902,Jane Doe,14/03/1961,2025-04-01,110,5,SW1A 1AA,PSD-4471902',
      'A2,401 023 2137,PSD-4471903,John Smith,02/11/1948,31/02/2025,110,5,LS1 4AP,PSD-9990003',
    ].join('\n');
    const summary = await load('op.csv', csv);
    expect(summary).toMatchObject({ rowsLoaded: 1, rowsQuarantined: 1, ignoredColumns: ['NHS Number', 'Patient Name', 'DOB', 'Postcode', 'patient_id (2)'] });
    expect(await stored(summary.extractId)).toEqual([
      { row: 3, values: { appointment_id: 'A2', patient_id: 'PSD-4471903', appointment_date: '31/02/2025', treatment_function_code: '110', attendance_status: '5' } },
    ]);
  });

  it('keeps the line number and reason of a line it cannot split into fields, not the line', async () => {
    const csv = [HEADER, 'A1,P1,2025-04-01,110,5,1,34,1,A,,S', 'A2,P2,2025-04-01,110,5,1,34,1,A,,S,943 476 5919,Jane Doe', 'A3,P3,2025-04-01'].join('\n');
    const summary = await load('op.csv', csv);
    expect(summary.errors.map((e) => [e.row, e.column])).toEqual([[3, 'row'], [4, 'row']]);
    expect(await stored(summary.extractId)).toEqual([{ row: 3, values: {} }, { row: 4, values: {} }]);
    expect(await count(`SELECT count(*)::INT AS n FROM quarantine WHERE raw_row LIKE '%Jane Doe%' OR raw_row LIKE '%A3%'`)).toBe(0);
  });

  it('keeps each failed row with its own text when lines before it were rejected, blank or repeated', async () => {
    const csv = [
      HEADER,
      'A1,P1,2025-04-01,110,5,1,34,1,A,,S',
      'A2,P2,2025-04-01,110,5,1,34,1,A,,S,too,many', // line 3: cannot be split
      '',
      ',,,,,,,,,,', // line 5: blank
      'A1,P9,2025-04-02,110,5,1,34,1,A,,S', // line 6: repeats A1
      'A6,P6,2025-99-01,110,DNA,1,34,1,A,,S', // line 7: impossible date
      'A7,P7,2025-04-03,110,5,1,34,1,A,,S',
    ].join('\n');
    const summary = await load('op.csv', csv);
    expect(summary).toMatchObject({ rowsLoaded: 2, skippedLines: { blank: 2 } });
    expect(await stored(summary.extractId)).toEqual([
      { row: 3, values: {} },
      { row: 6, values: expect.objectContaining({ appointment_id: 'A1', patient_id: 'P9', appointment_date: '2025-04-02' }) },
      { row: 7, values: expect.objectContaining({ appointment_id: 'A6', appointment_date: '2025-99-01', attendance_status: 'DNA' }) },
    ]);
  });

  it('keys a column mapped to a blank header by its own name, and names an ignored blank header by its position', async () => {
    const csv = ['appointment_id,,appointment_date,treatment_function_code,attendance_status,', 'A1,P1,2025-04-01,110,5,x', 'A2,P2,2025-13-01,110,5,Jane Doe'].join('\n');
    const summary = await load('op.csv', csv, 'outpatients', { mapping: { patient_id: '' } });
    expect(summary).toMatchObject({ rowsLoaded: 1, columnMapping: { patient_id: '' }, ignoredColumns: ['column 6'] });
    expect(await stored(summary.extractId)).toEqual([
      { row: 3, values: { appointment_id: 'A2', patient_id: 'P2', appointment_date: '2025-13-01', treatment_function_code: '110', attendance_status: '5' } },
    ]);
  });

  it('lists the ignored columns for a file loaded twice too', async () => {
    const csv = [`${HEADER},Patient Name`, 'A1,P1,2025-04-01,110,5,1,34,1,A,,S,Jane Doe'].join('\n');
    await load('op.csv', csv);
    expect(await load('again.csv', csv)).toMatchObject({ status: 'duplicate', ignoredColumns: ['Patient Name'] });
  });
});

describe('refusing whole files', () => {
  const refusals: [string, string | Buffer, RegExp][] = [
    ['an empty file', '', /empty/],
    ['a header with no rows', HEADER + '\n', /no data rows/],
    ['missing required columns', 'appointment_id,patient_id,appt_dt,tfc\nA1,P1,2025-04-01,110\n', /Required columns missing: appointment_date, attendance_status.*"appt_dt"/s],
    ['an Excel workbook', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), /Excel workbook/],
    ['a UTF-16 file', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(HEADER, 'utf16le')]), /UTF-16/],
    ['a file with no separator', 'just some text\nmore text\n', /separator/],
    // The title is skipped: the message names the headers below it, not the title.
    ['a PAS report whose headers below its title need a mapping', 'Outpatient Attendance Report\r\n\r\nAppt No,Hospital Number\r\nOP1,H1\r\n', /Headers found: "Appt No", "Hospital Number"\./],
    ['a file where no row is valid', [HEADER, 'A1,P1,13/13/2025,110,5,1,34,1,A,,S', 'A2,P2,14/13/2025,110,5,1,34,1,A,,S'].join('\n'), /None of the 2 rows.*appointment_date/],
  ];
  for (const [what, content, message] of refusals) {
    it(`refuses ${what} with a message and leaves the database unchanged`, async () => {
      await load('ok.csv', [HEADER, 'A0,P0,2025-04-01,110,5,1,34,1,A,,S'].join('\n'));
      const before = await snapshot();
      const summary = await load('bad.csv', content);
      expect(summary.status).toBe('rejected');
      expect(summary.fileError).toMatch(message);
      expect(await snapshot()).toEqual(before);
    });
  }

  it('refuses a file over the size limit', async () => {
    const path = writeFixture(dir, 'big.csv', HEADER + '\n' + 'A1,P1,2025-04-01,110,5,1,34,1,A,,S\n'.repeat(100));
    const summary = await ingestFile(db, { path, dataset: 'outpatients' }, { ...OPTIONS, maxBytes: 1000 });
    expect(summary.fileError).toMatch(/limit is/);
  });
});

describe('encodings, delimiters and headers', () => {
  it('reads a header row longer than 64 KB to its end and loads the rows after it', async () => {
    // A wide export: the dataset's columns, then 3,500 more (about 80 KB of header).
    const extra = Array.from({ length: 3500 }, (_, i) => `local_extra_field_${String(i).padStart(4, '0')}`);
    const header = [HEADER, ...extra].join(',');
    expect(header.length).toBeGreaterThan(70 * 1024);
    const row = (id: string, day: string) => ['A' + id, 'P' + id, day, '110', '5', '1', '34', '1', 'A', '', 'S', ...extra.map(() => 'x')].join(',');
    const summary = await load('wide.csv', [header, row('1', '2025-04-01'), row('2', '2025-04-02')].join('\n') + '\n');
    expect(summary).toMatchObject({ status: 'loaded', rowsRead: 2, rowsLoaded: 2, rowsQuarantined: 0, fileError: null });
    expect(summary.columnMapping).toMatchObject({ appointment_id: 'appointment_id', site_code: 'site_code' });
    expect(await db.all(`SELECT appointment_id, appointment_date::VARCHAR AS d FROM outpatients ORDER BY source_row`)).toEqual([
      { appointment_id: 'A1', d: '2025-04-01' },
      { appointment_id: 'A2', d: '2025-04-02' },
    ]);
  });

  it('refuses a file whose first line is longer than 1 MiB, asking whether it is a CSV', async () => {
    const before = await snapshot();
    const summary = await load('one-line.csv', `${HEADER},${'x'.repeat(MAX_HEADER_BYTES)}\nA1,P1,2025-04-01,110,5,1,34,1,A,,S\n`);
    expect(summary).toMatchObject({ status: 'rejected', fileError: fileMessages.headerTooLong(MAX_HEADER_BYTES) });
    expect(summary.fileError).toMatch(/^The header row is longer than 1 MB .* — is this a CSV\?/);
    expect(await snapshot()).toEqual(before);
    // A header of exactly the cap is still read.
    const wide = `${HEADER},${'y'.repeat(MAX_HEADER_BYTES - HEADER.length - 1)}`;
    expect(Buffer.byteLength(wide)).toBe(MAX_HEADER_BYTES);
    expect(await load('at-the-cap.csv', `${wide}\nA1,P1,2025-04-01,110,5,1,34,1,A,,S,y\n`)).toMatchObject({ status: 'loaded', rowsLoaded: 1 });
  });

  it('loads Windows-1252 with £, accents and curly quotes intact', async () => {
    const text = `${HEADER}\nA1,P1,2025-04-01,110,5,1,34,1,A,,Caf\xe9 \xa3 St Mary\x92s\n`;
    const summary = await load('cp1252.csv', Buffer.from(text, 'latin1'));
    expect(summary).toMatchObject({ status: 'loaded', encoding: 'windows-1252' });
    const [row] = await db.all<{ site: string }>(`SELECT site_code AS site FROM outpatients`);
    expect(row.site).toBe('Café £ St Mary’s');
  });

  it('loads UTF-8 with a byte-order mark, semicolons and quoted separators', async () => {
    const text = '\uFEFF' + HEADER.replaceAll(',', ';') + '\nA1;P1;2025-04-01;110;5;1;34;1;A;;"Ward 1; North"\n';
    const summary = await load('semi.csv', text);
    expect(summary).toMatchObject({ status: 'loaded', delimiter: ';', rowsLoaded: 1 });
    expect((await db.all<{ s: string }>(`SELECT site_code AS s FROM outpatients`))[0].s).toBe('Ward 1; North');
  });

  it('matches headers by alias, case and punctuation, and honours an explicit mapping', async () => {
    const csv = ['Appt ID,PATIENT,Appt. Date,T.F.C.,Outcome Status,My Ethnicity', 'A1,P1,2025-04-01,110,5,H'].join('\n');
    const summary = await load('alias.csv', csv, 'outpatients', { mapping: { ethnic_category: 'My Ethnicity' } });
    expect(summary.columnMapping).toMatchObject({ appointment_id: 'Appt ID', patient_id: 'PATIENT', appointment_date: 'Appt. Date', treatment_function_code: 'T.F.C.', attendance_status: 'Outcome Status', ethnic_category: 'My Ethnicity' });
    expect(summary.rowsLoaded).toBe(1);
  });

  it('skips a report title block above the header, counting it, and numbers rows from the top of the file', async () => {
    // No blank or rejected line after the header: the row numbers come from the row ids alone.
    const csv = ['Outpatient Activity Report', 'Run date: 01/12/2026', '', HEADER, 'A1,P1,2025-04-01,110,5,1,34,1,A,,S', 'A2,P2,31/02/2025,110,5,1,34,1,A,,S', 'A3,P3,2025-04-03,110,3,1,34,1,A,,S'].join('\n');
    const summary = await load('report.csv', csv);
    expect(summary).toMatchObject({ status: 'loaded', rowsRead: 3, rowsLoaded: 2, rowsQuarantined: 1, skippedLines: { preamble: 3, blank: 0, footer: 0 } });
    expect(summary.errors).toEqual([expect.objectContaining({ row: 6, column: 'appointment_date' })]);
    expect(await db.all(`SELECT appointment_id AS id, source_row AS row FROM outpatients ORDER BY row`)).toEqual([{ id: 'A1', row: 5 }, { id: 'A3', row: 7 }]);
  });

  it('skips a title block as Excel writes it, with a comma for each empty cell', async () => {
    const commas = ','.repeat(10);
    const csv = [`Outpatient Activity Report${commas}`, `Run date: 01/12/2026${commas}`, commas, HEADER, 'A1,P1,2025-04-01,110,5,1,34,1,A,,S', commas, 'A2,P2,2025-04-02,110,5,1,34,1,A,,S'].join('\r\n');
    const summary = await load('excel-report.csv', csv);
    expect(summary).toMatchObject({ status: 'loaded', rowsRead: 2, rowsLoaded: 2, skippedLines: { preamble: 3, blank: 1, footer: 0 } });
    expect(await db.all(`SELECT appointment_id AS id, source_row AS row FROM outpatients ORDER BY row`)).toEqual([{ id: 'A1', row: 5 }, { id: 'A2', row: 7 }]);
  });

  it('keeps the first line as the header when it is one, even if a data value looks like a header name', async () => {
    const csv = ['Ref,Who,When,Spec,Outcome', 'appointment_id,patient_id,2025-04-01,110,5'].join('\n');
    const summary = await load('first-line.csv', csv, 'outpatients', { mapping: { appointment_id: 'Ref', patient_id: 'Who', appointment_date: 'When', treatment_function_code: 'Spec', attendance_status: 'Outcome' } });
    expect(summary).toMatchObject({ status: 'loaded', rowsRead: 1, skippedLines: { preamble: 0 } });
  });
});

describe('idempotence and replacement', () => {
  const csv = [HEADER, 'A1,P1,2025-04-01,110,5,1,34,1,A,,S'].join('\n');

  it('reports the same file loaded twice as a duplicate and changes nothing', async () => {
    const first = await load('a.csv', csv);
    const before = await snapshot();
    const second = await load('b.csv', csv);
    expect(second).toMatchObject({ status: 'duplicate', extractId: first.extractId });
    expect(await snapshot()).toEqual(before);
  });

  it('swaps an extract for its replacement in one step', async () => {
    const first = await load('a.csv', csv);
    const corrected = [HEADER, 'A1,P1,2025-04-01,110,3,1,34,1,A,,S', 'A2,P2,2025-04-01,110,5,1,34,1,A,,S'].join('\n');
    const second = await load('b.csv', corrected, 'outpatients', { replace: first.extractId! });
    expect(second).toMatchObject({ status: 'loaded', rowsLoaded: 2, replaced: first.extractId });
    expect(await db.all(`SELECT appointment_id AS id, attendance_status AS s, extract_id = '${second.extractId}' AS mine FROM outpatients ORDER BY 1`)).toEqual([
      { id: 'A1', s: '3', mine: true },
      { id: 'A2', s: '5', mine: true },
    ]);
    expect(await db.all(`SELECT status FROM extracts WHERE id = ?`, [first.extractId!])).toEqual([{ status: 'replaced' }]);
  });

  it('refuses to replace an extract that does not exist, leaving the data as it was', async () => {
    await load('a.csv', csv);
    const before = await snapshot();
    const summary = await load('b.csv', csv.replace('A1', 'B1'), 'outpatients', { replace: 'outpatients-00000000' });
    expect(summary.fileError).toMatch(/no loaded extract outpatients-00000000/);
    expect(await snapshot()).toEqual(before);
  });
});
