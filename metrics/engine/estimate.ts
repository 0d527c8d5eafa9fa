// Turns the SQL cells of a compiled query into estimates with intervals, using the pure
// functions of the statistics module. Counts stay true here; disclosure control comes after.
import type { MetricDefinition } from '../catalogue/schema.ts';
import { METHOD_OF } from '../catalogue/schema.ts';
import { crudeRate, dobsonDsr, wilson } from '../statistics/index.ts';

export interface Cell {
  period: string;
  /** NULL on the total of a period. */
  g1: string | null;
  g2: string | null;
  total: boolean;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  lower: number | null;
  upper: number | null;
  method: string;
  /** Why there is no value, when there is none. */
  reason: string | null;
}

type SqlRow = Record<string, unknown>;
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const key = (r: SqlRow) => `${r.period}|${r.total}|${r.g1}|${r.g2}`;

function emptyCell(r: SqlRow, method: string, reason: string | null): Cell {
  return {
    period: String(r.period),
    g1: (r.g1 as string | null) ?? null,
    g2: (r.g2 as string | null) ?? null,
    total: Boolean(r.total),
    numerator: null,
    denominator: null,
    value: null,
    lower: null,
    upper: null,
    method,
    reason,
  };
}

function proportionCell(r: SqlRow, level: number, multiplier: number): Cell {
  const cell = emptyCell(r, METHOD_OF.percentage, null);
  const x = num(r.numerator) ?? 0;
  const n = num(r.denominator) ?? 0;
  cell.numerator = x;
  cell.denominator = n;
  if (n === 0) return { ...cell, reason: 'no records in the denominator' };
  return { ...cell, ...wilson(x, n, level, multiplier), method: METHOD_OF.percentage };
}

function medianCell(r: SqlRow): Cell {
  const cell = emptyCell(r, METHOD_OF.median, null);
  return { ...cell, denominator: num(r.denominator), value: num(r.value), lower: num(r.lower), upper: num(r.upper) };
}

function externalCell(r: SqlRow, level: number, multiplier: number): Cell {
  const x = num(r.numerator);
  const n = num(r.denominator);
  if (x !== null && n !== null && n > 0 && Number.isInteger(x) && Number.isInteger(n) && x <= n) return proportionCell(r, level, multiplier);
  const cell = emptyCell(r, `As published (${r.source ?? 'external source'})`, null);
  return { ...cell, numerator: x, denominator: n, value: num(r.value), lower: num(r.lower), upper: num(r.upper) };
}

/** One cell per (period, group) from the per-age-band rows of a population rate. */
function rateCells(rows: SqlRow[], metric: MetricDefinition, level: number): Cell[] {
  const groups = new Map<string, SqlRow[]>();
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  const standardised = metric.statistic === 'dsr';
  return [...groups.values()].map((bands) => {
    const events = bands.reduce((s, b) => s + Number(b.events), 0);
    const personYears = bands.reduce((s, b) => s + Number(b.person_years), 0);
    const cell = { ...emptyCell(bands[0], METHOD_OF[metric.statistic], null), numerator: events, denominator: personYears };
    if (personYears <= 0) return { ...cell, reason: 'no population denominator for this group' };
    if (!standardised) return { ...cell, ...crudeRate(events, personYears, level, metric.multiplier) };
    // A band with neither events nor population is absent from the group; one with events but no
    // population refuses the whole rate (dobsonDsr says why) rather than dropping those events.
    const known = bands.filter((b) => b.weight !== null && (Number(b.person_years) > 0 || Number(b.events) > 0));
    const result = dobsonDsr(
      known.map((b) => ({ events: Number(b.events), population: Number(b.person_years), weight: Number(b.weight), label: String(b.band) })),
      level,
      metric.multiplier,
    );
    if ('withheld' in result) return { ...cell, reason: result.withheld };
    return { ...cell, value: result.value, lower: result.lower, upper: result.upper, method: METHOD_OF.dsr };
  });
}

export function estimateCells(metric: MetricDefinition, rows: SqlRow[], level: number): Cell[] {
  switch (metric.computation.type) {
    case 'proportion':
      return rows.map((r) => proportionCell(r, level, metric.multiplier));
    case 'median':
      return rows.map(medianCell);
    case 'external':
      return rows.map((r) => externalCell(r, level, metric.multiplier));
    case 'population-rate':
      return rateCells(rows, metric, level);
  }
}
