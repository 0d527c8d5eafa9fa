/** Treatment function codes (NHS Data Dictionary) and the RTT roll-up groups. */
export const RTT_TREATMENT_FUNCTIONS: Record<string, string> = {
  '100': 'General Surgery',
  '101': 'Urology',
  '110': 'Trauma & Orthopaedics',
  '120': 'Ear, Nose & Throat',
  '130': 'Ophthalmology',
  '140': 'Oral Surgery',
  '150': 'Neurosurgery',
  '160': 'Plastic Surgery',
  '170': 'Cardiothoracic Surgery',
  '300': 'General Internal Medicine',
  '301': 'Gastroenterology',
  '320': 'Cardiology',
  '330': 'Dermatology',
  '340': 'Respiratory Medicine',
  '400': 'Neurology',
  '410': 'Rheumatology',
  '430': 'Elderly Medicine',
  '502': 'Gynaecology',
};

/** Other common functions, named so that a specialty view reads naturally. */
export const OTHER_TREATMENT_FUNCTIONS: Record<string, string> = {
  '103': 'Breast Surgery',
  '104': 'Colorectal Surgery',
  '107': 'Vascular Surgery',
  '180': 'Emergency Medicine',
  '191': 'Pain Management',
  '302': 'Endocrinology',
  '303': 'Clinical Haematology',
  '307': 'Diabetes',
  '361': 'Nephrology',
  '370': 'Medical Oncology',
  '420': 'Paediatrics',
  '501': 'Obstetrics',
  '503': 'Gynaecological Oncology',
  '560': 'Midwifery',
  '650': 'Physiotherapy',
  '700': 'Learning Disability',
  '710': 'Adult Mental Illness',
  '711': 'Child and Adolescent Psychiatry',
  '800': 'Clinical Oncology',
  '811': 'Interventional Radiology',
  'X02': 'Other - Medical Services',
  'X03': 'Other - Mental Health Services',
  'X04': 'Other - Paediatric Services',
  'X05': 'Other - Surgical Services',
  'X06': 'Other - Other Services',
};

export const TREATMENT_FUNCTIONS: Record<string, string> = { ...RTT_TREATMENT_FUNCTIONS, ...OTHER_TREATMENT_FUNCTIONS };

/** Name of a treatment function, or a readable fallback for codes the catalogue does not list. */
export function specialtyName(code: string): string {
  return TREATMENT_FUNCTIONS[code] ?? `Treatment function ${code}`;
}
