import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ResultSummary } from '../../../../web/src/pages/upload/ResultSummary.tsx';
import type { IngestSummary } from '../../../../web/src/pages/upload/api.ts';

const summary = (skippedLines: IngestSummary['skippedLines']): IngestSummary => ({
  extractId: 'outpatients-1234abcd', dataset: 'outpatients', status: 'loaded', rowsRead: 24, rowsLoaded: 23, rowsQuarantined: 1, rowsSetAside: 0,
  setAside: [], grain: null, imd: null, columns: [], notComputable: [], errors: [], fileError: null, dataQuality: {}, encoding: 'utf-8',
  delimiter: ',', columnMapping: {}, ignoredColumns: [], replaced: null, skippedLines, notes: [],
});
const render = (s: IngestSummary) => renderToStaticMarkup(createElement(ResultSummary, { summary: s, fileName: 'report.csv', previous: null }));

describe('the upload result', () => {
  it('says how many lines of report title above the header were skipped, with the blank and footer lines', () => {
    const html = render(summary({ preamble: 4, blank: 2, footer: 1 }));
    expect(html).toContain('Not data rows, skipped and not counted above: 4 lines of report title above the header row; 2 blank lines');
    expect(html).toContain('1 line of report footer after the last row');
  });

  it('says so for a title block alone', () => {
    expect(render(summary({ preamble: 1, blank: 0, footer: 0 }))).toContain('skipped and not counted above: 1 line of report title above the header row.');
  });

  it('says nothing of skipped lines when none were', () => {
    expect(render(summary({ preamble: 0, blank: 0, footer: 0 }))).not.toContain('skipped-lines');
  });
});
