import { describe, expect, it } from 'vitest';
import outpatients from '../../../../core/datasets/outpatients.ts';
import { findDataset } from '../../../../core/datasets/index.ts';
import { mappingForServer, missingRequired, proposeMapping, proposeTimes, sharedHeaders, timeBeside, unmatchedHeaders } from '../../../../web/src/pages/upload/match-columns.ts';

const headers = ['Appointment ID', 'NHS Pseudo ID', 'Appt Date', 'TFC', 'Attendance Status', 'First or Follow Up', 'Age', 'Sex', 'Ethnicity', 'LSOA', 'Site'];

describe('proposeMapping', () => {
  it('matches every header of the messy extract by name or alias, ignoring case and punctuation', () => {
    const mapping = proposeMapping(outpatients.columns, headers);
    expect(mapping).toEqual({
      appointment_id: 'Appointment ID',
      patient_id: 'NHS Pseudo ID',
      appointment_date: 'Appt Date',
      treatment_function_code: 'TFC',
      attendance_status: 'Attendance Status',
      first_attendance: 'First or Follow Up',
      age: 'Age',
      sex: 'Sex',
      ethnic_category: 'Ethnicity',
      lsoa_code: 'LSOA',
      imd_decile: null,
      site_code: 'Site',
    });
    expect(unmatchedHeaders(headers, mapping)).toEqual([]);
    expect(missingRequired(outpatients.columns, mapping)).toEqual([]);
  });

  it('applies a saved mapping first, and the aliases cannot take a header the mapping used', () => {
    const own = ['Ref', 'Pseudo', 'When', 'Spec', 'Outcome', 'Appt ID'];
    const mapping = proposeMapping(outpatients.columns, own, { appointment_id: 'Ref', patient_id: 'pseudo', appointment_date: 'When', treatment_function_code: 'Spec', attendance_status: 'Outcome' });
    expect(mapping).toMatchObject({ appointment_id: 'Ref', patient_id: 'Pseudo', appointment_date: 'When' });
    expect(unmatchedHeaders(own, mapping)).toEqual(['Appt ID']);
  });

  it('names required columns with no header, and a header chosen twice', () => {
    const mapping = proposeMapping(outpatients.columns, ['Appt. Date', 'Patient']);
    expect(missingRequired(outpatients.columns, mapping)).toEqual(['appointment_id', 'treatment_function_code', 'attendance_status']);
    expect(sharedHeaders({ ...mapping, site_code: 'Patient' })).toEqual(new Map([['Patient', ['patient_id', 'site_code']]]));
  });
});

describe('a date-time whose date and time are in separate columns', () => {
  const ae = findDataset('ae_attendances')!;
  const columns = ae.columns;

  it('combines a declared pair by itself, as the server does', () => {
    const headers = ['EC_Ident', 'Der_Pseudo_NHS_Number', 'Arrival_Date', 'Arrival_Time', 'EC_Departure_Date', 'EC_Departure_Time'];
    const mapping = proposeMapping(columns, headers);
    const times = proposeTimes(columns, headers, mapping);
    expect([mapping.arrival_datetime, times.arrival_datetime]).toEqual(['Arrival_Date', 'Arrival_Time']);
    expect([mapping.departure_datetime, times.departure_datetime]).toEqual(['EC_Departure_Date', 'EC_Departure_Time']);
    expect(unmatchedHeaders(headers, mapping, times)).toEqual([]);
    expect(mappingForServer(mapping, times)).toMatchObject({ arrival_datetime: { date: 'Arrival_Date', time: 'Arrival_Time' } });
  });

  it('offers the time header beside a date header chosen by hand, and never a header that says time for a date', () => {
    expect(timeBeside('Seen Date', ['Ref', 'Seen Date', 'Seen Time'])).toBe('Seen Time');
    expect(timeBeside('Seen_Date_Time', ['Seen_Date_Time', 'Seen_Time_Time'])).toBeNull();
    expect(timeBeside('Seen Date', ['Ref', 'Seen Date'])).toBeNull();
  });

  it('keeps a saved date + time and a saved vocabulary when sending the mapping', () => {
    const headers = ['Ref', 'Pt', 'Day', 'Clock', 'Outcome'];
    const saved = { attendance_id: 'Ref', patient_id: 'Pt', arrival_datetime: { date: 'Day', time: 'Clock' }, admitted: { from: 'Outcome', values: { Ward: 'Y' } } };
    const mapping = proposeMapping(columns, headers, saved);
    const times = proposeTimes(columns, headers, mapping, saved);
    expect(mappingForServer(mapping, times, saved)).toEqual(saved);
  });
});
