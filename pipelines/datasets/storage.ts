import type { ColumnKind, ColumnSpec, DatasetSpec } from './dataset-schema.ts';
import { derivedDemographicColumns } from './demographics.ts';

/** A column of a canonical DuckDB table. */
export interface StorageColumn {
  name: string;
  type: 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'DATE' | 'TIMESTAMP' | 'BOOLEAN' | 'VARCHAR[]';
  description: string;
}

const TYPE_OF_KIND: Record<ColumnKind, StorageColumn['type']> = {
  id: 'VARCHAR',
  text: 'VARCHAR',
  code: 'VARCHAR',
  ethnic_category: 'VARCHAR',
  sex: 'VARCHAR',
  lsoa_code: 'VARCHAR',
  treatment_function: 'VARCHAR',
  icd10: 'VARCHAR',
  opcs4: 'VARCHAR',
  integer: 'INTEGER',
  number: 'DOUBLE',
  date: 'DATE',
  datetime: 'TIMESTAMP',
  boolean: 'BOOLEAN',
};

/** Fields computed on load that belong to one dataset only. */
export const DATASET_DERIVED_COLUMNS: Record<string, StorageColumn[]> = {
  waiting_list: [{ name: 'days_waited', type: 'INTEGER', description: 'Days from clock start to census date.' }],
  admissions: [{ name: 'admission_type', type: 'VARCHAR', description: 'elective, emergency, maternity or other, from the admission method.' }],
};

function declaredColumn(c: ColumnSpec): StorageColumn[] {
  const own: StorageColumn = { name: c.name, type: TYPE_OF_KIND[c.kind], description: c.description };
  if (c.kind === 'treatment_function')
    return [own, { name: 'specialty_name', type: 'VARCHAR', description: 'Name of the treatment function.' }];
  return [own];
}

/** The columns of a dataset's canonical table, in storage order. */
export function storageColumns(dataset: DatasetSpec): StorageColumn[] {
  return [
    ...dataset.columns.flatMap(declaredColumn),
    ...(dataset.patientLevel ? derivedDemographicColumns.map((c) => ({ ...c })) : []),
    ...(DATASET_DERIVED_COLUMNS[dataset.id] ?? []),
    { name: 'extract_id', type: 'VARCHAR', description: 'The extract this row was loaded from.' },
    { name: 'source_row', type: 'INTEGER', description: 'Row number in the uploaded file (header = row 1).' },
    { name: 'dq_flags', type: 'VARCHAR[]', description: 'Optional columns whose value was present but invalid (kept as NULL).' },
  ];
}
