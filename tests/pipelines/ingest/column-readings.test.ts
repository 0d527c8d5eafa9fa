import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import { ingestFile } from '../../../pipelines/ingest/ingest.ts';
import { tempDatabase, writeFixture } from '../../helpers/temp-db.ts';

const OPTIONS = { maxBytes: 10 * 1024 * 1024, chineseGroup: '2001' as const };
let db: Database;
let dir: string;
let cleanup: () => void;
beforeEach(async () => ({ db, dir, cleanup } = await tempDatabase()));
afterEach(() => cleanup());

describe('the upload result says how each column was read', () => {
  it('counts values read as written, recoded, missing and unreadable, for every declared column', async () => {
    const csv = [
      'Appt Ref,patient_id,appointment_date,tfc,attendance_status,Ethnicity,sex,age',
      'A1,P1,2025-04-01,110,5,A,1,34',
      'A2,P2,01/04/2025,110,Attended,White - British,Female,70',
      'A3,P3,2025-04-02,110,DNA,,M,',
      'A4,P4,2025-04-03,110,zzz,Q9,2,200',
      'A5,P5,31/02/2025,110,3,9,x,12.0',
    ].join('\n');
    const summary = await ingestFile(db, { path: writeFixture(dir, 'op.csv', csv), dataset: 'outpatients', mapping: { appointment_id: 'Appt Ref' } }, OPTIONS);
    expect(summary).toMatchObject({ status: 'loaded', rowsRead: 5, rowsLoaded: 3, rowsQuarantined: 2 });
    const reading = Object.fromEntries(summary.columns.map((c) => [c.column, c]));
    expect(reading.appointment_id).toEqual({ column: 'appointment_id', header: 'Appt Ref', recognised: 5, recoded: 0, missing: 0, unreadable: 0 });
    expect(reading.appointment_date).toMatchObject({ recognised: 3, recoded: 1, missing: 0, unreadable: 1 });
    expect(reading.attendance_status).toMatchObject({ recognised: 2, recoded: 2, missing: 0, unreadable: 1 });
    expect(reading.ethnic_category).toMatchObject({ header: 'Ethnicity', recognised: 1, recoded: 2, missing: 1, unreadable: 1 });
    expect(reading.sex).toMatchObject({ recognised: 2, recoded: 3, missing: 0, unreadable: 0 });
    expect(reading.age).toMatchObject({ recognised: 2, recoded: 1, missing: 1, unreadable: 1 });
    // A declared column the file does not have: every row missing.
    expect(reading.lsoa_code).toEqual({ column: 'lsoa_code', header: null, recognised: 0, recoded: 0, missing: 5, unreadable: 0 });
    for (const c of summary.columns) expect(c.recognised + c.recoded + c.missing + c.unreadable).toBe(5);
  });

  it('counts the "no value" words an export writes (NULL, -) as missing, not as recoded', async () => {
    const csv = [
      'appointment_id,patient_id,appointment_date,treatment_function_code,attendance_status,ethnic_category,sex,age',
      'A1,P1,2025-04-01,110,5,NULL,1,NULL',
      'A2,P2,2025-04-01,110,5,-,1,34',
      'A3,P3,2025-04-01,110,5,A,1,&',
    ].join('\n');
    const summary = await ingestFile(db, { path: writeFixture(dir, 'op.csv', csv), dataset: 'outpatients' }, OPTIONS);
    const reading = Object.fromEntries(summary.columns.map((c) => [c.column, c]));
    expect(reading.ethnic_category).toMatchObject({ recognised: 1, recoded: 0, missing: 2, unreadable: 0 });
    expect(reading.age).toMatchObject({ recognised: 1, recoded: 0, missing: 2, unreadable: 0 });
  });
});
