import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ProblemsPanel } from '../../../../web/src/pages/upload/ProblemsPanel.tsx';

const render = (missing: string[]) => renderToStaticMarkup(createElement(ProblemsPanel, { missing, problems: [], quarantined: [], rowsChecked: 2, more: false }));

describe('the pre-upload check', () => {
  it('is never "No problems found" while a required column has no header', () => {
    const html = render(['appointment_id', 'patient_id']);
    expect(html).not.toContain('No problems found');
    expect(html).toContain('The server would refuse this file: required columns appointment_id, patient_id have no');
  });

  it('says no problems were found once every required column has a header', () => {
    expect(render([])).toContain('No problems found in all 2 rows.');
  });
});
