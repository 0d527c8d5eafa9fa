import type { TopLevelSpec } from 'vega-lite';
import type { Counts } from '../contracts/results.ts';
import { formatCount, formatPercent } from '../text/format.ts';
import { completenessColours } from './palette.ts';
import { base, groupAxis, hasLongLabels, type ChartOptions } from './shared.ts';

export const completenessCategories = ['Valid', 'Not stated', 'Not known', 'Missing', 'Invalid'] as const;

export interface CompletenessItem extends Counts {
  label: string;
  /** First day of the period, for a bar per month. */
  period?: string;
}

function shareOf(part: number | null, total: number | null): number | null {
  return part === null || total === null || total <= 0 ? null : (part / total) * 100;
}

function completenessLong(items: CompletenessItem[], categories: readonly string[]) {
  return items.flatMap((item, i) => {
    const counts = [item.valid, item.notStated, item.notKnown, item.missing, item.invalid];
    // Shares of the counts shown, not of the total: under disclosure control each count is rounded
    // on its own, so shares of the rounded total can add up to more than 100%.
    const shown = counts.reduce<number | null>((sum, n) => (n === null ? sum : (sum ?? 0) + n), null);
    return completenessCategories.map((category, c) => ({
      label: item.label,
      period: item.period ?? null,
      item: i,
      category,
      order: c,
      count: counts[c],
      share: shareOf(counts[c], shown) ?? 0,
      countText: formatCount(counts[c]),
      shareText: formatPercent(shareOf(counts[c], shown)),
      totalText: formatCount(item.total),
    })).filter((d) => categories.includes(d.category));
  });
}

/**
 * Stacked bars of valid / not stated / not known / missing / invalid records: one bar per group
 * (horizontal) or per period (vertical, `orientation: 'periods'`). With `withoutValid` only the
 * four kinds of unusable record are stacked, on an axis zoomed to them.
 */
export function completenessStackSpec(items: CompletenessItem[], options: ChartOptions & { orientation?: 'groups' | 'periods'; groupTitle?: string; withoutValid?: boolean } = {}): TopLevelSpec {
  const categories = options.withoutValid ? completenessCategories.slice(1) : completenessCategories;
  const values = completenessLong(items, categories);
  const labels = items.map((i) => i.label);
  const share = {
    field: 'share', type: 'quantitative' as const, stack: 'zero' as const,
    title: options.withoutValid ? 'Share of records not validly recorded (%)' : 'Share of records (%)',
    ...(options.withoutValid ? {} : { scale: { domain: [0, 100] } }), axis: { tickCount: 5 },
  };
  const group = options.orientation === 'periods' && items.every((i) => i.period)
    ? { field: 'period', type: 'temporal' as const, timeUnit: 'utcyearmonth' as const, title: null, axis: { format: '%b %Y', labelAngle: -40, labelOverlap: true } }
    : { field: 'label', type: 'nominal' as const, title: options.groupTitle ?? null, sort: labels, axis: options.orientation === 'periods' ? { labelLimit: 220, labelAngle: -40 } : groupAxis() };
  const colour = {
    field: 'category', type: 'nominal' as const, title: 'Recorded as',
    scale: { domain: [...categories], range: categories.map((c) => completenessColours[c as keyof typeof completenessColours]) },
    legend: { columns: options.orientation !== 'periods' && hasLongLabels(labels) ? 3 : 5 },
  };
  const tooltip = [
    { field: 'label', title: options.groupTitle ?? 'Group' },
    { field: 'category', title: 'Recorded as' },
    { field: 'countText', title: 'Records' },
    { field: 'shareText', title: 'Share' },
    { field: 'totalText', title: 'All records' },
  ];
  const encoding = options.orientation === 'periods'
    ? { x: group, y: share, color: colour, order: { field: 'order', type: 'quantitative' as const }, tooltip }
    : { y: group, x: share, color: colour, order: { field: 'order', type: 'quantitative' as const }, tooltip };
  const spec = {
    ...base(options),
    height: options.orientation === 'periods' ? options.height ?? 240 : { step: 24 },
    data: { values },
    mark: { type: 'bar', stroke: '#ffffff', strokeWidth: 0.5 },
    encoding,
  };
  return spec as unknown as TopLevelSpec;
}
