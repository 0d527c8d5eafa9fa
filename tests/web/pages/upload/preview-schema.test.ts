import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import outpatients from '../../../../core/datasets/outpatients.ts';
import { decodeHead } from '../../../../web/src/pages/upload/decode.ts';
import { proposeMapping, type MatchableColumn } from '../../../../web/src/pages/upload/match-columns.ts';
import { parsePreview } from '../../../../web/src/pages/upload/parse-preview.ts';
import { checkPreview, checkValue, parseDate, type CheckableColumn } from '../../../../web/src/pages/upload/preview-schema.ts';

const today = new Date(Date.UTC(2026, 0, 15));
const columns: (CheckableColumn & MatchableColumn)[] = outpatients.columns.map((c) => ({ ...c, codes: c.codes ?? null, min: c.min ?? null, max: c.max ?? null }));
const column = (name: string) => columns.find((c) => c.name === name)!;

describe('parseDate', () => {
  it('reads ISO, UK day-first and ISO date-times, never month first', () => {
    expect(parseDate('2025-04-01', today)?.toISOString()).toBe('2025-04-01T00:00:00.000Z');
    expect(parseDate('01/04/2025', today)?.toISOString()).toBe('2025-04-01T00:00:00.000Z');
    expect(parseDate('1/4/2025', today)?.toISOString()).toBe('2025-04-01T00:00:00.000Z');
    // Month names, as PAS reports (Oracle DD-MON-YY) and Excel write them; read as the server reads them.
    expect(parseDate('01-APR-25', today)?.toISOString()).toBe('2025-04-01T00:00:00.000Z');
    expect(parseDate('01-Apr-2025 14:35', today)?.toISOString()).toBe('2025-04-01T14:35:00.000Z');
    expect(parseDate('1 April 2025', today)?.toISOString()).toBe('2025-04-01T00:00:00.000Z');
    expect(parseDate('31-Feb-2025', today)).toBeNull();
    expect(parseDate('01-April-2025', today)).toBeNull();
    expect(parseDate('1 Apr 25', today)).toBeNull();
    expect(parseDate('2025-04-01T09:30:00.000Z', today)?.toISOString()).toBe('2025-04-01T09:30:00.000Z');
    expect(parseDate('12/31/2025', today)).toBeNull();
  });

  it('refuses impossible dates and dates outside 1900 to a year from today', () => {
    expect(parseDate('31/02/2025', today)).toBeNull();
    expect(parseDate('2025-13-01', today)).toBeNull();
    expect(parseDate('1899-12-31', today)).toBeNull();
    expect(parseDate('2027-01-15', today)).toBeNull();
    expect(parseDate('2027-01-14', today)).not.toBeNull();
  });
});

describe('checkValue', () => {
  it('accepts code words the server accepts (DNA, Was not brought, Seen) and refuses others', () => {
    for (const word of ['3', 'DNA', 'Was not brought', 'seen', 'Cancelled by hospital']) expect(checkValue(column('attendance_status'), word)).toBeNull();
    expect(checkValue(column('attendance_status'), 'Rescheduled')).toMatchObject({ severity: 'quarantine', message: "'Rescheduled' is not one of the allowed codes" });
  });

  it('accepts a code written with its description, as the server reads it, but not a description alone that names no code', () => {
    for (const v of ['5 - Attended on time', '3: Did not attend', 'DNA - no advance warning']) expect(checkValue(column('attendance_status'), v)).toBeNull();
    expect(checkValue(column('ethnic_category'), 'A - White British')).toBeNull();
    expect(checkValue(column('sex'), '1 - Male')).toBeNull();
    expect(checkValue(column('attendance_status'), '8 - Rescheduled')).toMatchObject({ severity: 'quarantine' });
  });

  it('quarantines a missing required value and keeps an unreadable optional one', () => {
    expect(checkValue(column('patient_id'), '   ')).toMatchObject({ severity: 'quarantine', message: 'missing (required)' });
    expect(checkValue(column('age'), '130')).toEqual({ value: '130', message: "'130' is not a whole number in the allowed range", severity: 'kept', note: 'value stored blank, counted' });
    expect(checkValue(column('age'), '45.0')).toBeNull();
    expect(checkValue(column('ethnic_category'), 'Mixed race')).toMatchObject({ severity: 'kept', message: "'Mixed race' is not an NHS ethnic category", note: 'value kept as written, counted as invalid' });
    expect(checkValue(column('ethnic_category'), 'Prefer not to say')).toBeNull();
    expect(checkValue(column('sex'), 'Woman')).toBeNull();
  });
});

