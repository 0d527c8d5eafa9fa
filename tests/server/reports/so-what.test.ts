import { describe, expect, it } from 'vitest';
import type { PublicMetric, SpcView } from '../../../metrics/engine/result-types.ts';
import { soWhatLine, type SoWhatInput } from '../../../server/reports/so-what.ts';

const metric = { id: 'x', title: 'Did-not-attend rate', unit: '%', polarity: 'lower', grain: 'month', area: null } as unknown as PublicMetric;
const fig = (value: number, lower: number, upper: number) => ({ value, lower, upper, suppressed: false });
const months = Array.from({ length: 24 }, (_, i) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`);
function gapSpc(mean: number, signals: SpcView['signals']): SpcView {
  return { mean, lower: mean - 3, upper: mean + 3, nearLower: mean - 2, nearUpper: mean + 2, averageMovingRange: 1, points: months.map((period) => ({ period, value: mean, signal: null, kind: null })), variation: 'common-cause', assurance: null, target: null, warning: null, signals } as SpcView;
}
const base: SoWhatInput = { metric, core20: fig(10.2, 9.9, 10.5), rest: fig(6.8, 6.6, 7.0), spc: null, gapSpc: gapSpc(5, []), hasGap: true, completeness: { datasetTitle: 'Outpatient appointments', validPercent: 93, lower: 92.8, upper: 93.2, suppressed: false }, target: 95 };

describe('page one of the board report', () => {
  it('calls Core20 worse only when the intervals do not overlap, and similar when they do', () => {
    expect(soWhatLine(base).core20.text).toBe('Worse for Core20: 10.2% against 6.8% for the rest');
    expect(soWhatLine({ ...base, core20: fig(7.0, 6.5, 7.6) }).core20.text).toMatch(/^No clear difference: 7.0% against 6.8%/);
    expect(soWhatLine({ ...base, core20: fig(5.0, 4.8, 5.2) }).core20.verdict).toBe('better');
  });

  it('says the gap widened when the latest signal moves it away from zero, narrowed when towards', () => {
    const high = { rule: 'shift', from: '2024-03-01', to: '2024-11-01', direction: 'high', kind: 'concern', points: 9 } as const;
    const low = { ...high, direction: 'low', kind: 'improvement' } as const;
    expect(soWhatLine({ ...base, gapSpc: gapSpc(5, [high]) }).gap.text).toMatch(/^Widening: .*ran above the mean, Mar 2024 to Nov 2024/);
    expect(soWhatLine({ ...base, gapSpc: gapSpc(5, [high, { ...low, from: '2025-01-01', to: '2025-08-01' }]) }).gap.direction).toBe('narrowing');
    // A negative gap (Q1 below Q5) that falls further is widening.
    expect(soWhatLine({ ...base, gapSpc: gapSpc(-4, [low]) }).gap.direction).toBe('widening');
    expect(soWhatLine(base).gap.text).toMatch(/^No significant change: common cause variation around \+5.0 percentage points, Jan 2024–Dec 2025/);
    expect(soWhatLine({ ...base, gapSpc: null }).gap.direction).toBe('too-few');
  });

  it('names the signals of the trust-wide series, latest and earlier, and says when there are too few points', () => {
    expect(soWhatLine(base).spc.text).toBe('Too few points for SPC');
    const shift = { rule: 'shift', from: '2024-12-01', to: '2025-09-01', direction: 'high', kind: 'concern', points: 10 } as const;
    const text = soWhatLine({ ...base, spc: gapSpc(8, [shift]) }).spc.text;
    expect(text).toBe('Earlier: ran above the mean, Dec 2024 to Sep 2025 (concern)');
  });

  it('reports ethnicity recording against the target, CI-gated', () => {
    expect(soWhatLine(base).completeness.text).toBe('Below the target: 93.0% of Outpatient appointments records have a valid ethnic category (target 95%)');
    expect(soWhatLine({ ...base, completeness: { ...base.completeness!, lower: 94, upper: 96 } }).completeness.status).toBe('unclear');
    expect(soWhatLine({ ...base, completeness: null }).completeness.status).toBe('not-applicable');
  });
});
