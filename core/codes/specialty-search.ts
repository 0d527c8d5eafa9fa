// Finding a specialty the way clinicians name it: by the Data Dictionary name ("Trauma &
// Orthopaedics"), by the treatment function code ("110"), or by the abbreviation used on wards and
// in rotas ("T&O", "ENT", "ObGyn", "A&E"). The abbreviations sit here, beside the treatment
// functions they point to, so the list is reviewed with the codes.

/** Common abbreviations and short names → the treatment function codes they mean. */
export const SPECIALTY_ABBREVIATIONS: Record<string, readonly string[]> = {
  'A&E': ['180'],
  AE: ['180'],
  ED: ['180'],
  ER: ['180'],
  Emergency: ['180'],
  Casualty: ['180'],
  ENT: ['120'],
  'T&O': ['110'],
  TO: ['110'],
  Ortho: ['110'],
  Orthopaedics: ['110'],
  Orthopedics: ['110'],
  Trauma: ['110'],
  ObGyn: ['501', '502', '503'],
  ObsGyn: ['501', '502', '503'],
  'Obs & Gynae': ['501', '502', '503'],
  'O&G': ['501', '502', '503'],
  Obs: ['501'],
  Gynae: ['502', '503'],
  Gyn: ['502', '503'],
  GenSurg: ['100'],
  GS: ['100'],
  GIM: ['300'],
  'Gen Med': ['300'],
  Gastro: ['301'],
  GI: ['301'],
  Cardio: ['320'],
  Derm: ['330'],
  Derma: ['330'],
  Derms: ['330'],
  Resp: ['340'],
  Chest: ['340'],
  Neuro: ['400', '150'],
  Neurosurg: ['150'],
  Rheum: ['410'],
  Rheumy: ['410'],
  COTE: ['430'],
  DME: ['430'],
  Geris: ['430'],
  Geriatrics: ['430'],
  'Care of the elderly': ['430'],
  Paeds: ['420'],
  Peds: ['420'],
  Ophth: ['130'],
  Eyes: ['130'],
  Uro: ['101'],
  OMFS: ['140'],
  'Max Fax': ['140'],
  Maxfax: ['140'],
  Plastics: ['160'],
  CTS: ['170'],
  Cardiothoracics: ['170'],
  Vascular: ['107'],
  Breast: ['103'],
  Colorectal: ['104'],
  Endo: ['302'],
  Haem: ['303'],
  Heme: ['303'],
  Renal: ['361'],
  Onc: ['370', '800', '503'],
  Physio: ['650'],
  CAMHS: ['711'],
  IR: ['811'],
};

/** Lower case, "&" and "+" as "and", punctuation as spaces: "Ear, Nose & Throat" → "ear nose and throat". */
function words(text: string): string {
  return text.toLowerCase().replace(/[&+]/g, ' and ').replace(/[^a-z0-9]+/g, ' ').trim().replace(/\s+/g, ' ');
}

/** The words run together without "and": "T & O", "t and o" and "T&O" are all "to". */
function compact(text: string): string {
  return words(text).split(' ').filter((w) => w !== 'and').join('');
}

const BY_KEY = new Map<string, Set<string>>();
for (const [abbreviation, codes] of Object.entries(SPECIALTY_ABBREVIATIONS)) {
  const key = compact(abbreviation);
  const set = BY_KEY.get(key) ?? new Set<string>();
  codes.forEach((c) => set.add(c));
  BY_KEY.set(key, set);
}

/** The treatment function codes an abbreviation means (empty when it is not one). */
export function codesForAbbreviation(query: string): string[] {
  return [...(BY_KEY.get(compact(query)) ?? [])];
}

/**
 * Does a search box's text find this specialty? By part of its name (ignoring case, punctuation
 * and "&" against "and"), by the start of its code, or by a whole abbreviation. An abbreviation
 * matches names only at the start of a word, so "ENT" finds Ear, Nose & Throat and not
 * Gastroenterology, and "ED" not Paediatrics. An empty search finds everything.
 */
export function specialtyMatches(query: string, specialty: { code: string; name: string }): boolean {
  const q = words(query);
  if (!q) return true;
  const abbreviation = BY_KEY.get(compact(query));
  if (abbreviation?.has(specialty.code)) return true;
  const name = words(specialty.name);
  if (abbreviation ? ` ${name}`.includes(` ${q}`) : name.includes(q)) return true;
  return specialty.code.toLowerCase().startsWith(query.trim().toLowerCase());
}
