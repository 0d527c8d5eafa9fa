// PLUS groups are local: a trust names the groups it is focusing on (e.g. "Black African or
// Caribbean in Core20") in a JSON file, and each becomes a group of the `plus_group` breakdown
// and a filter. Conditions are declarative and validated, so the SQL built from them only ever
// holds codes from fixed lists.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ETHNIC_CATEGORIES, ETHNIC_GROUPS } from '../../core/codes/index.ts';
import type { BreakdownSpec } from './dimensions.ts';

const ETHNIC_CODES = ETHNIC_CATEGORIES.map((c) => c.code) as [string, ...string[]];

export const plusGroupSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case letters, digits and dashes').max(40),
  label: z.string().min(1).max(80),
  where: z
    .object({
      ethnic_category: z.array(z.enum(ETHNIC_CODES)).min(1).optional(),
      ethnic_group: z.array(z.enum(ETHNIC_GROUPS)).min(1).optional(),
      imd_quintile: z.array(z.number().int().min(1).max(5)).min(1).optional(),
      imd_decile: z.array(z.number().int().min(1).max(10)).min(1).optional(),
      sex: z.array(z.enum(['1', '2', '9', 'X'])).min(1).optional(),
      age_min: z.number().int().min(0).max(120).optional(),
      age_max: z.number().int().min(0).max(120).optional(),
    })
    .strict()
    .refine((w) => Object.keys(w).length > 0, 'give at least one condition'),
});
export type PlusGroup = z.infer<typeof plusGroupSchema>;
export const plusGroupsFile = z.array(plusGroupSchema).refine((gs) => new Set(gs.map((g) => g.id)).size === gs.length, 'ids must be unique');

/** Reads and validates the file named by PARITY_PLUS_GROUPS; a mistake stops start-up with the reason. */
export function loadPlusGroups(path: string | undefined): PlusGroup[] {
  if (!path) return [];
  const parsed = plusGroupsFile.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`PARITY_PLUS_GROUPS (${path}): ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

const list = (values: (string | number)[]) => values.map((v) => (typeof v === 'number' ? String(v) : `'${v}'`)).join(', ');

/** The SQL condition for membership; `populationOnly` limits it to what the population table holds. */
export function plusGroupCondition(group: PlusGroup): string {
  const w = group.where;
  const parts: string[] = [];
  if (w.ethnic_category) parts.push(`ethnic_category IN (${list(w.ethnic_category)})`);
  if (w.ethnic_group) parts.push(`ethnic_group IN (${list(w.ethnic_group)})`);
  if (w.imd_quintile) parts.push(`imd_quintile IN (${list(w.imd_quintile)})`);
  if (w.imd_decile) parts.push(`imd_decile IN (${list(w.imd_decile)})`);
  if (w.sex) parts.push(`sex IN (${list(w.sex)})`);
  if (w.age_min !== undefined) parts.push(`age >= ${w.age_min}`);
  if (w.age_max !== undefined) parts.push(`age <= ${w.age_max}`);
  return `(${parts.join(' AND ')})`;
}

/** Conditions on ethnic category or IMD decile cannot be matched in the catchment population. */
function hasPopulation(groups: PlusGroup[]): boolean {
  return groups.every((g) => !g.where.ethnic_category && !g.where.imd_decile);
}

export const EVERYONE_ELSE = 'Everyone else';

/** A record in two groups counts in the first one configured, so the groups add up to the total. */
export function plusGroupSpec(groups: PlusGroup[]): BreakdownSpec {
  const key = `CASE ${groups.map((g) => `WHEN ${plusGroupCondition(g)} THEN '${g.id}'`).join(' ')} ELSE '${EVERYONE_ELSE}' END`;
  const labels = new Map(groups.map((g) => [g.id, g.label]));
  const order = groups.map((g) => g.id);
  return {
    raw: key,
    keyOf: (x) => x,
    populationRaw: hasPopulation(groups) ? key : undefined,
    label: (g) => labels.get(g) ?? g,
    order: (g) => (order.includes(g) ? order.indexOf(g) : order.length),
  };
}
