// Disclosure control on estimates (docs/methods.md, "Disclosure control"): the one step between
// the statistics and every figure that leaves the engine. Small cells are withheld with
// everything computed from them, cells a total would give away are withheld as `secondary`,
// the counts that remain are rounded, and each value and interval is computed again from the
// rounded counts, so that nothing published can pin the true counts (as OpenSAFELY does).
// Comparisons, ratios, gaps, SII/RII and SPC take only DisclosedCell, which only this module
// makes: a figure computed from true counts cannot reach a result by mistake.
import type { MetricDefinition } from '../catalogue/schema.ts';
import { METHOD_OF } from '../catalogue/schema.ts';
import {
  byarsLower, byarsUpper, crudeRate, protectTable, roundCount, roundingReach, wilson, zFor,
  type Additivity, type DisclosureProfile, type TableCell, type Withholding,
} from '../statistics/index.ts';
import type { Cell } from './estimate.ts';

declare const disclosed: unique symbol;

export interface DisclosedCell extends Cell {
  suppressed: boolean;
  /** Why it is withheld: a small count, or to protect a small count elsewhere in the result. */
  suppression: Withholding | null;
  readonly [disclosed]: true;
}

/** The counts a cell is judged by: numerator and denominator (a median's records stand for both). */
function countsOf(cell: Cell): number[] {
  const denominator = Math.round(cell.denominator ?? 0);
  return [cell.numerator === null ? denominator : Math.round(cell.numerator), denominator];
}

/** Which count positions add up across groups: person-years of groups need not make the total's. */
function additivePositions(metric: MetricDefinition): number[] {
  return metric.computation.type === 'population-rate' ? [0] : [0, 1];
}

/** A withheld proportion's numerator is at most the threshold (numerator ≤ denominator); nothing else is known. */
function smallRange(metric: MetricDefinition) {
  const bounded = metric.statistic === 'percentage' || metric.statistic === 'median';
  return (position: number, largest: number): [number, number] => (bounded && position === 0 ? [0, largest] : [0, Infinity]);
}

type Estimate = Pick<Cell, 'value' | 'lower' | 'upper'>;

/**
 * The value and interval from the published counts. A DSR's age bands are not published: its
 * events and person-years are scaled to the rounded totals (Dobson with O the rounded count).
 * A median and a figure published elsewhere do not depend on the counts and stay as they are.
 */
function fromPublished(metric: MetricDefinition, cell: Cell, x: number | null, n: number | null, level: number): Estimate {
  const same = { value: cell.value, lower: cell.lower, upper: cell.upper };
  if (cell.value === null || x === null || n === null || cell.numerator === null || cell.denominator === null) return same;
  if (n <= 0) return { value: null, lower: null, upper: null };
  if (cell.method === METHOD_OF.percentage) {
    const w = wilson(x, n, level, metric.multiplier);
    return { value: w.value, lower: w.lower, upper: w.upper };
  }
  const rate = metric.computation.type === 'population-rate';
  if (rate && metric.statistic === 'crude-rate') {
    const r = crudeRate(x, n, level, metric.multiplier);
    return { value: r.value, lower: r.lower, upper: r.upper };
  }
  if (rate && metric.statistic === 'dsr' && cell.lower !== null && cell.upper !== null && cell.numerator > 0) {
    const z = zFor(level);
    const value = cell.value * (x / cell.numerator) * (cell.denominator / n);
    const spread = ((cell.value - cell.lower) / (cell.numerator - byarsLower(cell.numerator, z))) * (cell.denominator / n);
    return { value, lower: value + spread * (byarsLower(x, z) - x), upper: value + spread * (byarsUpper(x, z) - x) };
  }
  return same;
}

/**
 * How far a published cell's value could sit from the value of its true counts, from rounding
 * alone: 0 where the value does not come from the rounded counts (medians, published figures) or
 * nothing is rounded. SPC uses it to say when a series is too coarse to read.
 */
export function publishedReach(metric: MetricDefinition, cell: DisclosedCell, profile: DisclosureProfile): number {
  if (cell.value === null || cell.numerator === null || cell.denominator === null) return 0;
  const rate = metric.computation.type === 'population-rate' && (metric.statistic === 'crude-rate' || metric.statistic === 'dsr');
  if (cell.method === METHOD_OF.percentage) return roundingReach(cell.value, cell.numerator, cell.denominator, profile, metric.multiplier);
  return rate ? roundingReach(cell.value, cell.numerator, cell.denominator, profile) : 0;
}

function seal(cell: Cell, suppression: Withholding | null): DisclosedCell {
  return { ...cell, suppressed: suppression !== null, suppression } as DisclosedCell;
}

function withheld(cell: Cell, why: Withholding): DisclosedCell {
  return seal({ ...cell, numerator: null, denominator: null, value: null, lower: null, upper: null }, why);
}

function published(metric: MetricDefinition, cell: Cell, profile: DisclosureProfile, level: number): DisclosedCell {
  if (profile === 'none') return seal(cell, null);
  const round = (v: number | null) => (v === null ? null : roundCount(Math.round(v), profile));
  const numerator = round(cell.numerator);
  const denominator = round(cell.denominator);
  return seal({ ...cell, numerator, denominator, ...fromPublished(metric, cell, numerator, denominator, level) }, null);
}

/** How the cells of one result add up: every detail cell into the total, and a cross-tab's rows and columns into their margins. */
export interface ResultLayout {
  /** Index of the result's total among the cells, or null when it has none. */
  total: number | null;
  /** Groups of detail cells whose sum another result publishes (a cross-tab's margins). */
  margins?: number[][];
}

/**
 * Applies the profile to the cells of one result: primary and secondary suppression, rounding,
 * and values recomputed from the rounded counts.
 */
export function discloseCells(metric: MetricDefinition, cells: Cell[], layout: ResultLayout, profile: DisclosureProfile, level: number): DisclosedCell[] {
  const positions = additivePositions(metric);
  const table: TableCell[] = cells.map((c) => ({ counts: countsOf(c) }));
  const sums: Additivity[] = [];
  const detail = cells.map((_, i) => i).filter((i) => i !== layout.total);
  if (layout.total !== null && detail.length > 0) sums.push({ total: layout.total, parts: detail, positions });
  for (const parts of layout.margins ?? []) {
    const margin = table.length;
    table.push({ counts: [0, 1].map((d) => parts.reduce((s, p) => s + table[p].counts[d], 0)), external: true });
    sums.push({ total: margin, parts, positions });
  }
  const plan = protectTable(table, sums, profile, { smallRange: smallRange(metric) });
  return cells.map((cell, i) => {
    const why = plan[i];
    return why ? withheld(cell, why) : published(metric, cell, profile, level);
  });
}

/** One breakdown: its detail cells and its total (the last cell returned). */
export function discloseBreakdown(metric: MetricDefinition, detail: Cell[], total: Cell, profile: DisclosureProfile, level: number, margins?: number[][]) {
  const disclosedCells = discloseCells(metric, [...detail, total], { total: detail.length, margins }, profile, level);
  return { detail: disclosedCells.slice(0, detail.length), total: disclosedCells[detail.length] };
}
