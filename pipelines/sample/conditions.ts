/**
 * Why people are admitted. Emergency conditions include the Core20PLUS5 indicator conditions
 * (children's asthma, diabetes and epilepsy; COPD; heart attack and stroke) at rates per head
 * that rise with deprivation; elective procedures include tooth extraction for decay in young
 * children. `perYear` is the number of spells a year at the default size (≈ 1 million people).
 */
import type { Patient } from './patients.ts';
import { gradient } from './random.ts';

type Weighted = readonly (readonly [string, number])[];

export interface EmergencyCondition {
  name: string;
  perYear: number;
  /** Inclusive ages at admission; the event date is redrawn until the age fits. */
  ages: readonly [number, number];
  who: (p: Patient) => number;
  diagnoses: (age: number) => Weighted;
  tfc: (age: number, diagnosis: string) => string;
  /** Median length of stay in days. */
  stay: number;
  /** Extra admissions in mid-winter (0.3 = 30% more in January). */
  winter: number;
}

const SOUTH_ASIAN = new Set(['H', 'J', 'K', 'L']);
const ethnicFactor = (p: Patient, factors: Partial<Record<string, number>>) =>
  factors[p.ethnic] ?? (SOUTH_ASIAN.has(p.ethnic) ? factors.asian : undefined) ?? factors[p.group] ?? 1;

const childAge = (p: Patient, young: number, middle: number, teen: number) => (p.age < 5 ? young : p.age < 11 ? middle : teen);

