import { describe, expect, it } from 'vitest';
import { findDataset } from '../../../core/datasets/index.ts';
import { matchHeaders } from '../../../pipelines/ingest/match-headers.ts';
import { FileRefusal } from '../../../pipelines/ingest/inspect-file.ts';

const outpatients = findDataset('outpatients')!;
const ae = findDataset('ae_attendances')!;

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof FileRefusal) return error.message;
    throw error;
  }
  throw new Error('the headers were accepted');
}

describe('the closest headers offered for a missing column', () => {
  it('never offers a time for an identifier', () => {
    const message = refusal(() => matchHeaders(outpatients, ['Appointment_Time', 'patient_id', 'appointment_date', 'tfc', 'attendance_status']));
    expect(message).toMatch(/^Required column missing: appointment_id\./);
    expect(message).not.toMatch(/Closest headers/);
  });

  it('never offers one header for two columns, nor a header another column claims by name', () => {
    const message = refusal(() => matchHeaders(outpatients, ['Appt', 'Pat', 'appointment_date', 'tfc', 'attendance_status', 'Appointment_Identifer']));
    expect(message).toMatch(/Required columns missing: appointment_id, patient_id\./);
    expect(message).toContain('"Appointment_Identifer" (for appointment_id?)');
    expect(message.match(/Appointment_Identifer" \(for/g)).toHaveLength(1);
    expect(message).not.toMatch(/"appointment_date" \(for/);
  });
});

describe('the closest headers of a local PAS report', () => {
  it('offers each header to the column it resembles most, and never a header whose words say another kind of value', () => {
    const message = refusal(() => matchHeaders(outpatients, ['Appt No', 'Hospital Number', 'Patient Name', 'Appt Date/Time', 'Clinic Name', 'Specialty', 'Appt Type', 'Attendance', 'Sex']));
    expect(message).toContain('"Appt No" (for appointment_id?), "Appt Date/Time" (for appointment_date?), "Specialty" (for treatment_function_code?), "Attendance" (for attendance_status?)');
    // "Attendance" is close to attendance_id but names no identifier; "Clinic Name" is close to clinic_date but is a name.
    expect(message).not.toMatch(/"Attendance" \(for appointment_id\?\)|"Clinic Name" \(for/);
  });
});

describe('choosing between headers', () => {
  it('prefers the 2021 LSOA over the 2011 one, whichever comes first, and says so', () => {
    const plan = matchHeaders(outpatients, ['OPA_Ident', 'Der_Pseudo_NHS_Number', 'Appointment_Date', 'Treatment_Function_Code', 'Attendance_Status', 'Der_Postcode_LSOA_2011_Code', 'Der_Postcode_LSOA_2021_Code']);
    expect(plan.match.get('lsoa_code')).toBe(6);
    expect(plan.notes).toEqual([expect.stringMatching(/^lsoa_code: read from "Der_Postcode_LSOA_2021_Code"; "Der_Postcode_LSOA_2011_Code" could also fill it/)]);
  });

  it('never reads a date header alone as a date-time: it combines the date and time pair', () => {
    const plan = matchHeaders(ae, ['EC_Ident', 'Der_Pseudo_NHS_Number', 'Arrival_Date', 'Arrival_Time']);
    expect(plan.match.get('arrival_datetime')).toBe(2);
    expect(plan.times.get('arrival_datetime')).toBe(3);
    expect(() => matchHeaders(ae, ['EC_Ident', 'Der_Pseudo_NHS_Number', 'Arrival_Date'])).toThrow(/Required column missing: arrival_datetime/);
  });

  it('takes a single date-time header over a split pair', () => {
    const plan = matchHeaders(ae, ['EC_Ident', 'Der_Pseudo_NHS_Number', 'Arrival_Date', 'Arrival_Time', 'Der_EC_Arrival_Date_Time']);
    expect(plan.match.get('arrival_datetime')).toBe(4);
    expect(plan.times.has('arrival_datetime')).toBe(false);
  });

  it('reads a departure given only as minutes after arrival (HES A&E DEPDUR), and only when nothing holds it as a date-time', () => {
    const hes = matchHeaders(ae, ['AEKEY', 'TOKEN_PERSON_ID', 'ARRIVALDATE', 'ARRIVALTIME', 'DEPTIME', 'DEPDUR']);
    expect(hes.match.get('departure_datetime')).toBe(5);
    expect(hes.after?.get('departure_datetime')).toBe('arrival_datetime');
    expect(hes.notes).toContain('departure_datetime: arrival_datetime plus the minutes in "DEPDUR".');
    const ecds = matchHeaders(ae, ['EC_Ident', 'Der_Pseudo_NHS_Number', 'Der_EC_Arrival_Date_Time', 'EC_Departure_Time_Since_Arrival', 'Der_EC_Departure_Date_Time']);
    expect(ecds.match.get('departure_datetime')).toBe(4);
    expect(ecds.after?.has('departure_datetime') ?? false).toBe(false);
  });

  it('follows a mapping that builds a column from a date and a time, with a vocabulary for another', () => {
    const plan = matchHeaders(ae, ['Ref', 'Pt', 'ArrDt', 'ArrTm', 'Disposal'], {
      attendance_id: 'Ref', patient_id: 'Pt', arrival_datetime: { date: 'ArrDt', time: 'ArrTm' }, admitted: { from: 'Disposal', values: { Ward: 'Y' } },
    });
    expect([plan.match.get('arrival_datetime'), plan.times.get('arrival_datetime')]).toEqual([2, 3]);
    expect(plan.values.get('admitted')).toEqual({ Ward: 'Y' });
  });
});
