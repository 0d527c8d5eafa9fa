import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../web/src/lib/csv.ts';

describe('CSV for downloads', () => {
  it('quotes a text cell a spreadsheet would run as a formula', () => {
    for (const text of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd']) {
      expect(csvCell(text).replace(/^"|"$/g, '').startsWith("'"), JSON.stringify(text)).toBe(true);
    }
    expect(csvCell('=1+1')).toBe("'=1+1");
  });

  it('keeps numbers as numbers, negative ones included, and text that only looks like a number', () => {
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell('-1.5')).toBe('-1.5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('true');
  });

  it('escapes commas, quotes and line breaks, and ends rows with CRLF', () => {
    expect(toCsv({ headers: ['label', 'value'], rows: [['Asian or Asian British, Indian', 10.5], ['He said "no"', null]] }))
      .toBe('label,value\r\n"Asian or Asian British, Indian",10.5\r\n"He said ""no""",\r\n');
  });
});
