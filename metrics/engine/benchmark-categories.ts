// Which Parity group a benchmark row's category is: Fingertips writes deprivation deciles as
// "Most deprived decile (IMD2019)" … "Least deprived decile (IMD2019)" and broad ethnic groups as
// "Asian", "Black", …; the plain layout may write imd_decile / 1–10 or Parity's own group names.
import { ETHNIC_GROUPS } from '../../core/codes/ethnicity.ts';

export type GradientBreakdown = 'imd_decile' | 'imd_quintile' | 'ethnic_group';

/** Ordinal words of deciles and quintiles, most deprived first. */
const DECILE_WORDS = ['most', 'second most', 'third more', 'fourth more', 'fifth more', 'fifth less', 'fourth less', 'third less', 'second least', 'least'];
const QUINTILE_WORDS = ['most', 'second most', 'middle', 'second least', 'least'];

const ETHNIC_NAMES: Record<string, string> = {
  white: 'White',
  mixed: 'Mixed',
  'mixed/multiple ethnic groups': 'Mixed',
  asian: 'Asian or Asian British',
  'asian/asian british': 'Asian or Asian British',
  black: 'Black or Black British',
  'black/african/caribbean/black british': 'Black or Black British',
  other: 'Other ethnic group',
  'other ethnic group': 'Other ethnic group',
  ...Object.fromEntries(ETHNIC_GROUPS.map((g) => [g.toLowerCase(), g])),
};

function ordinal(category: string, unit: 'decile' | 'quintile'): number | null {
  const text = category.toLowerCase().replace(/\(.*?\)/g, '').replace(/\s+/g, ' ').trim();
  if (/^[0-9]+$/.test(text)) {
    const n = Number(text);
    return n >= 1 && n <= (unit === 'decile' ? 10 : 5) ? n : null;
  }
  const words = unit === 'decile' ? DECILE_WORDS : QUINTILE_WORDS;
  const m = new RegExp(`^(.*) deprived ${unit}$`).exec(text) ?? (unit === 'quintile' && text === 'middle quintile' ? [text, 'middle'] : null);
  if (!m) return null;
  const index = words.indexOf(m[1].trim());
  return index === -1 ? null : index + 1;
}

/** The breakdown and group a category belongs to, or null when it is not one Parity shows. */
export function categoryGroup(categoryType: string | null, category: string | null): { by: GradientBreakdown; group: string } | null {
  if (!category) return null;
  const type = (categoryType ?? '').toLowerCase();
  const text = category.toLowerCase();
  if (type.includes('decile') || text.includes('decile')) {
    const n = ordinal(category, 'decile');
    return n === null ? null : { by: 'imd_decile', group: String(n) };
  }
  if (type.includes('quintile') || text.includes('quintile')) {
    const n = ordinal(category, 'quintile');
    return n === null ? null : { by: 'imd_quintile', group: String(n) };
  }
  if (type.includes('ethnic')) {
    const group = ETHNIC_NAMES[text.trim()];
    return group ? { by: 'ethnic_group', group } : null;
  }
  return null;
}
