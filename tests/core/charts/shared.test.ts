import { describe, expect, it } from 'vitest';
import { valueTitle } from '../../../core/charts/shared.ts';
import { CATALOGUE } from '../../../metrics/catalogue/index.ts';

describe('valueTitle', () => {
  it('names the unit once: never "per 100,000 (per 100,000)"', () => {
    expect(valueTitle({ title: 'Mental Health Act detentions per 100,000', unit: 'per 100,000', polarity: 'lower' })).toBe('Mental Health Act detentions per 100,000');
    expect(valueTitle({ title: 'Outpatient did-not-attend rate', unit: '%', polarity: 'lower' })).toBe('Outpatient did-not-attend rate (%)');
    for (const m of CATALOGUE) {
      const title = valueTitle(m);
      expect(title.split(m.unit).length - 1, title).toBeLessThanOrEqual(1);
    }
  });
});
