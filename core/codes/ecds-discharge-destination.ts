/**
 * EMERGENCY CARE DISCHARGE DESTINATION (SNOMED CT), the ECDS data element (NHS Data Dictionary;
 * Emergency care discharge destination reference set). ECDS has no "admitted" flag: an
 * attendance ended in an admission when its destination is a ward or a critical-care unit of
 * the hospital — the grouping NCDR queries of `Discharge_Destination_SNOMED_CT` use. A short-stay
 * ward, ambulatory emergency care and hospital at home are not admissions by their destination
 * alone (a decision to admit says otherwise: ae-attendances.ts).
 */
export const ECDS_DISCHARGE_DESTINATIONS: { code: string; label: string; admitted: boolean }[] = [
  { code: '306706006', label: 'Discharge to ward', admitted: true },
  { code: '1066361000000104', label: 'Discharge to high dependency unit', admitted: true },
  { code: '1066371000000106', label: 'Discharge to coronary care unit', admitted: true },
  { code: '1066381000000108', label: 'Discharge to special care baby unit', admitted: true },
  { code: '1066391000000105', label: 'Discharge to intensive care unit', admitted: true },
  { code: '1066401000000108', label: 'Discharge to neonatal intensive care unit', admitted: true },
  { code: '1874161000000104', label: 'An admission destination added in a later release of the reference set', admitted: true },
  { code: '306689006', label: 'Discharge to home', admitted: false },
  { code: '306691003', label: 'Discharge to residential home', admitted: false },
  { code: '306694006', label: 'Discharge to nursing home', admitted: false },
  { code: '306705005', label: 'Discharge to police custody', admitted: false },
  { code: '50861005', label: 'Discharge to legal custody', admitted: false },
  { code: '1066331000000109', label: 'Discharge to emergency department short stay ward', admitted: false },
  { code: '1066341000000100', label: 'Discharge to ambulatory emergency care service', admitted: false },
  { code: '1066351000000102', label: 'Discharge to hospital at home service', admitted: false },
  { code: '19712007', label: 'Transfer to another health care facility', admitted: false },
  { code: '183919006', label: 'Referral to hospice', admitted: false },
  { code: '305398007', label: 'Admission to mortuary (died)', admitted: false },
];

export const ECDS_ADMISSION_DESTINATIONS = ECDS_DISCHARGE_DESTINATIONS.filter((d) => d.admitted).map((d) => d.code);