export const EMERGENCY_CONDITIONS: EmergencyCondition[] = [
  {
    name: 'cyp-asthma', perYear: 460, ages: [1, 17], stay: 1, winter: 0.3,
    who: (p) => (p.age <= 17 ? childAge(p, 1.6, 1.3, 0.7) * gradient(p.quintile, 2.1) * ethnicFactor(p, { 'Black or Black British': 1.6, asian: 1.4, Mixed: 1.3 }) : 0),
    diagnoses: () => [['J45.9', 0.62], ['J45.0', 0.18], ['J46', 0.2]],
    tfc: () => '420',
  },
  {
    name: 'cyp-diabetes', perYear: 130, ages: [2, 17], stay: 2, winter: 0.1,
    who: (p) => (p.age >= 2 && p.age <= 17 ? (p.age / 10) * gradient(p.quintile, 1.7) : 0),
    diagnoses: () => [['E10.1', 0.6], ['E10.9', 0.3], ['E11.9', 0.05], ['E14.9', 0.05]],
    tfc: () => '420',
  },
  {
    name: 'cyp-epilepsy', perYear: 180, ages: [0, 17], stay: 1, winter: 0.05,
    who: (p) => (p.age <= 17 ? gradient(p.quintile, 1.8) : 0),
    diagnoses: () => [['G40.9', 0.55], ['G40.3', 0.15], ['G40.2', 0.1], ['G41.9', 0.2]],
    tfc: () => '420',
  },
  {
    name: 'paediatric-other', perYear: 4_000, ages: [0, 17], stay: 1, winter: 0.35,
    who: (p) => (p.age <= 17 ? childAge(p, 3.5, 0.8, 0.9) * gradient(p.quintile, 1.5) : 0),
    diagnoses: (age) =>
      age < 2
        ? [['J21.9', 0.35], ['R50.9', 0.2], ['A09.9', 0.1], ['J06.9', 0.15], ['N39.0', 0.05], ['R56.0', 0.05], ['P59.9', 0.1]]
        : [['R50.9', 0.1], ['A09.9', 0.12], ['J06.9', 0.12], ['S06.0', 0.1], ['R10.4', 0.15], ['K35.8', 0.08], ['R56.0', 0.05], ['J18.9', 0.08], ['T39.1', 0.05], ['L03.1', 0.05], ['B34.9', 0.1]],
    tfc: (_age, dx) => (dx === 'K35.8' ? '100' : '420'),
  },
  {
    name: 'copd', perYear: 2_700, ages: [40, 110], stay: 4, winter: 0.6,
    who: (p) => (p.age >= 40 ? Math.pow((p.age - 35) / 35, 2.5) * gradient(p.quintile, 3) * (p.sex === 1 ? 1.1 : 1) * ethnicFactor(p, { A: 1, B: 1.1, C: 0.7, M: 0.8, asian: 0.5, N: 0.3, P: 0.5, Mixed: 0.9, 'Other ethnic group': 0.6 }) : 0),
    diagnoses: () => [['J44.1', 0.55], ['J44.0', 0.3], ['J44.9', 0.1], ['J43.9', 0.05]],
    tfc: () => '340',
  },
  {
    name: 'mi', perYear: 1_000, ages: [30, 110], stay: 4, winter: 0.15,
    who: (p) => (p.age >= 30 ? Math.pow((p.age - 25) / 40, 3) * (p.sex === 1 ? 2.2 : 1) * gradient(p.quintile, 1.7) * ethnicFactor(p, { asian: 1.6, 'Black or Black British': 0.8 }) : 0),
    diagnoses: () => [['I21.4', 0.45], ['I21.9', 0.25], ['I21.0', 0.12], ['I21.1', 0.1], ['I22.9', 0.08]],
    tfc: () => '320',
  },
  {
    name: 'stroke', perYear: 1_200, ages: [35, 110], stay: 9, winter: 0.15,
    who: (p) => (p.age >= 35 ? Math.pow((p.age - 30) / 40, 3.5) * (p.sex === 1 ? 1.25 : 1) * gradient(p.quintile, 1.6) * ethnicFactor(p, { 'Black or Black British': 1.5, asian: 1.2 }) : 0),
    diagnoses: () => [['I63.9', 0.45], ['I64', 0.15], ['I61.9', 0.15], ['I63.5', 0.1], ['I63.4', 0.08], ['I60.9', 0.07]],
    tfc: (age) => (age >= 80 ? '430' : '300'),
  },
  {
    name: 'adult-other', perYear: 15_000, ages: [18, 110], stay: 3, winter: 0.2,
    who: (p) => (p.age >= 18 ? Math.pow((p.age + 20) / 60, 2.2) * gradient(p.quintile, 1.8) : 0),
    diagnoses: (age) =>
      age < 45
        ? [['R10.4', 0.16], ['K35.8', 0.08], ['T39.1', 0.06], ['F10.0', 0.05], ['R07.4', 0.1], ['N39.0', 0.05], ['L03.1', 0.06], ['J45.9', 0.05], ['J18.9', 0.05], ['O00.9', 0.02], ['R55', 0.05], ['K29.7', 0.05], ['A09.9', 0.06], ['R51', 0.04], ['S06.0', 0.05], ['E11.6', 0.02]]
        : age < 75
          ? [['R07.4', 0.14], ['J18.9', 0.09], ['R10.4', 0.1], ['N39.0', 0.05], ['I48.9', 0.06], ['I50.0', 0.06], ['K80.2', 0.05], ['L03.1', 0.06], ['A41.9', 0.05], ['K92.2', 0.04], ['R55', 0.05], ['E11.6', 0.03], ['G45.9', 0.04], ['F10.0', 0.03], ['J22', 0.05], ['N17.9', 0.03], ['J45.9', 0.02]]
          : [['J18.9', 0.15], ['N39.0', 0.12], ['I50.0', 0.1], ['S72.0', 0.07], ['A41.9', 0.07], ['R55', 0.06], ['J22', 0.08], ['E87.1', 0.04], ['N17.9', 0.06], ['I48.9', 0.05], ['R07.4', 0.05], ['R26.8', 0.07], ['F05.9', 0.04], ['L03.1', 0.04]],
    tfc: (age, dx) =>
      ['R10.4', 'K35.8', 'K80.2'].includes(dx) ? '100' : dx === 'S72.0' ? '110' : dx === 'K92.2' ? '301' : dx.startsWith('O') ? '502' : age >= 75 ? '430' : '300',
  },
];

export interface ElectiveProcedure {
  name: string;
  perYear: number;
  ages: readonly [number, number];
  who: (p: Patient) => number;
  /** Pairs of [diagnosis, procedure] with weights. */
  cases: readonly (readonly [string, string, number])[];
  tfc: string;
  /** Share of day cases; others stay `stay` days (median). */
  dayCase: number;
  stay: number;
  /** Regular day attenders (chemotherapy) come in as planned admissions (13). */
  planned?: boolean;
}

const olderThan = (from: number, power: number) => (p: Patient) => (p.age >= from ? Math.pow((p.age - from + 5) / 30, power) : 0);

