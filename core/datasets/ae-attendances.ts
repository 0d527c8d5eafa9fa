import { defineDataset } from './dataset-schema.ts';
import { demographicColumns, patientId } from './demographics.ts';
import { ECDS_ADMISSION_DESTINATIONS, ECDS_DISCHARGE_DESTINATIONS } from '../codes/ecds-discharge-destination.ts';

export default defineDataset({
  id: 'ae_attendances',
  title: 'A&E attendances',
  description: 'One row per emergency care attendance.',
  grain: 'A&E attendance',
  key: ['attendance_id'],
  periodColumn: 'arrival_datetime',
  patientLevel: true,
  columns: [
    { name: 'attendance_id', kind: 'id', required: true, description: 'Attendance identifier.', aliases: ['ec_ident', 'aekey', 'ec_attendance_id', 'ae_attendance_id', 'attendance_number', 'attendance_ref'] },
    patientId,
    // A date alone is never taken for a date-time (every time would read 00:00): split headers are combined.
    {
      name: 'arrival_datetime', kind: 'datetime', required: true, description: 'Arrival date and time.',
      aliases: ['der_ec_arrival_date_time', 'arrival_date_time', 'ec_arrival_date_time', 'arrival'],
      dateTimePairs: [['arrival_date', 'arrival_time'], ['ec_arrival_date', 'ec_arrival_time'], ['arrdate', 'arrtime']],
    },
    {
      name: 'departure_datetime', kind: 'datetime', required: false, description: 'Departure date and time.',
      aliases: ['der_ec_departure_date_time', 'departure_date_time', 'ec_departure_date_time', 'departure', 'discharge_datetime'],
      dateTimePairs: [['ec_departure_date', 'ec_departure_time'], ['departure_date', 'departure_time'], ['depdate', 'deptime']],
      // HES A&E gives the departure as DEPTIME (no date) and DEPDUR, the minutes since arrival.
      minutesAfter: { column: 'arrival_datetime', headers: ['depdur', 'ec_departure_time_since_arrival', 'departure_time_since_arrival', 'minutes_to_departure'] },
    },
    {
      name: 'department_type',
      kind: 'code',
      required: false,
      description: 'Emergency care department type 01–05.',
      aliases: ['ec_department_type', 'aedepttype', 'dept_type', 'ae_department_type'],
      codes: [
        { code: '01', label: 'Type 1: consultant-led 24-hour' },
        { code: '02', label: 'Type 2: single specialty' },
        { code: '03', label: 'Type 3: other A&E / minor injury' },
        { code: '04', label: 'Type 4: NHS walk-in centre' },
        { code: '05', label: 'Type 5: urgent treatment centre' },
      ],
      synonyms: { '1': '01', '2': '02', '3': '03', '4': '04', '5': '05' },
    },
    // ECDS carries no admitted flag: without one, admission is told by where the patient went or a decision to admit.
    {
      name: 'admitted', kind: 'boolean', required: false, description: 'Admitted to hospital from A&E (Y/N); without the flag, told by the discharge destination or a decision to admit.',
      aliases: ['admitted_flag', 'admitted_yn', 'admission'],
      deriveWhenAbsent: { from: 'discharge_destination', trueCodes: ECDS_ADMISSION_DESTINATIONS, trueWhenGiven: ['decision_to_admit_datetime'] },
    },
    {
      name: 'discharge_destination',
      kind: 'code',
      required: false,
      description: 'Where the patient went on leaving the department: ECDS discharge destination (SNOMED CT).',
      aliases: ['discharge_destination_snomed_ct', 'ec_discharge_destination_snomed_ct', 'ec_discharge_destination', 'discharge_destination_code'],
      codes: ECDS_DISCHARGE_DESTINATIONS.map(({ code, label }) => ({ code, label })),
    },
    {
      name: 'decision_to_admit_datetime', kind: 'datetime', required: false, description: 'When the decision to admit was made (ECDS), if one was.',
      aliases: ['ec_decision_to_admit_date_time', 'der_ec_decision_to_admit_date_time', 'decision_to_admit_date_time', 'dta_datetime'],
      dateTimePairs: [['ec_decision_to_admit_date', 'ec_decision_to_admit_time'], ['decision_to_admit_date', 'decision_to_admit_time'], ['dta_date', 'dta_time']],
    },
    ...demographicColumns,
  ],
});
