import { describe, expect, it } from 'vitest';
import { SPECIALTY_ABBREVIATIONS, specialtyMatches, TREATMENT_FUNCTIONS } from '../../../core/codes/index.ts';

const all = Object.entries(TREATMENT_FUNCTIONS).map(([code, name]) => ({ code, name }));
/** The names a search box would list, as a clinician sees them. */
const found = (q: string) => all.filter((s) => specialtyMatches(q, s)).map((s) => s.name);

describe('specialty search', () => {
  it.each([
    ['ENT', ['Ear, Nose & Throat']],
    ['ent', ['Ear, Nose & Throat']],
    ['T&O', ['Trauma & Orthopaedics']],
    ['t & o', ['Trauma & Orthopaedics']],
    ['T and O', ['Trauma & Orthopaedics']],
    ['A&E', ['Emergency Medicine']],
    ['a and e', ['Emergency Medicine']],
    ['ED', ['Emergency Medicine']],
    ['Paeds', ['Paediatrics']],
    ['COTE', ['Elderly Medicine']],
  ])('finds %s', (q, names) => {
    expect(found(q)).toEqual(names);
  });

  it('finds obstetrics and gynaecology for ObGyn, O&G and Obs & Gynae', () => {
    for (const q of ['ObGyn', 'obgyn', 'O&G', 'Obs & Gynae']) {
      expect(found(q), q).toEqual(expect.arrayContaining(['Obstetrics', 'Gynaecology']));
      expect(found(q), q).not.toContain('Cardiology');
    }
  });

  it('still finds by part of the name, with & and "and" alike, and by code', () => {
    expect(found('ear, nose and throat')).toEqual(['Ear, Nose & Throat']);
    expect(found('cardio')).toEqual(expect.arrayContaining(['Cardiology', 'Cardiothoracic Surgery']));
    expect(found('320')).toEqual(['Cardiology']);
    expect(found('')).toHaveLength(all.length);
    expect(found('zzz')).toEqual([]);
  });

  it('points every abbreviation at a treatment function the code list names', () => {
    for (const [abbreviation, codes] of Object.entries(SPECIALTY_ABBREVIATIONS)) {
      for (const code of codes) expect(TREATMENT_FUNCTIONS[code], `${abbreviation} → ${code}`).toBeDefined();
    }
  });
});
