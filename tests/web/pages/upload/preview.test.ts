import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeHead, sniffBinary } from '../../../../web/src/pages/upload/decode.ts';
import { parsePreview } from '../../../../web/src/pages/upload/parse-preview.ts';

const bytes = (path: string) => new Uint8Array(readFileSync(path));

describe('decodeHead', () => {
  it('reads UTF-8 with a byte-order mark and drops the mark from the first header', () => {
    const head = decodeHead(bytes('sample-data/messy/outpatients-messy.csv'), false);
    expect(head).toMatchObject({ encoding: 'utf-8', hadBom: true });
    expect(head.text.startsWith('Appointment ID,')).toBe(true);
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8, keeping £, é, curly quotes and dashes', () => {
    const head = decodeHead(bytes('sample-data/messy/outpatients-messy-cp1252.csv'), false);
    expect(head.encoding).toBe('windows-1252');
    expect(head.text).toMatch(/£/);
    expect(head.text).toMatch(/é/);
    expect(head.text).toMatch(/’/);
    expect(head.text).toMatch(/–/);
  });

  it('does not mistake a head cut inside a multi-byte character for Windows-1252', () => {
    const all = new TextEncoder().encode('a,b\n£1,é2\n');
    const cut = all.subarray(0, all.indexOf(0xa3)); // inside "£" (C2 A3)
    expect(decodeHead(cut, true).encoding).toBe('utf-8');
  });
});

describe('sniffBinary', () => {
  it('recognises an Excel workbook, UTF-16 and binary data, and passes text', () => {
    expect(sniffBinary(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toBe('spreadsheet');
    expect(sniffBinary(new Uint8Array([0xff, 0xfe, 0x61, 0]))).toBe('utf16');
    expect(sniffBinary(new Uint8Array([0x61, 0, 0x62]))).toBe('binary');
    expect(sniffBinary(new TextEncoder().encode('a,b\n1,2\n'))).toBeNull();
  });
});

describe('parsePreview', () => {
  it('previews the first 20 rows of the messy extract with its headers and line numbers', () => {
    const preview = parsePreview(decodeHead(bytes('sample-data/messy/outpatients-messy.csv'), false));
    expect(preview.headers).toEqual(['Appointment ID', 'NHS Pseudo ID', 'Appt Date', 'TFC', 'Attendance Status', 'First or Follow Up', 'Age', 'Sex', 'Ethnicity', 'LSOA', 'Site']);
    expect(preview.rows).toHaveLength(20);
    expect(preview.lines[0]).toBe(2);
    expect(preview.rows[10][2]).toBe('31/02/2025'); // line 12
    expect(preview.delimiter).toBe(',');
    expect(preview.more).toBe(true);
  });

  it('skips a report title above the header, as the server does, and numbers rows from the top of the file', () => {
    const preview = parsePreview(decodeHead(bytes('tests/fixtures/real-layouts/pas-report-preamble.csv'), false));
    expect(preview.preamble).toBe(4);
    expect(preview.headers.slice(0, 3)).toEqual(['Appointment_Ref', 'Patient_ID', 'Appointment_Date']);
    expect(preview.rows[0][0]).toBe('RPT0000');
    expect(preview.lines[0]).toBe(6);
  });

  it('sniffs a semicolon separator and pads short rows', () => {
    const preview = parsePreview({ text: 'a;b;c\n1;2;3\n4;5\n', encoding: 'utf-8', hadBom: false, truncated: false });
    expect(preview.delimiter).toBe(';');
    expect(preview.rows).toEqual([['1', '2', '3'], ['4', '5', '']]);
    expect(preview.ragged).toEqual([{ line: 3, fields: 2 }]);
    expect(preview.more).toBe(false);
  });

  it('says there are more rows only when there are, and parses every row when asked', () => {
    const text = ['a,b', ...Array.from({ length: 20 }, (_, i) => `${i},x`)].join('\n');
    expect(parsePreview({ text, encoding: 'utf-8', hadBom: false, truncated: false }).more).toBe(false);
    expect(parsePreview({ text: `${text}\n20,x`, encoding: 'utf-8', hadBom: false, truncated: false }).more).toBe(true);
    const all = parsePreview(decodeHead(bytes('sample-data/messy/outpatients-messy.csv'), false), Infinity);
    expect(all.rows).toHaveLength(60);
    expect(all.lines.at(-1)).toBe(61);
    expect(all.more).toBe(false);
  });

  it('keeps whole lines only when the head was cut short', () => {
    const preview = parsePreview({ text: 'a,b\n1,2\n3,4\n5,', encoding: 'utf-8', hadBom: false, truncated: true });
    expect(preview.rows).toEqual([['1', '2'], ['3', '4']]);
  });
});