export const ELECTIVE_PROCEDURES: ElectiveProcedure[] = [
  {
    name: 'cyp-tooth-extraction', perYear: 380, ages: [2, 10], tfc: '140', dayCase: 1, stay: 0,
    who: (p) => (p.age >= 2 && p.age <= 10 ? Math.exp(-(((p.age - 6) / 2.5) ** 2)) * gradient(p.quintile, 3.5) * ethnicFactor(p, { asian: 1.5, 'Other ethnic group': 1.3 }) : 0),
    cases: [['K02.1', 'F10.4', 0.45], ['K02.9', 'F10.4', 0.15], ['K02.1', 'F09.1', 0.15], ['K02.2', 'F10.9', 0.15], ['K02.9', 'F09.9', 0.1]],
  },
  { name: 'cataract', perYear: 2_500, ages: [40, 110], tfc: '130', dayCase: 0.99, stay: 1, who: olderThan(50, 3), cases: [['H25.9', 'C71.2', 0.8], ['H25.1', 'C71.2', 0.2]] },
  {
    name: 'endoscopy', perYear: 3_500, ages: [18, 110], tfc: '301', dayCase: 0.97, stay: 1, who: olderThan(30, 1.5),
    cases: [['K57.3', 'H22.1', 0.25], ['K63.5', 'H20.1', 0.15], ['K21.0', 'G45.1', 0.3], ['D12.6', 'H20.1', 0.1], ['R19.4', 'H25.1', 0.2]],
  },
  { name: 'knee-replacement', perYear: 600, ages: [45, 100], tfc: '110', dayCase: 0, stay: 3, who: olderThan(50, 2), cases: [['M17.9', 'W40.1', 1]] },
  { name: 'hip-replacement', perYear: 550, ages: [45, 100], tfc: '110', dayCase: 0, stay: 3, who: olderThan(50, 2), cases: [['M16.9', 'W37.1', 1]] },
  { name: 'arthroscopy', perYear: 300, ages: [16, 70], tfc: '110', dayCase: 0.95, stay: 1, who: (p) => (p.age >= 16 && p.age <= 70 ? 1 : 0), cases: [['M23.2', 'W85.2', 1]] },
  { name: 'hernia', perYear: 700, ages: [18, 100], tfc: '100', dayCase: 0.8, stay: 1, who: (p) => olderThan(20, 1)(p) * (p.sex === 1 ? 3 : 1), cases: [['K40.9', 'T20.1', 0.85], ['K42.9', 'T24.1', 0.15]] },
  { name: 'cholecystectomy', perYear: 600, ages: [18, 95], tfc: '100', dayCase: 0.6, stay: 1, who: (p) => olderThan(20, 0.8)(p) * (p.sex === 2 ? 2.2 : 1), cases: [['K80.2', 'J18.3', 1]] },
  { name: 'urology', perYear: 1_200, ages: [18, 105], tfc: '101', dayCase: 0.75, stay: 2, who: (p) => olderThan(40, 2)(p) * (p.sex === 1 ? 2.5 : 0.6), cases: [['N40', 'M65.3', 0.35], ['R31', 'M45.9', 0.5], ['N20.0', 'M09.1', 0.15]] },
  { name: 'tonsillectomy', perYear: 400, ages: [3, 40], tfc: '120', dayCase: 0.7, stay: 1, who: (p) => (p.age >= 3 && p.age <= 40 ? (p.age < 14 ? 2 : 1) : 0), cases: [['J35.0', 'F34.1', 0.8], ['J35.3', 'F34.1', 0.2]] },
  { name: 'gynaecology', perYear: 1_000, ages: [18, 90], tfc: '502', dayCase: 0.7, stay: 2, who: (p) => (p.sex === 2 && p.age >= 18 ? 1 : 0), cases: [['N92.0', 'Q18.1', 0.55], ['D25.9', 'Q07.4', 0.25], ['N81.1', 'P22.1', 0.2]] },
  { name: 'skin', perYear: 1_300, ages: [5, 110], tfc: '330', dayCase: 1, stay: 0, who: olderThan(20, 1.5), cases: [['C44.3', 'S06.5', 0.45], ['D22.5', 'S06.2', 0.3], ['L72.1', 'S06.2', 0.25]] },
  {
    name: 'chemotherapy', perYear: 3_500, ages: [18, 100], tfc: '800', dayCase: 1, stay: 0, planned: true, who: olderThan(35, 2),
    cases: [['Z51.1', 'X72.2', 0.5], ['C50.9', 'X35.2', 0.2], ['C18.9', 'X35.2', 0.15], ['C34.9', 'X35.2', 0.15]],
  },
  { name: 'cardiac', perYear: 900, ages: [30, 100], tfc: '320', dayCase: 0.7, stay: 2, who: (p) => olderThan(40, 2)(p) * (p.sex === 1 ? 1.8 : 1), cases: [['I25.1', 'K63.1', 0.7], ['I20.8', 'K75.1', 0.3]] },
  { name: 'carpal-tunnel', perYear: 300, ages: [18, 95], tfc: '160', dayCase: 1, stay: 0, who: (p) => (p.age >= 18 ? (p.sex === 2 ? 2 : 1) : 0), cases: [['G56.0', 'A65.1', 1]] },
];
