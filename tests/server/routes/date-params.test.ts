// Every route that takes a date checks it against the calendar: an impossible date is a 400 that
// says what is wrong, never a 500 from the database or a quiet answer for another period.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarDateProblem } from '../../../server/schemas/calendar-date.ts';
import { testApp } from '../../helpers/test-app.ts';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

/** Each route with its other parameters; the date goes in `from` or `to`. */
const ROUTES = [
  '/api/audit?',
  '/api/audit.csv?',
  '/api/overview?',
  '/reports/annual?',
  '/api/reports/annual.csv?',
  '/api/reports/annual.pdf?',
  '/reports/board?',
  '/api/reports/board.pdf?',
  '/api/metrics/op-dna-rate/breakdown?by=sex&',
  '/api/metrics/op-dna-rate/breakdowns?by=sex,imd_quintile&',
  '/api/metrics/op-dna-rate/series?',
  '/api/completeness?',
  '/api/charts/op-dna-rate.svg?',
  '/api/charts/completeness.png?',
];
const IMPOSSIBLE = ['2025-02-30', '0000-01-01', '2023-02-29', '2025-13-01', '9999-12-31'];

describe('dates in requests', () => {
  it.each(ROUTES)('%s answers 400 with the reason for an impossible from or to', async (route) => {
    for (const date of IMPOSSIBLE) {
      for (const key of ['from', 'to']) {
        const response = await t.app.inject(`${route}${key}=${date}`);
        expect(response.statusCode, `${key}=${date}`).toBe(400);
        expect(response.json().error.message, `${key}=${date}`).toContain(`${key}: ${calendarDateProblem(date)}`);
      }
    }
  });

  it('POST /api/published answers 400 with the reason for an impossible from or to', async () => {
    for (const date of IMPOSSIBLE) {
      const response = await t.app.inject({ method: 'POST', url: '/api/published', payload: { metric: 'op-dna-rate', to: date } });
      expect(response.statusCode, date).toBe(400);
      expect(response.json().error.message, date).toContain(`to: ${calendarDateProblem(date)}`);
    }
  });

  it('takes a leap day', async () => {
    expect((await t.app.inject('/api/overview?from=2024-02-29&to=2024-03-31')).statusCode).toBe(200);
    expect((await t.app.inject('/api/audit?from=2024-02-29')).statusCode).toBe(200);
  });
});