describe('checkPreview', () => {
  it('finds the same 13 quarantined lines in the messy extract as the server does', () => {
    const preview = parsePreview(decodeHead(new Uint8Array(readFileSync('sample-data/messy/outpatients-messy.csv')), false), 100);
    const mapping = proposeMapping(columns, preview.headers);
    const check = checkPreview(columns, outpatients.key, preview, mapping, today);
    expect(check.quarantined).toEqual([12, 13, 14, 15, 22, 23, 24, 25, 26, 32, 34, 36, 44]);
    expect(check.problems).toContainEqual({ line: 32, column: 'appointment_id', value: 'OPX-10010', message: 'duplicate of row 11 in this file', severity: 'quarantine' });
    const kept = check.problems.filter((p) => p.severity === 'kept');
    const count = (name: string) => kept.filter((p) => p.column === name).length;
    // The server counts 3 LSOA findings, one of them a well-formed code no IMD table knows; the browser sees the 2 malformed
    // (the Welsh W01 area is outside England, not invalid).
    expect({ age: count('age'), sex: count('sex'), ethnic: count('ethnic_category'), first: count('first_attendance'), lsoa: count('lsoa_code') })
      .toEqual({ age: 4, sex: 1, ethnic: 1, first: 1, lsoa: 2 });
  });

  it('quarantines a line whose field count differs from the header', () => {
    const preview = parsePreview({ text: 'appointment_id,patient_id,appointment_date,treatment_function_code,attendance_status\nA1,P1,2025-04-01,110,5\nA2,P2,2025-04-01\n', encoding: 'utf-8', hadBom: false, truncated: false });
    const check = checkPreview(columns, outpatients.key, preview, proposeMapping(columns, preview.headers), today);
    expect(check.problems).toEqual([{ line: 3, column: 'row', value: '', message: 'has 3 fields; the header has 5', severity: 'quarantine' }]);
    expect(check.quarantined).toEqual([3]);
  });
});

describe('the national and local vocabularies, checked as the server reads them', () => {
  it('reads specialty names and "110 - Trauma & Orthopaedics" as treatment functions, and refuses an unknown name', () => {
    const tfc = column('treatment_function_code');
    expect(checkValue(tfc, 'Trauma & Orthopaedics', today)).toBeNull();
    expect(checkValue(tfc, '110 - Trauma & Orthopaedics', today)).toBeNull();
    expect(checkValue(tfc, 'Dermatology', today)).toBeNull();
    expect(checkValue(tfc, 'Orthopaedics', today)).toMatchObject({ severity: 'quarantine' });
  });

  it('treats NULL, - and & as missing, never as a value to refuse', () => {
    expect(checkValue(column('age'), 'NULL', today)).toBeNull();
    expect(checkValue(column('ethnic_category'), '-', today)).toBeNull();
    expect(checkValue(column('appointment_id'), 'NULL', today)).toMatchObject({ message: 'missing (required)', severity: 'quarantine' });
  });

  it('reads HES dates, infant ages, ethnicity X and local codes, Not Specified and areas outside England', () => {
    expect(checkValue(column('appointment_date'), '20250401', today)).toBeNull();
    expect(checkValue(column('age'), '7003', today)).toBeNull();
    for (const v of ['X', 'A1', 'White: Roma']) expect(checkValue(column('ethnic_category'), v, today)).toBeNull();
    expect(checkValue(column('sex'), 'Not Specified', today)).toBeNull();
    expect(checkValue(column('lsoa_code'), 'W01000012', today)).toBeNull();
  });

  it('checks a date + time column on the combined value', () => {
    const headers = ['attendance_id', 'patient_id', 'Arrival_Date', 'Arrival_Time'];
    const preview = { headers, rows: [['A1', 'P1', '2025-05-01', '14:35:00.0000000'], ['A2', 'P2', '2025-05-01', '25:99']], lines: [2, 3], ragged: [] };
    const ae = [
      { name: 'attendance_id', kind: 'id', required: true, codes: null, min: null, max: null },
      { name: 'patient_id', kind: 'id', required: true, codes: null, min: null, max: null },
      { name: 'arrival_datetime', kind: 'datetime', required: true, codes: null, min: null, max: null },
    ];
    const check = checkPreview(ae, ['attendance_id'], preview, { attendance_id: 'attendance_id', patient_id: 'patient_id', arrival_datetime: 'Arrival_Date' }, today, { arrival_datetime: 'Arrival_Time' });
    expect(check.quarantined).toEqual([3]);
  });
});
