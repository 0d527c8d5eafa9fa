import { BROAD_AGE_BANDS, ESP_AGE_BANDS, ETHNIC_CATEGORIES, ETHNIC_GROUPS, ETHNIC_UNKNOWN_GROUPS, specialtyName } from '../../core/codes/index.ts';
import type { Breakdown } from '../catalogue/schema.ts';
import { plusGroupSpec, type PlusGroup } from './plus-groups.ts';
import { list } from '../../db/sql.ts';

/**
 * How each breakdown groups rows. Grouping runs on `raw`, a cheap typed expression over the
 * dataset's stored columns (an integer quintile, a boolean) — grouping 10 million rows on strings
 * costs far more — and `keyOf` turns each grouped value into the stable key (VARCHAR, never NULL)
 * afterwards. Unknowns get a group of their own so every row is counted somewhere.
 * `populationRaw` is the same over the catchment `population` spread to single years of age.
 */
/** Titles shown to users come from breakdownTitle() in core/text/compare.ts. */
export interface BreakdownSpec {
  raw: string;
  keyOf: (grouped: string) => string;
  /** Absent when the population is not split this way. */
  populationRaw?: string;
  label: (group: string) => string;
  /** Display order; unknowns last. */
  order: (group: string) => number;
}

/** The key expression computed row by row, where grouping cost does not matter. */
export const keyExpression = (spec: BreakdownSpec) => spec.keyOf(spec.raw);

const ETHNIC_CATEGORY_LABEL = new Map<string, string>(ETHNIC_CATEGORIES.map((c) => [c.code, c.label]));
const SEX_LABEL: Record<string, string> = { '1': 'Male', '2': 'Female', '9': 'Indeterminate', X: 'Not known' };
const listOrder = (list: readonly string[]) => (group: string) => {
  const i = list.indexOf(group);
  return i === -1 ? list.length : i;
};
const numericOrder = (group: string) => (group === 'Unknown' ? 1e9 : Number(group));
const ordinal = (n: string, top: string, bottom: string) => (n === 'Unknown' ? 'Unknown' : n === '1' ? `1 (${top})` : n === bottom ? `${n} (least deprived)` : n);
const orUnknown = (unknown: string) => (x: string) => `coalesce(${x}::VARCHAR, '${unknown}')`;

/** Index (0-based) of the ESP 5-year band of a single-year age; NULL when the age is. */
export const espBandIndex = (age: string) => `least(${age} // 5, 18)`;
/** The band label of an index from espBandIndex. */
export const espBandLabel = (index: string) => `CASE WHEN ${index} IS NULL THEN 'Unknown' ELSE ${list(ESP_AGE_BANDS)}[${index} + 1] END`;
const broadBandIndex = (age: string) => `CASE WHEN ${age} < 18 THEN 0 WHEN ${age} < 65 THEN 1 WHEN ${age} >= 65 THEN 2 END`;

export const BREAKDOWN_SPECS: Record<Exclude<Breakdown, 'plus_group'>, BreakdownSpec> = {
  overall: { raw: `'All'`, keyOf: (x) => x, populationRaw: `'All'`, label: () => 'Trust overall', order: () => 0 },
  ethnic_group: {
    raw: 'ethnic_group',
    keyOf: orUnknown('Missing'),
    populationRaw: 'ethnic_group',
    label: (g) => g,
    order: listOrder([...ETHNIC_GROUPS, ...ETHNIC_UNKNOWN_GROUPS]),
  },
  ethnic_category: {
    raw: `CASE ethnicity_status WHEN 'missing' THEN 'Missing' WHEN 'invalid' THEN 'Invalid' ELSE ethnic_category END`,
    keyOf: (x) => x,
    label: (g) => ETHNIC_CATEGORY_LABEL.get(g) ?? (g === 'Invalid' ? 'Invalid code' : g),
    order: listOrder([...ETHNIC_CATEGORIES.map((c) => c.code), 'Missing', 'Invalid']),
  },
  imd_quintile: {
    raw: 'imd_quintile',
    keyOf: orUnknown('Unknown'),
    populationRaw: 'imd_quintile',
    label: (g) => ordinal(g, 'most deprived', '5'),
    order: numericOrder,
  },
  imd_decile: {
    raw: 'imd_decile',
    keyOf: orUnknown('Unknown'),
    label: (g) => ordinal(g, 'most deprived', '10'),
    order: numericOrder,
  },
  core20: {
    raw: 'core20',
    keyOf: (x) => `CASE WHEN ${x} THEN 'Core20' WHEN NOT ${x} THEN 'Rest' ELSE 'Unknown' END`,
    populationRaw: 'imd_quintile = 1',
    label: (g) => ({ Core20: 'Core20 (most deprived 20%)', Rest: 'Rest (quintiles 2–5)' })[g] ?? 'Unknown',
    order: listOrder(['Core20', 'Rest', 'Unknown']),
  },
  age_band: {
    raw: espBandIndex('age'),
    keyOf: espBandLabel,
    populationRaw: espBandIndex('age'),
    label: (g) => (g === 'Unknown' ? 'Unknown' : g === '90+' ? '90 and over' : g),
    order: listOrder([...ESP_AGE_BANDS, 'Unknown']),
  },
  age_band_broad: {
    raw: broadBandIndex('age'),
    keyOf: (x) => `CASE WHEN ${x} IS NULL THEN 'Unknown' ELSE ${list(BROAD_AGE_BANDS)}[${x} + 1] END`,
    populationRaw: broadBandIndex('age'),
    label: (g) => (g === '65+' ? '65 and over' : g),
    order: listOrder([...BROAD_AGE_BANDS, 'Unknown']),
  },
  sex: {
    raw: 'sex',
    keyOf: orUnknown('X'),
    populationRaw: 'sex',
    label: (g) => SEX_LABEL[g] ?? g,
    order: listOrder(['1', '2', '9', 'X']),
  },
  specialty: {
    raw: 'treatment_function_code',
    keyOf: orUnknown('Unknown'),
    label: (g) => (g === 'Unknown' ? 'Unknown' : `${g} ${specialtyName(g)}`),
    order: (g) => (g === 'Unknown' ? 1e9 : 0),
  },
  site: { raw: 'site_code', keyOf: orUnknown('Unknown'), label: (g) => g, order: (g) => (g === 'Unknown' ? 1e9 : 0) },
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
