import { BROAD_AGE_BANDS, ESP_AGE_BANDS, ETHNIC_CATEGORIES, ETHNIC_GROUPS, ETHNIC_UNKNOWN_GROUPS, specialtyName } from '../../pipelines/codes/index.ts';
import type { Breakdown } from '../catalogue/schema.ts';
import { plusGroupSpec, type PlusGroup } from './plus-groups.ts';

/**
 * How each breakdown groups rows: a SQL expression giving the group key (VARCHAR, never NULL)
 * over a dataset's stored columns, and over the catalogue `population` table where a population
 * denominator exists. Unknowns get a group of their own so every row is counted somewhere.
 */
export interface BreakdownSpec {
  title: string;
  key: string;
  /** Over `population` expanded to single years of age (`age`); absent when the population is not split this way. */
  populationKey?: string;
  label: (group: string) => string;
  /** Display order; unknowns last. */
  order: (group: string) => number;
}

const ETHNIC_CATEGORY_LABEL = new Map<string, string>(ETHNIC_CATEGORIES.map((c) => [c.code, c.label]));
const SEX_LABEL: Record<string, string> = { '1': 'Male', '2': 'Female', '9': 'Indeterminate', X: 'Not known' };
const listOrder = (list: readonly string[]) => (group: string) => {
  const i = list.indexOf(group);
  return i === -1 ? list.length : i;
};
const numericOrder = (group: string) => (group === 'Unknown' ? 1e9 : Number(group));
const ordinal = (n: string, top: string, bottom: string) => (n === 'Unknown' ? 'Unknown' : n === '1' ? `1 (${top})` : n === bottom ? `${n} (least deprived)` : n);

/** ESP 5-year band of a single-year age expression, as stored in `age_band`. */
export function espBandOf(age: string): string {
  return `[${ESP_AGE_BANDS.map((b) => `'${b}'`).join(', ')}][least(${age} // 5, 18) + 1]`;
}
const broadBandOf = (age: string) => `CASE WHEN ${age} < 18 THEN '0-17' WHEN ${age} < 65 THEN '18-64' ELSE '65+' END`;

export const BREAKDOWN_SPECS: Record<Exclude<Breakdown, 'plus_group'>, BreakdownSpec> = {
  overall: { title: 'Overall', key: `'All'`, populationKey: `'All'`, label: () => 'Trust overall', order: () => 0 },
  ethnic_group: {
    title: 'Ethnic group',
    key: 'ethnic_group',
    populationKey: `coalesce(ethnic_group, 'Missing')`,
    label: (g) => g,
    order: listOrder([...ETHNIC_GROUPS, ...ETHNIC_UNKNOWN_GROUPS]),
  },
  ethnic_category: {
    title: 'Ethnic category',
    key: `CASE ethnicity_status WHEN 'missing' THEN 'Missing' WHEN 'invalid' THEN 'Invalid' ELSE ethnic_category END`,
    label: (g) => ETHNIC_CATEGORY_LABEL.get(g) ?? (g === 'Invalid' ? 'Invalid code' : g),
    order: listOrder([...ETHNIC_CATEGORIES.map((c) => c.code), 'Missing', 'Invalid']),
  },
  imd_quintile: {
    title: 'IMD quintile',
    key: `coalesce(imd_quintile::VARCHAR, 'Unknown')`,
    populationKey: `coalesce(imd_quintile::VARCHAR, 'Unknown')`,
    label: (g) => ordinal(g, 'most deprived', '5'),
    order: numericOrder,
  },
  imd_decile: {
    title: 'IMD decile',
    key: `coalesce(imd_decile::VARCHAR, 'Unknown')`,
    label: (g) => ordinal(g, 'most deprived', '10'),
    order: numericOrder,
  },
  core20: {
    title: 'Core20',
    key: `CASE WHEN core20 THEN 'Core20' WHEN NOT core20 THEN 'Rest' ELSE 'Unknown' END`,
    populationKey: `CASE WHEN imd_quintile = 1 THEN 'Core20' WHEN imd_quintile > 1 THEN 'Rest' ELSE 'Unknown' END`,
    label: (g) => ({ Core20: 'Core20 (most deprived 20%)', Rest: 'Rest (quintiles 2–5)' })[g] ?? 'Unknown',
    order: listOrder(['Core20', 'Rest', 'Unknown']),
  },
  age_band: {
    title: 'Age band',
    key: 'age_band',
    populationKey: espBandOf('age'),
    label: (g) => (g === 'Unknown' ? 'Unknown' : g === '90+' ? '90 and over' : g),
    order: listOrder([...ESP_AGE_BANDS, 'Unknown']),
  },
  age_band_broad: {
    title: 'Age group',
    key: 'age_band_broad',
    populationKey: broadBandOf('age'),
    label: (g) => (g === '65+' ? '65 and over' : g),
    order: listOrder([...BROAD_AGE_BANDS, 'Unknown']),
  },
  sex: {
    title: 'Sex',
    key: `coalesce(sex, 'X')`,
    populationKey: `coalesce(sex, 'X')`,
    label: (g) => SEX_LABEL[g] ?? g,
    order: listOrder(['1', '2', '9', 'X']),
  },
  specialty: {
    title: 'Specialty',
    key: `coalesce(treatment_function_code, 'Unknown')`,
    label: (g) => (g === 'Unknown' ? 'Unknown' : `${g} ${specialtyName(g)}`),
    order: (g) => (g === 'Unknown' ? 1e9 : 0),
  },
  site: { title: 'Site', key: `coalesce(site_code, 'Unknown')`, label: (g) => g, order: (g) => (g === 'Unknown' ? 1e9 : 0) },
};

/** Groups whose value describes missing or unusable data rather than people. */
export function isUnknownGroup(group: string): boolean {
  return ['Unknown', 'Missing', 'Invalid', 'Not stated', 'Not known', 'X', 'Z', '99'].includes(group);
}

/** The spec of a breakdown; PLUS groups come from local configuration. */
export function specFor(by: Breakdown, plusGroups: PlusGroup[] = []): BreakdownSpec {
  if (by !== 'plus_group') return BREAKDOWN_SPECS[by];
  if (plusGroups.length === 0) throw new Error('No PLUS groups are configured (PARITY_PLUS_GROUPS)');
  return plusGroupSpec(plusGroups);
}

export function sortGroups<T extends { group: string; label: string }>(spec: BreakdownSpec, rows: T[]): T[] {
  return [...rows].sort((a, b) => spec.order(a.group) - spec.order(b.group) || a.label.localeCompare(b.label));
}
