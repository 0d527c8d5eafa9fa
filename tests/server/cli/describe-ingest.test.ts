import { describe, expect, it } from 'vitest';
import { describeIngest } from '../../../server/cli/describe-ingest.ts';
import type { IngestSummary } from '../../../pipelines/ingest/summary.ts';

const loaded: IngestSummary = {
  extractId: 'admissions-1234abcd', dataset: 'admissions', status: 'loaded',
  rowsRead: 1046, rowsLoaded: 1029, rowsQuarantined: 1, rowsSetAside: 16,
  setAside: [{ reason: 'later_episode', rows: 16, message: '16 later episodes of 12 spells set aside: not duplicates and not errors.' }],
  grain: { file: 'episode', stored: 'spell', rowsStored: 1029, message: 'One row per episode in the file, one per spell stored: 1,029 spells.' },
  imd: {
    lsoaVintage: '2021', vintageBasis: 'named', rows: { IoD2019: 0, IoD2025: 1029, supplied: 0, outsideEngland: 0, notFound: 0, noLsoa: 0 },
    supplied: { header: 'IMD_Decile', edition: null, agree: 1000, disagree: 29, message: 'IMD_Decile (edition not stated) disagrees with the derived decile on 29 rows.' },
    message: 'IMD decile: 1,029 rows from IoD2025.',
  },
  columns: [],
  notComputable: [{ metric: 'apc-emergency-rate', title: 'Emergency admissions', message: 'Not computable from this extract (a.csv, admissions-1234abcd): admission_method has one value.', reason: 'one value', fix: 'export it', extractIds: ['admissions-1234abcd'] }],
  errors: [{ row: 22, column: 'row', message: 'has 4 fields but the header has 10' }],
  fileError: null, dataQuality: { lsoa_code: 3 }, encoding: 'utf-8', delimiter: ',', columnMapping: {}, ignoredColumns: [], replaced: null,
  skippedLines: { preamble: 4, blank: 2, footer: 1 },
  notes: ['lsoa_code: read from "LSOA21"; "LSOA11" could also fill it and was not used (the newer, 2021, LSOA is preferred).'],
};

describe('parity ingest in words', () => {
  it('prints the counts, the skipped lines, the notes, rows set aside, the IMD editions and what cannot be computed', () => {
    const text = describeIngest(loaded);
    expect(text.split('\n')).toEqual([
      'Loaded admissions-1234abcd: 1,046 rows read, 1,029 loaded, 1 quarantined, 16 set aside.',
      '  row 22: row: has 4 fields but the header has 10',
      'Skipped, not data rows (not counted as read): 4 lines of report title above the header, 2 blank lines, 1 line of report footer.',
      'How the file was read:',
      '  - lsoa_code: read from "LSOA21"; "LSOA11" could also fill it and was not used (the newer, 2021, LSOA is preferred).',
      'One row per episode in the file, one per spell stored: 1,029 spells.',
      'Set aside (read, neither loaded nor quarantined):',
      '  - 16 later episodes of 12 spells set aside: not duplicates and not errors.',
      'IMD decile: 1,029 rows from IoD2025.',
      'IMD_Decile (edition not stated) disagrees with the derived decile on 29 rows.',
      'Not computable from this extract:',
      '  - Emergency admissions (apc-emergency-rate): Not computable from this extract (a.csv, admissions-1234abcd): admission_method has one value.',
      'Kept with blanks (invalid optional values): lsoa_code 3',
    ]);
  });

  it('leaves out the parts with nothing to say', () => {
    const plain = { ...loaded, rowsSetAside: 0, rowsRead: 2, rowsLoaded: 2, rowsQuarantined: 0, errors: [], setAside: [], grain: null, imd: null,
      notComputable: [], dataQuality: {}, notes: [], skippedLines: { preamble: 0, blank: 0, footer: 0 } };
    expect(describeIngest(plain)).toBe('Loaded admissions-1234abcd: 2 rows read, 2 loaded, 0 quarantined.');
  });
});
