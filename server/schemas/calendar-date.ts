// The one schema for a date in a request (`from`, `to` and the like): YYYY-MM-DD, a day that is on
// the calendar (30 February is not, 29 February only in a leap year), and a year Parity's data can
// have. Anything else is a 400 that says which of these was wrong, before the date reaches SQL.
import { z } from 'zod';

export const FIRST_DATE = '1900-01-01';
export const LAST_DATE = '2100-12-31';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
export const daysInMonth = (year: number, month: number) => (month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31);

/** What is wrong with a date as text, in words for a 400; null when it is a real date in range. */
export function calendarDateProblem(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return 'a date as YYYY-MM-DD, such as 2025-04-01';
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return `${text} is not a date: the month must be 01 to 12`;
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return `${text} is not a date: ${MONTHS[month - 1]} ${m[1]} has ${days} days`;
  if (text < FIRST_DATE || text > LAST_DATE) return `${text} is out of range: a date from ${FIRST_DATE} to ${LAST_DATE}`;
  return null;
}

/** A real calendar date, YYYY-MM-DD, from 1900-01-01 to 2100-12-31. */
export const isoDate = z.string().superRefine((text, ctx) => {
  const problem = calendarDateProblem(text);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
