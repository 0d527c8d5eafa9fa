/** The trust's three hospital sites and which one a neighbourhood tends to use. */
export const SITES = ['RRK02', 'RRK97', 'RRK15'] as const;
export type Site = (typeof SITES)[number];

/** A stable home site for an LSOA (roughly a 45 / 35 / 20 split of the catchment). */
export function homeSite(lsoaCode: string): Site {
  let h = 7;
  for (let i = 0; i < lsoaCode.length; i++) h = (h * 31 + lsoaCode.charCodeAt(i)) >>> 0;
  const u = (h % 1000) / 1000;
  return u < 0.45 ? 'RRK02' : u < 0.8 ? 'RRK97' : 'RRK15';
}
