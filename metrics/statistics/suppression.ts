// Which cells of one result to withhold (statistics.md, "Disclosure control"). Primary: a count
// is small. Secondary: a reader who knows the published counts to ±2 (rounding to 5) and that
// the parts of a total add up to it must not be able to recover a withheld cell, nor narrow it
// to fewer values than the rounding leaves of a published one. The reader's knowledge is
// modelled as an interval per count and tightened through every additive relation of the
// result (a breakdown and its overall, a cross-tab's rows and columns against their margins,
// completeness counts against their total) until nothing changes; that is the whole of what
// subtraction can tell. Where a withheld cell is exposed, the next-smallest part of the same
// total is withheld too (the HES rule), or the total itself when no part is left.
import { isSmall, largestSmall, roundingStep, type DisclosureProfile } from './disclosure.ts';

export type Withholding = 'small' | 'secondary';

export interface TableCell {
  /** The counts the cell publishes (numerator and denominator, or a single count), whole numbers. */
  counts: number[];
  /**
   * A figure another result publishes (a margin of a cross-tab): the reader knows it if it is not
   * small, but it cannot be withheld here.
   */
  external?: boolean;
}

/** `total` = Σ `parts` (indices into the cells), count position by count position. */
export interface Additivity {
  total: number;
  parts: number[];
  /** Count positions for which the relation holds (default: all). */
  positions?: number[];
}

export interface ProtectOptions {
  /**
   * What the reader knows of a count in a cell withheld as small, by position: for a proportion
   * the numerator is 0–7 (a small denominator bounds it too) but the denominator may be large.
   * Default: 0 to unbounded.
   */
  smallRange?: (position: number, largest: number) => [number, number];
}

type Box = [number, number];

/** A published count as a reader sees it: 0 is exact (1 and 2 would be withheld), others ±2 and above the threshold. */
function publishedBox(count: number, largest: number, step: number): Box {
  const shown = Math.round(count / step) * step;
  if (shown === 0) return [0, 0];
  const half = Math.floor(step / 2);
  return [Math.max(shown - half, largest + 1), shown + half];
}

/** What the reader knows of every count before subtraction. */
function initialBoxes(cells: TableCell[], status: (Withholding | null)[], largest: number, step: number, options: ProtectOptions): Box[][] {
  const small = options.smallRange ?? (() => [0, Infinity] as Box);
  return cells.map((cell, i) =>
    cell.counts.map((count, d): Box => {
      if (status[i] === 'small') return small(d, largest);
      // A secondary cell is known not to be small: 0, or above the threshold (the reader is
      // credited with knowing which, the cautious assumption).
      if (status[i] === 'secondary') return count === 0 ? [0, Infinity] : [largest + 1, Infinity];
      return publishedBox(count, largest, step);
    }),
  );
}

/** Tightens every interval through every additive relation until none moves (interval propagation). */
export function propagate(boxes: Box[][], sums: Additivity[]): Box[][] {
  const b = boxes.map((cell) => cell.map(([lo, hi]): Box => [lo, hi]));
  for (let round = 0; round < 100; round++) {
    let moved = false;
    for (const sum of sums) {
      const positions = sum.positions ?? b[sum.total].map((_, d) => d);
      for (const d of positions) {
        const lo = sum.parts.reduce((s, p) => s + b[p][d][0], 0);
        const hi = sum.parts.reduce((s, p) => s + b[p][d][1], 0);
        const total = b[sum.total][d];
        const next: Box = [Math.max(total[0], lo), Math.min(total[1], hi)];
        if (next[0] !== total[0] || next[1] !== total[1]) [b[sum.total][d], moved] = [next, true];
        // The others' highest sum without this part: ∞ − ∞ must not turn into NaN.
        const unbounded = sum.parts.filter((p) => b[p][d][1] === Infinity).length;
        const finiteHi = sum.parts.reduce((s, p) => s + (b[p][d][1] === Infinity ? 0 : b[p][d][1]), 0);
        for (const p of sum.parts) {
          const box = b[p][d];
          const otherLo = lo - box[0];
          const otherHi = box[1] === Infinity ? (unbounded > 1 ? Infinity : finiteHi) : unbounded > 0 ? Infinity : finiteHi - box[1];
          const tightened: Box = [Math.max(box[0], b[sum.total][d][0] - otherHi), Math.min(box[1], b[sum.total][d][1] - otherLo)];
          if (tightened[0] !== box[0] || tightened[1] !== box[1]) [b[p][d], moved] = [tightened, true];
        }
      }
    }
    if (!moved) break;
  }
  return b;
}

