import { describe, expect, it } from 'vitest';
import outpatients from '../../../../core/datasets/outpatients.ts';
import { missingRequired, proposeMapping, sharedHeaders, unmatchedHeaders } from '../../../../web/src/pages/upload/match-columns.ts';

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
