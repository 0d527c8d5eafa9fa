import type { Catchment } from './catchment.ts';
import type { Patient, PopulationCell } from './patients.ts';

/** What every dataset generator is given. */
export interface SampleContext {
  seed: number;
  /** Size of the trust relative to the default (patients ÷ 60,000): volumes scale with it. */
  scale: number;
  outDir: string;
  catchment: Catchment;
  cells: PopulationCell[];
  patients: Patient[];
}

/** A generated file: where it is and how many data rows it holds. */
export interface WrittenFile {
  path: string;
  rows: number;
}