/** Fewer possible values than a rounded count leaves (5 when rounding to 5): the cell is exposed. */
const narrow = ([lo, hi]: Box, step: number) => hi - lo + 1 < step;

/** The withheld cells a reader could recover or narrow from what the result publishes. */
export function exposedCells(cells: TableCell[], sums: Additivity[], status: (Withholding | null)[], profile: DisclosureProfile, options: ProtectOptions = {}): number[] {
  const largest = largestSmall(profile);
  const effective = withExternal(cells, status, profile);
  const step = roundingStep(profile);
  const boxes = propagate(initialBoxes(cells, effective, largest, step, options), sums);
  return cells.flatMap((cell, i) => (status[i] !== null && !cell.external && boxes[i].some((box) => narrow(box, step)) ? [i] : []));
}

/** External figures are withheld in their own result when small, shown otherwise. */
function withExternal(cells: TableCell[], status: (Withholding | null)[], profile: DisclosureProfile): (Withholding | null)[] {
  return cells.map((cell, i) => (cell.external ? (cell.counts.some((c) => isSmall(c, profile)) ? 'small' : null) : status[i]));
}

/** A total published beside exactly one withheld part gives it away within the rounding (the HES rule). */
function loneWithheld(sums: Additivity[], status: (Withholding | null)[]): Additivity[] {
  return sums.filter((s) => status[s.total] === null && s.parts.filter((p) => status[p] !== null).length === 1);
}

/** The part to withhold next in a relation: the smallest shown one (a zero numerator only when nothing else is left), else the total. */
function partner(sum: Additivity, cells: TableCell[], status: (Withholding | null)[]): number | null {
  const candidates = sum.parts
    .filter((p) => status[p] === null && !cells[p].external)
    .sort((p, q) => {
      const zero = (i: number) => Number(cells[i].counts[0] === 0);
      const a = cells[p].counts;
      const b = cells[q].counts;
      return zero(p) - zero(q) || a.reduce((r, v, d) => r || v - b[d], 0) || p - q;
    });
  if (candidates.length > 0) return candidates[0];
  return status[sum.total] === null && !cells[sum.total].external ? sum.total : null;
}

/**
 * The withholding of every cell of one result: `small` (primary), `secondary`, or null (shown).
 * Under `none` nothing is withheld.
 */
export function protectTable(cells: TableCell[], sums: Additivity[], profile: DisclosureProfile, options: ProtectOptions = {}): (Withholding | null)[] {
  const status: (Withholding | null)[] = cells.map((cell) => (!cell.external && cell.counts.some((c) => isSmall(c, profile)) ? 'small' : null));
  if (profile === 'none') return status;
  const relationsOf = (i: number) => sums.filter((s) => s.parts.includes(i) || s.total === i);
  for (let step = 0; step <= cells.length; step++) {
    const visible = withExternal(cells, status, profile);
    const relations = [...loneWithheld(sums, visible), ...exposedCells(cells, sums, status, profile, options).flatMap(relationsOf)];
    const pick = relations.map((s) => partner(s, cells, visible)).find((p) => p !== null);
    if (pick === undefined || pick === null) break;
    status[pick] = 'secondary';
  }
  return status;
}
