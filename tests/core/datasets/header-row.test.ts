import { describe, expect, it } from 'vitest';
import { knownHeaders, parseHead } from '../../../core/datasets/header-row.ts';
import outpatients from '../../../core/datasets/outpatients.ts';

const known = knownHeaders(outpatients);
const HEADER = 'appointment_id,patient_id,appointment_date,treatment_function_code,attendance_status';
const ROW = 'A1,P1,2025-04-01,110,5';

describe('finding the header row', () => {
  it('takes the first line of a plain extract, with no preamble', () => {
    expect(parseHead([HEADER, ROW].join('\n'), known)).toMatchObject({ preamble: 0, delimiter: ',', headers: HEADER.split(',') });
  });

  it('skips a report title, run date and blank line, counting them, and finds the separator from the header on', () => {
    const text = ['Outpatient Activity Report', 'Run date: 01/12/2026', '', HEADER.replaceAll(',', ';'), ROW.replaceAll(',', ';')].join('\r\n');
    expect(parseHead(text, known)).toMatchObject({ preamble: 3, delimiter: ';', headers: HEADER.split(','), rows: [ROW.split(',')] });
  });

  it('skips a title line with a comma in it when a later line names the columns', () => {
    const text = ['Outpatient Activity Report, April 2025', 'Site: Main, Period: Q1', HEADER, ROW].join('\n');
    expect(parseHead(text, known).preamble).toBe(2);
  });

  it('takes Excel’s title cells, written with a comma for each empty cell, for a title, not a header', () => {
    const text = ['Outpatient Activity Report,,,,', 'Run date: 01/12/2026,,,,', ',,,,', 'Ref,Who,When,Spec,Outcome', 'A1,P1,2025-04-01,110,5'].join('\r\n');
    expect(parseHead(text, known)).toMatchObject({ preamble: 3, headers: ['Ref', 'Who', 'When', 'Spec', 'Outcome'] });
    expect(parseHead(text.replace('Ref,Who', 'appointment_id,patient_id'), known).preamble).toBe(3);
  });

  it('with headers it does not know, takes the first line two fields wide that the next row matches', () => {
    const text = ['Weekly clinic list', 'Ref,Who,When', 'A1,P1,2025-04-01'].join('\n');
    expect(parseHead(text, known)).toMatchObject({ preamble: 1, headers: ['Ref', 'Who', 'When'] });
  });

  it('counts the mapping’s headers as known', () => {
    const text = ['Report', 'Ref,Who,When,Spec,Outcome', 'A1,P1,2025-04-01,110,5'].join('\n');
    const mapped = knownHeaders(outpatients, { appointment_id: 'Ref', patient_id: 'Who', appointment_date: { date: 'When', time: 'At' } });
    expect(mapped.has('ref') && mapped.has('who') && mapped.has('when') && mapped.has('at')).toBe(true);
    expect(parseHead(text, mapped).preamble).toBe(1);
  });

  it('looks no further than 20 lines down', () => {
    const title = Array.from({ length: 21 }, (_, i) => `Note ${i}`);
    expect(parseHead([...title, HEADER, ROW].join('\n'), known).headers).not.toEqual(HEADER.split(','));
    expect(parseHead([...title.slice(1), HEADER, ROW].join('\n'), known).preamble).toBe(20);
  });
});
