import { defineDataset } from './dataset-schema.ts';
import { demographicColumns, patientId } from './demographics.ts';

export default defineDataset({
  id: 'maternity',
  title: 'Maternity bookings',
  description: 'One row per pregnancy, from booking to delivery.',
  grain: 'pregnancy (booking)',
  key: ['booking_id'],
  periodColumn: 'booking_date',
  patientLevel: true,
  columns: [
    { name: 'booking_id', kind: 'id', required: true, description: 'Pregnancy booking identifier.', aliases: ['pregnancy_id', 'booking_ref', 'pregnancy_booking_id'] },
    patientId,
    { name: 'booking_date', kind: 'date', required: true, description: 'Date of the booking appointment.', aliases: ['antenatal_booking_date', 'date_of_booking'] },
    { name: 'gestation_at_booking_weeks', kind: 'integer', required: false, min: 0, max: 45, description: 'Completed weeks of gestation at booking.', aliases: ['gestation_at_booking', 'booking_gestation_weeks'] },
    { name: 'continuity_of_carer', kind: 'boolean', required: false, description: 'Booked onto a continuity of carer pathway (Y/N).', aliases: ['coc', 'continuity_of_carer_pathway', 'mcoc'] },
    { name: 'smoking_at_booking', kind: 'boolean', required: false, description: 'Smoker at booking (Y/N).', aliases: ['smoker_at_booking', 'smoking_status_booking'] },
    { name: 'delivery_date', kind: 'date', required: false, description: 'Date of delivery.', aliases: ['date_of_delivery', 'birth_date_of_baby'] },
    { name: 'gestation_at_delivery_weeks', kind: 'integer', required: false, min: 20, max: 45, description: 'Completed weeks of gestation at delivery.', aliases: ['gestation_at_delivery', 'delivery_gestation_weeks', 'gestation_at_birth'] },
    { name: 'smoking_at_delivery', kind: 'boolean', required: false, description: 'Smoker at time of delivery (Y/N).', aliases: ['smoker_at_delivery', 'smoking_at_time_of_delivery', 'satod'] },
    ...demographicColumns,
  ],
});
