// Stacked completeness bars fill exactly the whole bar, even when disclosure control has rounded
// each count on its own so that the parts add up to more than the rounded total.
import { describe, expect, it } from 'vitest';
import { completenessStackSpec, type CompletenessItem } from '../../../core/charts/completeness-stack.ts';

const item = (label: string, counts: Partial<CompletenessItem>): CompletenessItem => ({
  label, total: null, valid: null, notStated: null, notKnown: null, missing: null, invalid: null, validPercent: null, ...counts,
});

function sharesByBar(items: CompletenessItem[], withoutValid = false): Map<string, number> {
  const spec = completenessStackSpec(items, withoutValid ? { orientation: 'periods', withoutValid } : {}) as unknown as { data: { values: { label: string; share: number }[] } };
  const sums = new Map<string, number>();
  for (const d of spec.data.values) sums.set(d.label, (sums.get(d.label) ?? 0) + d.share);
  return sums;
}

describe('completeness stacked bars', () => {
  it('sums each bar to 100% of the counts shown, not of the rounded total', () => {
    // Rounded to 5 each: 905 + 45 + 30 + 25 + 0 = 1,005 against a rounded total of 1,000.
    const bars = sharesByBar([item('Paediatrics', { total: 1000, valid: 905, notStated: 45, notKnown: 30, missing: 25, invalid: 0 })]);
    expect(bars.get('Paediatrics')).toBeCloseTo(100, 9);
  });

  it('leaves a withheld count out of the bar rather than drawing it as zero of the total', () => {
    const bars = sharesByBar([item('Clinic A', { total: 100, valid: 90, notStated: 10, notKnown: null, missing: 0, invalid: 0 })]);
    expect(bars.get('Clinic A')).toBeCloseTo(100, 9);
  });
});
