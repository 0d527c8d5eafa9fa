import { ESP_AGE_BANDS } from '../core/codes/age-bands.ts';
import { VALID_ETHNIC_CODES } from '../core/codes/ethnicity.ts';
import { TREATMENT_FUNCTIONS } from '../core/codes/treatment-functions.ts';
import type { ColumnKind, ColumnSpec, DatasetSpec } from '../core/datasets/dataset-schema.ts';
import { list, literal } from './sql.ts';
import { periodEndSql, periodStartSql } from './period-sql.ts';

/** A column of a canonical DuckDB table. */
export interface StorageColumn {
  name: string;
  type: 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'DATE' | 'TIMESTAMP' | 'BOOLEAN' | 'VARCHAR[]';
  description: string;
  /**
   * SQL over the row's other columns. Such a column is VIRTUAL: computed when read, never
   * written — cheap expressions cost less to evaluate than to store, and loads stay fast.
   */
  generated?: string;
  /** SQL over the row's canonical columns, computed once on load and stored. */
  onLoad?: string;
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
  age_band: 'VARCHAR',
  integer: 'INTEGER',
  year: 'INTEGER',
  number: 'DOUBLE',
  date: 'DATE',
  datetime: 'TIMESTAMP',
  boolean: 'BOOLEAN',
  period: 'VARCHAR',
};

const specialtyMap = Object.entries(TREATMENT_FUNCTIONS).map(([code, name]) => `${literal(code)}: ${literal(name)}`).join(', ');
const VALID_ETHNIC = `(${VALID_ETHNIC_CODES.map(literal).join(',')})`;

/** Derived on load for every patient-level dataset (docs/data-model.md), in storage order. */
const DEMOGRAPHIC_DERIVED: StorageColumn[] = [
  {
    name: 'age_band',
    type: 'VARCHAR',
    description: 'ESP 5-year band (0-4 … 90+) or Unknown.',
    generated: `CASE WHEN age IS NULL THEN 'Unknown' ELSE ${list(ESP_AGE_BANDS)}[least(age // 5, 18) + 1] END`,
  },
  {
    name: 'age_band_broad',
    type: 'VARCHAR',
    description: '0-17, 18-64, 65+ or Unknown.',
    generated: `CASE WHEN age IS NULL THEN 'Unknown' WHEN age < 18 THEN '0-17' WHEN age < 65 THEN '18-64' ELSE '65+' END`,
  },
  { name: 'ethnic_group', type: 'VARCHAR', description: 'Five groups or Not stated / Not known / Missing / Invalid (Chinese placement is a setting applied on load).' },
  {
    name: 'ethnicity_status',
    type: 'VARCHAR',
    description: 'valid, not_stated, not_known, missing or invalid.',
    generated: `CASE WHEN ethnic_category IS NULL THEN 'missing' WHEN ethnic_category = 'Z' THEN 'not_stated'
      WHEN ethnic_category = '99' THEN 'not_known' WHEN ethnic_category IN ${VALID_ETHNIC} THEN 'valid' ELSE 'invalid' END`,
  },
  { name: 'imd_quintile', type: 'INTEGER', description: 'ceil(decile / 2); 1 = most deprived 20% (Core20).', generated: `(imd_decile + 1) // 2` },
  { name: 'imd_edition', type: 'VARCHAR', description: 'IoD2025 (2021 LSOA), IoD2019 (2011-only LSOA), supplied, or outside England (a Welsh W01 or Scottish S01 area: no English IMD).' },
  { name: 'core20', type: 'BOOLEAN', description: 'IMD quintile 1 (NULL when the quintile is unknown).', generated: `imd_decile <= 2` },
];

/** Fields computed on load that belong to one dataset only. */
const DATASET_DERIVED: Record<string, StorageColumn[]> = {
  benchmarks: [
    { name: 'period_start', type: 'DATE', description: 'First day of the period.', onLoad: periodStartSql('period') },
    { name: 'period_end', type: 'DATE', description: 'Last day of the period.', onLoad: periodEndSql('period') },
  ],
  population: [{ name: 'imd_edition', type: 'VARCHAR', description: 'Where the cell\'s IMD quintile came from: IoD2025, IoD2019, mixed (LSOAs of both), supplied, outside England (a Welsh or Scottish area: no English IMD), or NULL.' }],
  waiting_list: [{ name: 'days_waited', type: 'INTEGER', description: 'Days from clock start to census date.', generated: `(census_date - clock_start_date)::INTEGER` }],
  admissions: [
    {
      name: 'admission_type',
      type: 'VARCHAR',
      description: 'elective, emergency, maternity or other, from the admission method (NULL when 98/99, not known).',
      generated: `CASE WHEN admission_method IN ('11','12','13') THEN 'elective'
        WHEN admission_method IN ('21','22','23','24','25','2A','2B','2C','2D','28') THEN 'emergency'
        WHEN admission_method IN ('31','32') THEN 'maternity' WHEN admission_method IN ('98','99') THEN NULL
        WHEN admission_method IS NOT NULL THEN 'other' END`,
    },
  ],
};

function declaredColumn(c: ColumnSpec): StorageColumn[] {
  const own: StorageColumn = { name: c.name, type: TYPE_OF_KIND[c.kind], description: c.description };
  if (c.kind !== 'treatment_function') return [own];
  return [
    own,
    {
      name: 'specialty_name',
      type: 'VARCHAR',
      description: 'Name of the treatment function.',
      // Stored, not virtual: DuckDB evaluates a MAP literal in a generated column very slowly on insert.
      onLoad: `CASE WHEN ${c.name} IS NOT NULL THEN coalesce(MAP {${specialtyMap}}[${c.name}], 'Treatment function ' || ${c.name}) END`,
    },
  ];
}

/** The columns of a dataset's canonical table, in storage order. */
export function storageColumns(dataset: DatasetSpec): StorageColumn[] {
  return [
    ...dataset.columns.flatMap(declaredColumn),
    ...(dataset.patientLevel ? DEMOGRAPHIC_DERIVED : []),
    ...(DATASET_DERIVED[dataset.id] ?? []),
    { name: 'extract_id', type: 'VARCHAR', description: 'The extract this row was loaded from.' },
    { name: 'source_row', type: 'INTEGER', description: 'Line in the uploaded file (its first line = 1: the header, unless report title lines come before it).' },
    { name: 'dq_flags', type: 'VARCHAR[]', description: 'Optional columns whose value was present but invalid (kept as NULL).' },
  ];
}

/** The columns a load writes (everything but the virtual ones). */
export const storedColumns = (dataset: DatasetSpec) => storageColumns(dataset).filter((c) => !c.generated);
