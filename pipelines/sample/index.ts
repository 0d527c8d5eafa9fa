/**
 * The synthetic sample trust: a plausible medium-sized acute trust in Birmingham over three
 * financial years (April 2023 – March 2026), written as one CSV per Parity dataset.
 *
 *   const { files, rows } = await generateSample({ outDir: 'tmp/sample', seed: 2023, patients: 60000 });
 *
 * The same seed and size always give the same bytes. `patients` sets the size of the whole
 * trust: activity volumes and the catchment population scale with it, so rates stay the same.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadCatchment } from './catchment.ts';
import type { SampleContext, WrittenFile } from './context.ts';
import { writeAdmissionsAndAe } from './datasets/admissions.ts';
import { writeAggregateIndicators } from './datasets/aggregate-indicators.ts';
import { writeCancer } from './datasets/cancer-diagnoses.ts';
import { writeMaternity } from './datasets/maternity.ts';
import { writeMhDetentions } from './datasets/mh-detentions.ts';
import { writeOutpatients } from './datasets/outpatients.ts';
import { writePopulation } from './datasets/population.ts';
import { writeWaitingList } from './datasets/waiting-list.ts';
import { generatePatients, populationCells } from './patients.ts';
import { forkRng } from './random.ts';

export interface SampleOptions {
  outDir: string;
  seed?: number;
  patients?: number;
  /** Folder of the IMD reference tables (default: the repository's sample-data/reference). */
  referenceDir?: string;
  /**
   * Called as soon as each file is complete, before the next one is generated, so a caller can
   * load it while the rest are written (generation is JavaScript; a load runs on DuckDB's threads).
   */
  onFile?: (dataset: string, file: WrittenFile) => void;
}

export interface SampleResult {
  /** Dataset id → absolute path of its CSV. */
  files: Record<string, string>;
  /** Dataset id → number of data rows (header excluded). */
  rows: Record<string, number>;
}

export const DEFAULT_SEED = 2023;
export const DEFAULT_PATIENTS = 60_000;

export async function generateSample(options: SampleOptions): Promise<SampleResult> {
  const seed = options.seed ?? DEFAULT_SEED;
  const patientCount = options.patients ?? DEFAULT_PATIENTS;
  if (!Number.isInteger(patientCount) || patientCount < 100) throw new Error(`patients must be a whole number of at least 100, got ${patientCount}`);
  const outDir = resolve(options.outDir);
  await mkdir(outDir, { recursive: true });

  const catchment = await loadCatchment(forkRng(seed, 'catchment'), options.referenceDir);
  const cells = populationCells(catchment);
  const scale = patientCount / DEFAULT_PATIENTS;
  for (const cell of cells) cell.people *= scale;
  const patients = generatePatients(forkRng(seed, 'patients'), cells, patientCount);
  const ctx: SampleContext = { seed, scale, outDir, catchment, cells, patients };

  const written: Record<string, WrittenFile> = {};
  const done = (dataset: string, file: WrittenFile) => {
    written[dataset] = file;
    options.onFile?.(dataset, file);
  };
  done('population', await writePopulation(ctx));
  done('outpatients', await writeOutpatients(ctx));
  done('waiting_list', await writeWaitingList(ctx));
  const maternity = await writeMaternity(ctx);
  done('maternity', maternity.file);
  const { admissions, ae } = await writeAdmissionsAndAe(ctx, maternity.deliveries);
  done('admissions', admissions);
  done('ae_attendances', ae);
  done('cancer_diagnoses', await writeCancer(ctx));
  done('mh_detentions', await writeMhDetentions(ctx));
  done('aggregate_indicators', await writeAggregateIndicators(ctx));

  const files: Record<string, string> = {};
  const rows: Record<string, number> = {};
  for (const [dataset, file] of Object.entries(written)) {
    files[dataset] = file.path;
    rows[dataset] = file.rows;
  }
  return { files, rows };
}
