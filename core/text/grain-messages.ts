// Words about the grain of an upload (episodes, population rows, totals) and the IMD edition its
// deciles came from. Kept apart from ingest-messages.ts, which speaks of refusals and bad rows.
import type { ImdReport } from '../contracts/ingest.ts';

const n = (x: number) => x.toLocaleString('en-GB');
const rows = (x: number) => `${n(x)} row${x === 1 ? '' : 's'}`;
const edition = (v: '2011' | '2021') => (v === '2011' ? 'IoD2019' : 'IoD2025');

export const grainMessages = {
  laterEpisodes: (episodes: number, spells: number) =>
    `${n(episodes)} later episode${episodes === 1 ? '' : 's'} of ${n(spells)} spell${spells === 1 ? '' : 's'} set aside: the file has one row per consultant episode, ` +
    'and each spell is counted once, at its first episode (lowest episode order). They are not duplicates and not errors.',
  episodeGrain: (stored: number) => `Read one row per consultant episode; stored one row per hospital spell (${n(stored)} spells).`,
  totalRows: (x: number) =>
    `${rows(x)} set aside as totals: both sexes together (Total, Persons), All ages, or an age group wider than one band (such as Aged 16 to 64). ` +
    'The single-sex, single-band rows add up to them, so counting them too would count people twice.',
  notCounts: (x: number, header: string) =>
    `${rows(x)} set aside because their ${header} is not a count (such as Percent): only the rows that count people are added up.`,
  areaTotals: (x: number) =>
    `${rows(x)} set aside as totals for areas larger than an LSOA (a local authority, region or country): the file's LSOA rows add up to them.`,
  populationGrain: (read: number, stored: number, lsoas: number) =>
    `Added ${rows(read)} up into ${n(stored)} population cell${stored === 1 ? '' : 's'} (year × ${lsoas ? `LSOA (${n(lsoas)}) × ` : ''}age band × sex).`,
  vintageFromHeader: (header: string, vintage: '2011' | '2021') =>
    `The header "${header}" names ${vintage} LSOAs, so deciles come from ${edition(vintage)}.`,
  vintageFromCodes: (vintage: '2011' | '2021', only: number) =>
    `${n(only)} of the LSOA codes exist only in the ${vintage} list, so the codes are read as ${vintage} LSOAs and deciles come from ${edition(vintage)}.`,
  vintageMixed: (only11: number, only21: number) =>
    `The file mixes 2011 and 2021 LSOA codes (${n(only11)} only in the 2011 list, ${n(only21)} only in the 2021 list): each code takes the edition of the list it is in, IoD2025 where it is in both.`,
  vintageFromYear: (year: number, vintage: '2011' | '2021') =>
    `Every LSOA code is in both the 2011 and 2021 lists and the header does not say which; the population is for ${year}, and ONS estimates ` +
    `${vintage === '2011' ? 'up to mid-2020 are on 2011 LSOAs' : 'from mid-2021 are on 2021 LSOAs'}, so deciles come from ${edition(vintage)}.`,
  vintageAssumed: () =>
    'Every LSOA code is in both the 2011 and 2021 lists and the header does not say which: read as 2021 LSOAs (IoD2025, the newer edition). ' +
    'Name the column LSOA11 or LSOA21 to say which.',
  vintagePerCode: (only11: number) =>
    'The header does not say whether these are 2011 or 2021 LSOAs: each code takes IoD2025 where it is a 2021 LSOA' +
    (only11 ? `, and IoD2019 where it exists only in the 2011 list (${n(only11)} code${only11 === 1 ? '' : 's'}).` : '.') +
    ' Name the column LSOA11 or LSOA21 to say which.',
  noLsoa: () => 'The file has no LSOA codes, so no decile could be derived.',
  suppliedImd: (header: string, ed: string | null, agree: number, disagree: number, kind: 'decile' | 'quintile') =>
    `The file supplies an IMD ${kind} ("${header}", ${ed ? `named as ${ed}` : 'edition not stated in its header'}). ` +
    (agree + disagree === 0
      ? `It was used only where no LSOA gave a ${kind}.`
      : `The ${kind} derived from the LSOA is used; the supplied one agrees on ${rows(agree)} and disagrees on ${rows(disagree)}` +
        (disagree > 0 ? ' — check which IoD edition the supplied column is from.' : '.')),
  imdSummary: (r: ImdReport['rows'], v: { basis: string }) => {
    const parts = [
      r.IoD2025 ? `${rows(r.IoD2025)} from IoD2025` : '', r.IoD2019 ? `${rows(r.IoD2019)} from IoD2019` : '',
      r.supplied ? `${rows(r.supplied)} from the supplied column` : '', r.outsideEngland ? `${rows(r.outsideEngland)} outside England (no English IMD)` : '',
      r.notFound ? `${rows(r.notFound)} with an LSOA in neither edition` : '', r.noLsoa ? `${rows(r.noLsoa)} without an LSOA` : '',
    ].filter(Boolean);
    return `IMD decile: ${parts.join(', ') || 'none'}. ${v.basis}`;
  },
};
