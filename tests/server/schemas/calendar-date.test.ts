import { describe, expect, it } from 'vitest';
import { calendarDateProblem, isoDate } from '../../../server/schemas/calendar-date.ts';

describe('a date in a request', () => {
  it.each([
    ['2025-02-30', '2025-02-30 is not a date: February 2025 has 28 days'],
    ['2023-02-29', '2023-02-29 is not a date: February 2023 has 28 days'],
    ['1900-02-29', '1900-02-29 is not a date: February 1900 has 28 days'],
    ['2025-04-31', '2025-04-31 is not a date: April 2025 has 30 days'],
    ['2025-01-00', '2025-01-00 is not a date: January 2025 has 31 days'],
    ['2025-13-01', '2025-13-01 is not a date: the month must be 01 to 12'],
    ['2025-00-10', '2025-00-10 is not a date: the month must be 01 to 12'],
    ['0000-01-01', '0000-01-01 is out of range: a date from 1900-01-01 to 2100-12-31'],
    ['1899-12-31', '1899-12-31 is out of range: a date from 1900-01-01 to 2100-12-31'],
    ['2101-01-01', '2101-01-01 is out of range: a date from 1900-01-01 to 2100-12-31'],
    ['9999-12-31', '9999-12-31 is out of range: a date from 1900-01-01 to 2100-12-31'],
  ])('refuses %s, saying why', (text, message) => {
    expect(calendarDateProblem(text)).toBe(message);
    const parsed = isoDate.safeParse(text);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toEqual([message]);
  });

  it.each(['2025-4-1', '01/04/2025', '+2025-01-01', '2025-04-01T00:00', ' 2025-04-01', '２０２５-04-01', ''])('refuses %j as not YYYY-MM-DD, with one message', (text) => {
    expect(isoDate.safeParse(text).error?.issues.map((i) => i.message)).toEqual(['a date as YYYY-MM-DD, such as 2025-04-01']);
  });

  it('takes real days, leap days included, from 1900-01-01 to 2100-12-31', () => {
    for (const text of ['1900-01-01', '2000-02-29', '2024-02-29', '2025-04-30', '2025-12-31', '2100-12-31']) {
      expect(isoDate.parse(text), text).toBe(text);
    }
  });
});
