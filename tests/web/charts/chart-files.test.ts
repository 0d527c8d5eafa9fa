import { describe, expect, it } from 'vitest';
import { publishBody, serverChartUrl } from '../../../web/src/charts/chart-files.ts';

describe('the server version of a web chart', () => {
  it('asks /api/charts for the same breakdown, period, filters and level, PNGs at 2×', () => {
    const url = new URL(serverChartUrl({ metric: 'op-dna-rate', chart: 'breakdown', by: 'ethnic_group', from: '2025-04-01', to: '2026-03-31', specialty: '110', site: null, level: 99.8 }, 'png'), 'http://x');
    expect(url.pathname).toBe('/api/charts/op-dna-rate.png');
    expect(Object.fromEntries(url.searchParams)).toEqual({ chart: 'breakdown', by: 'ethnic_group', from: '2025-04-01', to: '2026-03-31', specialty: '110', level: '99.8', scale: '2' });
  });

  it('sends by2 only for a heat map, and no level at 95%', () => {
    const url = new URL(serverChartUrl({ metric: 'op-dna-rate', chart: 'trend', by: 'overall', by2: 'sex', level: 95 }, 'svg'), 'http://x');
    expect(Object.fromEntries(url.searchParams)).toEqual({ chart: 'trend', by: 'overall' });
    expect(publishBody({ metric: 'op-dna-rate', chart: 'heatmap', by: 'ethnic_group', by2: 'imd_quintile', from: null, to: '2026-03-31', level: 95 }))
      .toEqual({ metric: 'op-dna-rate', chart: 'heatmap', by: 'ethnic_group', by2: 'imd_quintile', to: '2026-03-31' });
  });

  it('asks for the specialty comparison with the specialty to highlight, and publishes it the same way', () => {
    const chart = { metric: 'op-dna-rate', chart: 'specialty-comparison', by: 'specialty', specialty: '100', from: '2025-04-01', to: '2026-03-31', level: 95 } as const;
    const url = new URL(serverChartUrl(chart, 'svg'), 'http://x');
    expect(url.pathname).toBe('/api/charts/op-dna-rate.svg');
    expect(Object.fromEntries(url.searchParams)).toEqual({ chart: 'specialty-comparison', by: 'specialty', from: '2025-04-01', to: '2026-03-31', specialty: '100' });
    expect(publishBody(chart)).toEqual({ metric: 'op-dna-rate', chart: 'specialty-comparison', by: 'specialty', from: '2025-04-01', to: '2026-03-31', specialty: '100' });
  });

  it('asks /api/charts/completeness for a completeness chart, with the split only for the groups chart', () => {
    const months = new URL(serverChartUrl({ chart: 'completeness-months', dataset: 'outpatients', field: 'sex', by: 'specialty', from: '2023-04-01', to: '2026-03-31' }, 'png'), 'http://x');
    expect(months.pathname).toBe('/api/charts/completeness.png');
    expect(Object.fromEntries(months.searchParams)).toEqual({ chart: 'completeness-months', dataset: 'outpatients', field: 'sex', from: '2023-04-01', to: '2026-03-31', scale: '2' });
    expect(publishBody({ chart: 'completeness-groups', dataset: 'waiting_list', field: 'ethnicity', by: 'site', from: null, to: null }))
      .toEqual({ chart: 'completeness-groups', dataset: 'waiting_list', field: 'ethnicity', by: 'site' });
  });
});
