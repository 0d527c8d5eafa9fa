import admissions from './admissions.ts';
import aeAttendances from './ae-attendances.ts';
import aggregateIndicators from './aggregate-indicators.ts';
import benchmarks from './benchmarks.ts';
import cancerDiagnoses from './cancer-diagnoses.ts';
import type { DatasetSpec } from './dataset-schema.ts';
import maternity from './maternity.ts';
import mhDetentions from './mh-detentions.ts';
import outpatients from './outpatients.ts';
import population from './population.ts';
import waitingList from './waiting-list.ts';

export type { ColumnSpec, DatasetSpec } from './dataset-schema.ts';

/** Every dataset Parity loads, in the order the sample data is ingested. */
export const DATASETS: readonly DatasetSpec[] = [
  population,
  outpatients,
  waitingList,
  admissions,
  aeAttendances,
  maternity,
  cancerDiagnoses,
  mhDetentions,
  aggregateIndicators,
  benchmarks,
];

export const DATASET_IDS = DATASETS.map((d) => d.id);

export function findDataset(id: string): DatasetSpec | undefined {
  return DATASETS.find((d) => d.id === id);
}
