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
    { name: 'appointment_id', kind: 'id', required: true, description: 'Appointment identifier.', aliases: ['attendkey', 'opa_ident', 'appointment_identifier', 'appt_id', 'attendance_id', 'op_attendance_id', 'appointment_ref', 'appointment_number'] },
    patientId,
    { name: 'appointment_date', kind: 'date', required: true, description: 'Date of the appointment.', aliases: ['apptdate', 'appt_date', 'attendance_date', 'clinic_date', 'date_of_appointment'] },
    { name: 'treatment_function_code', kind: 'treatment_function', required: true, description: 'Treatment function code (e.g. 110 Trauma & Orthopaedics).', aliases: ['tretspef', 'tfc', 'treatment_function', 'specialty_code', 'main_specialty_code', 'treatment_specialty', 'mainspef'] },
    {
      name: 'attendance_status',
      kind: 'code',
      required: true,
      description: 'Attended or did not attend: 5 attended on time, 6 late but seen, 7 late and not seen, 3 did not attend, 2 cancelled by patient, 4 cancelled by provider, 0 not yet happened, 9 not known.',
      aliases: ['attended_or_did_not_attend', 'attendance_outcome', 'attend_status', 'attended', 'outcome_status', 'dna_status'],
      codes: [
        { code: '5', label: 'Attended on time' },
        { code: '6', label: 'Arrived late but seen' },
        { code: '7', label: 'Arrived late and not seen' },
        { code: '3', label: 'Did not attend' },
        { code: '2', label: 'Cancelled by or for the patient' },
        { code: '4', label: 'Cancelled by the provider' },
        { code: '0', label: 'Not yet happened' },
        // HES ATTENDED 9: not known. Kept (not quarantined); the DNA rate leaves it out like a cancellation.
        { code: '9', label: 'Not known' },
      ],
      synonyms: {
        attended: '5', 'attended on time': '5', seen: '5',
        'attended - seen': '5', 'seen on time': '5',
        'arrived late but seen': '6', 'late but seen': '6', 'arrived late - seen': '6', 'attended late - seen': '6', 'late - seen': '6',
        'late and not seen': '7', 'arrived late and not seen': '7', 'arrived late - not seen': '7', 'attended late - not seen': '7', 'late - not seen': '7',
        dna: '3', 'did not attend': '3', 'was not brought': '3', 'wnb': '3', 'did not attend - no advance warning given': '3', 'dna - no advance warning': '3',
        'cancelled by patient': '2', 'patient cancelled': '2', 'cancelled by or on behalf of the patient': '2',
        'cancelled by hospital': '4', 'cancelled by provider': '4', 'hospital cancelled': '4', 'provider cancelled': '4',
        'not yet happened': '0', 'not applicable': '0', 'not known': '9', unknown: '9',
      },
    },
    {
      name: 'first_attendance',
      kind: 'code',
      required: false,
      description: '1 first face-to-face, 2 follow-up face-to-face, 3 first telephone/video, 4 follow-up telephone/video.',
      aliases: ['firstatt', 'first_attendance_code', 'first_or_follow_up', 'consultation_medium', 'attendance_type'],
      codes: [
        { code: '1', label: 'First face-to-face' },
        { code: '2', label: 'Follow-up face-to-face' },
        { code: '3', label: 'First telephone or video' },
        { code: '4', label: 'Follow-up telephone or video' },
        { code: '5', label: 'RTT clock-stop administrative event' },
        { code: '9', label: 'Not known' },
      ],
      // PAS reports write the attendance type in words.
      synonyms: {
        new: '1', first: '1', 'new - face to face': '1', 'first - face to face': '1', 'new face to face': '1',
        'follow up': '2', followup: '2', 'follow-up': '2', review: '2', 'follow up - face to face': '2', 'follow-up - face to face': '2',
        'new - telephone': '3', 'first - telephone': '3', 'new telephone': '3', 'new - video': '3', 'new - telephone or video': '3', 'first - video': '3',
        'follow up - telephone': '4', 'follow-up - telephone': '4', 'follow up telephone': '4', 'follow up - video': '4', 'follow-up - video': '4', 'follow up - telephone or video': '4',
        'not known': '9',
      },
    },
    ...demographicColumns,
  ],
});
