/**
 * NHS Data Dictionary ethnic category (2001 census based) and the five-group roll-up. `words` are
 * the labels extracts use for it, the 2021 census labels included (Roma and Gypsy or Irish
 * Traveller under any other White background, Arab under any other ethnic group, as NHS England maps them).
 */
export const ETHNIC_CATEGORIES = [
  { code: 'A', label: 'White - British', group: 'White', words: ['British', 'White British', 'White - British', 'White: English, Welsh, Scottish, Northern Irish or British', 'White English', ] },
  { code: 'B', label: 'White - Irish', group: 'White', words: ['Irish', 'White Irish', 'White - Irish', 'White: Irish'] },
  { code: 'C', label: 'White - Any other White background', group: 'White', words: ['Any other White background', 'Other White', 'White other', 'White - Other', 'White - Any other White background', 'White: Gypsy or Irish Traveller', 'White: Roma', 'White: Other White', 'Gypsy or Irish Traveller', 'Roma'] },
  { code: 'D', label: 'Mixed - White and Black Caribbean', group: 'Mixed', words: ['White and Black Caribbean', 'Mixed White and Black Caribbean', 'Mixed - White and Black Caribbean', 'Mixed or Multiple ethnic groups: White and Black Caribbean'] },
  { code: 'E', label: 'Mixed - White and Black African', group: 'Mixed', words: ['White and Black African', 'Mixed White and Black African', 'Mixed - White and Black African', 'Mixed or Multiple ethnic groups: White and Black African'] },
  { code: 'F', label: 'Mixed - White and Asian', group: 'Mixed', words: ['White and Asian', 'Mixed White and Asian', 'Mixed - White and Asian', 'Mixed or Multiple ethnic groups: White and Asian'] },
  { code: 'G', label: 'Mixed - Any other mixed background', group: 'Mixed', words: ['Any other mixed background', 'Other Mixed', 'Mixed other', 'Mixed - Other', 'Mixed - Any other mixed background', 'Mixed or Multiple ethnic groups: Other Mixed or Multiple ethnic groups', 'Other Mixed or Multiple ethnic groups'] },
  { code: 'H', label: 'Asian or Asian British - Indian', group: 'Asian or Asian British', words: ['Indian', 'Asian Indian', 'Asian - Indian', 'Asian or Asian British - Indian', 'British Indian', 'Asian, Asian British or Asian Welsh: Indian'] },
  { code: 'J', label: 'Asian or Asian British - Pakistani', group: 'Asian or Asian British', words: ['Pakistani', 'Asian Pakistani', 'Asian - Pakistani', 'Asian or Asian British - Pakistani', 'Asian, Asian British or Asian Welsh: Pakistani'] },
  { code: 'K', label: 'Asian or Asian British - Bangladeshi', group: 'Asian or Asian British', words: ['Bangladeshi', 'Asian Bangladeshi', 'Asian - Bangladeshi', 'Asian or Asian British - Bangladeshi', 'Asian, Asian British or Asian Welsh: Bangladeshi'] },
  { code: 'L', label: 'Asian or Asian British - Any other Asian background', group: 'Asian or Asian British', words: ['Any other Asian background', 'Other Asian', 'Asian other', 'Asian - Other', 'Asian or Asian British - Any other Asian background', 'Asian, Asian British or Asian Welsh: Other Asian'] },
  { code: 'M', label: 'Black or Black British - Caribbean', group: 'Black or Black British', words: ['Caribbean', 'Black Caribbean', 'Black - Caribbean', 'Black or Black British - Caribbean', 'Black, Black British, Black Welsh, Caribbean or African: Caribbean'] },
  { code: 'N', label: 'Black or Black British - African', group: 'Black or Black British', words: ['African', 'Black African', 'Black - African', 'Black or Black British - African', 'Black, Black British, Black Welsh, Caribbean or African: African'] },
  { code: 'P', label: 'Black or Black British - Any other Black background', group: 'Black or Black British', words: ['Any other Black background', 'Other Black', 'Black other', 'Black - Other', 'Black or Black British - Any other Black background', 'Black, Black British, Black Welsh, Caribbean or African: Other Black'] },
  { code: 'R', label: 'Other Ethnic Groups - Chinese', group: 'Other ethnic group', words: ['Chinese', 'Other - Chinese', 'Other Ethnic Groups - Chinese', 'Asian Chinese', 'Asian, Asian British or Asian Welsh: Chinese'] },
  { code: 'S', label: 'Other Ethnic Groups - Any other ethnic group', group: 'Other ethnic group', words: ['Any other ethnic group', 'Other ethnic group', 'Other', 'Other Ethnic Groups - Any other ethnic group', 'Other ethnic group: Arab', 'Other ethnic group: Any other ethnic group', 'Arab'] },
  { code: 'Z', label: 'Not stated', group: 'Not stated', words: ['Not stated', 'Declined', 'Refused', 'Prefer not to say', 'Not stated (person asked but declined)', 'NS'] },
  { code: '99', label: 'Not known', group: 'Not known', words: ['Not known', 'Unknown', 'Not recorded', '9', 'NK'] },
] as const;

export const ETHNIC_GROUPS = ['White', 'Mixed', 'Asian or Asian British', 'Black or Black British', 'Other ethnic group'] as const;
export const ETHNIC_UNKNOWN_GROUPS = ['Not stated', 'Not known', 'Missing', 'Invalid'] as const;

/** Codes that name an ethnic category (all but Not stated and Not known). */
export const VALID_ETHNIC_CODES: readonly string[] = ETHNIC_CATEGORIES.filter((c) => c.code !== 'Z' && c.code !== '99').map((c) => c.code);

/**
 * Code → group, from ETHNIC_CATEGORIES. `chineseGroup: '2021'` follows the 2021 census, which
 * places Chinese (R) under Asian or Asian British; the 2001 classification (default) keeps it in
 * Other ethnic group.
 */
export function ethnicGroupOf(code: string, chineseGroup: '2001' | '2021' = '2001'): string | null {
  if (code === 'R' && chineseGroup === '2021') return 'Asian or Asian British';
  return ETHNIC_CATEGORIES.find((c) => c.code === code)?.group ?? null;
}
