import { defineDataset } from './dataset-schema.ts';
import { demographicColumns, patientId } from './demographics.ts';

export default defineDataset({
  id: 'outpatients',
  title: 'Outpatient appointments',
  description: 'One row per outpatient appointment, attended or not.',
  grain: 'appointment',
  key: ['appointment_id'],
  periodColumn: 'appointment_date',
  patientLevel: true,
  columns: [
    { name: 'appointment_id', kind: 'id', required: true, description: 'Appointment identifier.', aliases: ['appt_id', 'attendance_id', 'op_attendance_id', 'appointment_ref', 'appointment_number'] },
    patientId,
    { name: 'appointment_date', kind: 'date', required: true, description: 'Date of the appointment.', aliases: ['appt_date', 'attendance_date', 'clinic_date', 'date_of_appointment'] },
    { name: 'treatment_function_code', kind: 'treatment_function', required: true, description: 'Treatment function code (e.g. 110 Trauma & Orthopaedics).', aliases: ['tfc', 'treatment_function', 'specialty_code', 'main_specialty_code', 'treatment_specialty'] },
    {
      name: 'attendance_status',
      kind: 'code',
      required: true,
      description: 'Attended or did not attend: 5 attended on time, 6 late but seen, 7 late and not seen, 3 did not attend, 2 cancelled by patient, 4 cancelled by provider, 0 not yet happened.',
      aliases: ['attended_or_did_not_attend', 'attendance_outcome', 'attend_status', 'attended', 'outcome_status', 'dna_status'],
      codes: [
        { code: '5', label: 'Attended on time' },
        { code: '6', label: 'Arrived late but seen' },
        { code: '7', label: 'Arrived late and not seen' },
        { code: '3', label: 'Did not attend' },
        { code: '2', label: 'Cancelled by or for the patient' },
        { code: '4', label: 'Cancelled by the provider' },
        { code: '0', label: 'Not yet happened' },
      ],
      synonyms: {
        attended: '5', 'attended on time': '5', seen: '5',
        'arrived late but seen': '6', 'late but seen': '6',
        'late and not seen': '7', 'arrived late and not seen': '7',
        dna: '3', 'did not attend': '3', 'was not brought': '3', 'wnb': '3',
        'cancelled by patient': '2', 'patient cancelled': '2',
        'cancelled by hospital': '4', 'cancelled by provider': '4', 'hospital cancelled': '4',
        'not yet happened': '0',
      },
    },
    {
      name: 'first_attendance',
      kind: 'code',
      required: false,
      description: '1 first face-to-face, 2 follow-up face-to-face, 3 first telephone/video, 4 follow-up telephone/video.',
      aliases: ['first_attendance_code', 'first_or_follow_up', 'consultation_medium', 'attendance_type'],
      codes: [
        { code: '1', label: 'First face-to-face' },
        { code: '2', label: 'Follow-up face-to-face' },
        { code: '3', label: 'First telephone or video' },
        { code: '4', label: 'Follow-up telephone or video' },
      ],
    },
    ...demographicColumns,
  ],
});
