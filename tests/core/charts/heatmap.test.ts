// The heat map draws every cell: a suppressed one in the pale grey the caption promises, marked *.
import * as vega from 'vega';
import * as vl from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { colours } from '../../../core/charts/palette.ts';
import { heatmapSpec } from '../../../core/charts/heatmap.ts';
import type { BreakdownResult } from '../../../core/contracts/results.ts';

const metric = { id: 'op-dna-rate', title: 'Outpatient did-not-attend rate', unit: 'percent', polarity: 'lower-is-better', method: 'Wilson score' };
const cell = (label: string, label2: string, value: number | null) => ({
  group: label, label, group2: label2, label2,
  numerator: value === null ? null : 12, denominator: value === null ? null : 100,
  value, lower: value, upper: value, suppressed: value === null, comparison: null,
});

async function svgOf(rows: ReturnType<typeof cell>[]): Promise<string> {
  const result = { metric, by: 'sex', by2: 'imd_quintile', level: 95, rows } as unknown as BreakdownResult;
  const view = new vega.View(vega.parse(vl.compile(heatmapSpec(result)).spec), { renderer: 'none' });
  return view.toSVG();
}

describe('heat map', () => {
  it('fills a suppressed cell with the suppressed grey and writes * in it', async () => {
    const svg = await svgOf([cell('Female', '1', 0.12), cell('Female', '2', null), cell('Male', '1', 0.2), cell('Male', '2', 0.15)]);
    const cells = svg.match(/<path[^>]*aria-roledescription="rect mark"[^>]*>/g) ?? [];
    expect(cells).toHaveLength(4);
    expect(cells.filter((c) => c.includes(`fill="${colours.suppressed}"`))).toHaveLength(1);
    expect(svg).toMatch(/<text[^>]*>\*<\/text>/);
    // A screen reader hears what the table says, not "null".
    expect(cells[1]).toContain('aria-label="Female, 2: Suppressed (small numbers), * of *"');
    expect(svg).not.toContain('null');
  });
});
