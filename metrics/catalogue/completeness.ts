import { DATASETS, type DatasetSpec } from '../../core/datasets/index.ts';
import { DEMOGRAPHIC_BREAKDOWNS, defineMetric, type Breakdown, type MetricDefinition } from './schema.ts';

/** The demographic fields whose recording the statement asks trusts to report, with what "valid" means. */
export const COMPLETENESS_FIELDS = {
  ethnicity: { label: 'Ethnic category', valid: "ethnicity_status = 'valid'", means: 'a valid ethnic category (A–S); not stated (Z), not known (99), blank and unrecognised codes count as not recorded' },
  sex: { label: 'Sex', valid: "sex IN ('1', '2', '9')", means: 'a recorded sex (1 male, 2 female, 9 indeterminate); X (not known) and blanks count as not recorded' },
  age: { label: 'Age', valid: 'age IS NOT NULL', means: 'an age of 0–120 years' },
  imd: { label: 'Deprivation (IMD)', valid: 'imd_quintile IS NOT NULL', means: 'an LSOA of residence (2011 or 2021) that gives an IMD quintile, or a supplied decile' },
} as const;
export type CompletenessField = keyof typeof COMPLETENESS_FIELDS;

export function completenessMetricId(field: CompletenessField, dataset: string): string {
  return `${field}-completeness-${dataset.replaceAll('_', '-')}`;
}

function completenessMetric(field: CompletenessField, dataset: DatasetSpec): MetricDefinition {
  const spec = COMPLETENESS_FIELDS[field];
  const hasSpecialty = dataset.columns.some((c) => c.name === 'treatment_function_code');
  const breakdowns: Breakdown[] = [...DEMOGRAPHIC_BREAKDOWNS, ...(hasSpecialty ? (['specialty'] as const) : []), 'site'];
  const census = dataset.id === 'waiting_list';
  return defineMetric({
    id: completenessMetricId(field, dataset.id),
    version: 1,
    title: `${spec.label} recorded: ${dataset.title.toLowerCase()}`,
    description: `Share of ${dataset.title.toLowerCase()} records with ${spec.label.toLowerCase()} recorded.`,
    definition: `Records in the ${dataset.title.toLowerCase()} extract${census ? ' on the latest census date' : ''} with ${spec.means}, as a percentage of all records.`,
    domain: 'data quality',
    area: null,
    cohort: 'all',
    kind: 'completeness',
    dataset: dataset.id,
    periodColumn: dataset.periodColumn!,
    census,
    grain: 'month',
    statistic: 'percentage',
    multiplier: 100,
    unit: '%',
    polarity: 'higher',
    computation: { type: 'proportion', numerator: spec.valid },
    breakdowns,
  });
}

/** One completeness indicator per patient-level dataset and demographic field. */
export const COMPLETENESS_METRICS: MetricDefinition[] = DATASETS.filter((d) => d.patientLevel && d.periodColumn).flatMap((d) =>
  (Object.keys(COMPLETENESS_FIELDS) as CompletenessField[]).map((field) => completenessMetric(field, d)),
);
