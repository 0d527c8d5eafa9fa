/**
 * The outpatient and RTT specialties (treatment functions) of the sample trust: volume, who they
 * see, follow-up intensity, virtual share and how long their waits are.
 */
import type { Patient } from './patients.ts';
import { gradient } from './random.ts';

export interface Specialty {
  code: string;
  /** Share of outpatient appointments, per cent. */
  share: number;
  /** Relative rate for a patient (per head of population). */
  who: (p: Patient) => number;
  /** Mean follow-ups after a first appointment. */
  followUps: number;
  /** Share of appointments by telephone or video before adjustment for age and year. */
  virtual: number;
  /** Relative length of RTT waits; 0 = not an RTT specialty. */
  wait: number;
  surgical: boolean;
}

const rising = (steep: number) => (p: Patient) => 0.15 + Math.pow(Math.max(p.age, 1) / 50, steep);
const adults = (p: Patient) => (p.age >= 16 ? 1 : 0.05);
const women = (f: (p: Patient) => number) => (p: Patient) => (p.sex === 2 ? f(p) : 0);
const deprived = (ratio: number, f: (p: Patient) => number) => (p: Patient) => f(p) * gradient(p.quintile, ratio);

export const SPECIALTIES: Specialty[] = [
  { code: '100', share: 7, who: deprived(1.2, (p) => adults(p) * rising(1)(p)), followUps: 1.2, virtual: 0.15, wait: 1.1, surgical: true },
  { code: '101', share: 5, who: (p) => adults(p) * rising(2)(p) * (p.sex === 1 ? 2.2 : 0.8), followUps: 2, virtual: 0.2, wait: 1.05, surgical: true },
  { code: '110', share: 11, who: (p) => (p.age < 16 ? 0.4 : rising(1.4)(p)), followUps: 2, virtual: 0.1, wait: 1.35, surgical: true },
  { code: '120', share: 5, who: (p) => (p.age < 12 ? 1.4 : 1) * rising(0.5)(p), followUps: 1.2, virtual: 0.12, wait: 1.3, surgical: true },
  { code: '130', share: 10, who: (p) => 0.1 + rising(3)(p), followUps: 3, virtual: 0.05, wait: 1.15, surgical: true },
  { code: '140', share: 3, who: (p) => (p.age < 12 ? 1.6 : 1), followUps: 0.8, virtual: 0.08, wait: 1.45, surgical: true },
  { code: '150', share: 1, who: adults, followUps: 1.5, virtual: 0.18, wait: 1.2, surgical: true },
  { code: '160', share: 2, who: rising(0.6), followUps: 1.3, virtual: 0.1, wait: 1.3, surgical: true },
  { code: '170', share: 0.5, who: (p) => adults(p) * rising(2.5)(p) * (p.sex === 1 ? 1.8 : 1), followUps: 1.5, virtual: 0.2, wait: 1.1, surgical: true },
  { code: '300', share: 3, who: deprived(1.4, (p) => adults(p) * rising(1.5)(p)), followUps: 1.2, virtual: 0.2, wait: 0.8, surgical: false },
  { code: '301', share: 5, who: deprived(1.2, (p) => adults(p) * rising(1)(p)), followUps: 2.2, virtual: 0.25, wait: 1.05, surgical: false },
  { code: '320', share: 7, who: deprived(1.4, (p) => adults(p) * rising(2.5)(p) * (p.sex === 1 ? 1.4 : 1)), followUps: 2, virtual: 0.18, wait: 0.9, surgical: false },
  { code: '330', share: 6, who: rising(0.8), followUps: 1.6, virtual: 0.28, wait: 1.2, surgical: false },
  { code: '340', share: 4, who: deprived(1.8, (p) => (p.age < 16 ? 0.4 : rising(2)(p))), followUps: 2.2, virtual: 0.24, wait: 0.95, surgical: false },
  { code: '400', share: 3, who: (p) => (p.age < 16 ? 0.2 : 1), followUps: 2, virtual: 0.26, wait: 1.15, surgical: false },
  { code: '410', share: 4, who: (p) => adults(p) * rising(1.5)(p) * (p.sex === 2 ? 1.8 : 1), followUps: 3, virtual: 0.25, wait: 1, surgical: false },
  { code: '430', share: 2.5, who: (p) => (p.age >= 70 ? (p.age - 65) / 10 : 0), followUps: 1.5, virtual: 0.08, wait: 0.75, surgical: false },
  { code: '502', share: 5, who: women((p) => (p.age >= 14 ? 1 + (p.age > 40 && p.age < 60 ? 0.5 : 0) : 0)), followUps: 1.2, virtual: 0.15, wait: 1.3, surgical: true },
  { code: '420', share: 6, who: (p) => (p.age < 16 ? (p.age < 2 ? 2 : 1) : 0), followUps: 2.2, virtual: 0.12, wait: 0.9, surgical: false },
  { code: '501', share: 6, who: women((p) => (p.age >= 16 && p.age <= 45 ? Math.exp(-(((p.age - 31) / 7) ** 2)) : 0)), followUps: 4, virtual: 0.1, wait: 0, surgical: false },
  { code: '800', share: 4, who: (p) => (p.age < 18 ? 0 : rising(3)(p)), followUps: 5, virtual: 0.3, wait: 0, surgical: false },
];
