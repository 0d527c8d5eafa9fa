import { defineDataset } from './dataset-schema.ts';
import { demographicColumns, patientId } from './demographics.ts';

const electives = ['11', '12', '13'];
const emergencies = ['21', '22', '23', '24', '25', '2A', '2B', '2C', '2D', '28'];

export default defineDataset({
  id: 'admissions',
  title: 'Admitted patient care spells',
  description: 'One row per hospital spell. An episode-level file (HES APC: one row per consultant episode, with an episode order) is read at its first episode of each spell.',
  grain: 'hospital spell',
  key: ['spell_id'],
  periodColumn: 'admission_date',
  patientLevel: true,
  columns: [
    { name: 'spell_id', kind: 'id', required: true, description: 'Hospital provider spell number.', aliases: ['provspnops', 'apcs_ident', 'hospital_provider_spell_number', 'spell_number', 'admission_id', 'episode_id'] },
    patientId,
    {
      name: 'episode_order',
      kind: 'integer',
      required: false,
      min: 1,
      max: 99,
      description: 'Order of the consultant episode within the spell (HES EPIORDER; 99 not known). With it, each spell keeps its first episode and later episodes are set aside.',
      aliases: ['epiorder', 'episode_number', 'episode_no', 'episode_sequence', 'episode_order_number'],
    },
    { name: 'admission_date', kind: 'date', required: true, description: 'Start date of the spell.', aliases: ['admidate', 'admit_date', 'date_of_admission', 'start_date_hospital_provider_spell', 'spell_start_date'] },
    {
      name: 'admission_method',
      kind: 'code',
      required: true,
      description: 'Admission method: 11–13 elective, 21–28 and 2A–2D emergency, 31–32 maternity, 81–83 other, 98 not applicable, 99 not known.',
      aliases: ['admission_method_code', 'admimeth', 'method_of_admission'],
      codes: [
        ...electives.map((code) => ({ code, label: `Elective (${code})` })),
        ...emergencies.map((code) => ({ code, label: `Emergency (${code})` })),
        { code: '31', label: 'Maternity, before delivery' },
        { code: '32', label: 'Maternity, after delivery' },
        { code: '81', label: 'Transfer from another provider' },
        { code: '82', label: 'Baby born in this provider' },
        { code: '83', label: 'Baby born outside the provider' },
        // Kept, not quarantined: the spell counts, but under no admission type.
        { code: '98', label: 'Not applicable' },
        { code: '99', label: 'Not known' },
      ],
    },
    { name: 'discharge_date', kind: 'date', required: false, description: 'End date of the spell.', aliases: ['disdate', 'disch_date', 'date_of_discharge', 'spell_end_date'] },
    // SUS+ APCS gives a spell's treatment function at admission and at discharge only: the spell is
    // counted at its admission (as HES APC at its first episode), so the admitting one is read.
    { name: 'treatment_function_code', kind: 'treatment_function', required: false, description: 'Treatment function code of the spell.', aliases: ['tretspef', 'tfc', 'treatment_function', 'specialty_code', 'der_admit_treatment_function_code', 'der_dischg_treatment_function_code'] },
    { name: 'primary_diagnosis', kind: 'icd10', required: false, description: 'Primary diagnosis (ICD-10).', aliases: ['diag_4_01', 'diag_3_01', 'der_primary_diagnosis_code', 'diagnosis', 'primary_diagnosis_code', 'diag_01', 'diag1', 'icd10'] },
    { name: 'primary_procedure', kind: 'opcs4', required: false, description: 'Primary procedure (OPCS-4).', aliases: ['opertn_4_01', 'opertn_3_01', 'der_primary_procedure_code', 'procedure', 'primary_procedure_code', 'opertn_01', 'proc1', 'opcs4'] },
    // The age at the start of the spell, before SUS+'s age at the CDS activity date (for a spell,
    // its end): a spell is counted at its admission.
    ...demographicColumns.map((c) => (c.name === 'age' ? { ...c, aliases: ['age_at_start_of_spell_sus', 'startage', 'admiage', ...(c.aliases ?? [])] } : c)),
  ],
});
