/**
 * Published values of the external indicators (CVDPREVENT, National Diabetes Audit, MHSDS, NHS
 * Talking Therapies, GP extraction) for the catchment, quarterly, by IMD quintile, ethnic group,
 * sex and broad age band. Each indicator is simulated on one joint table of the catchment
 * population (quintile × group × sex × age band), so every breakdown adds up to the overall
 * figure. CVDPREVENT and Talking Therapies rows carry the published value and 95% limits; the
 * others leave them blank for Parity to compute.
 */
import type { SampleContext, WrittenFile } from '../context.ts';
import { CsvWriter } from '../csv-writer.ts';
import { dayOf, isoDate } from '../dates.ts';
import { ETHNIC_CATEGORIES, ETHNIC_GROUPS, type EthnicGroup } from '../demography.ts';
import { forkRng, gradient, scaleOdds, type Rng } from '../random.ts';

export const AGGREGATE_COLUMNS = ['indicator_id', 'period_start', 'period_end', 'breakdown', 'group', 'numerator', 'denominator', 'value', 'lower', 'upper', 'source'] as const;

export const AGE_GROUPS = ['0-17', '18-64', '65+'] as const;
type AgeGroup = (typeof AGE_GROUPS)[number];

interface Cell {
  quintile: number;
  group: EthnicGroup;
  sex: 1 | 2;
  age: AgeGroup;
  people: number;
}

interface Indicator {
  id: string;
  source: string;
  publishesValue: boolean;
  ages: readonly AgeGroup[];
  /** Share of the cell's population in the denominator. */
  eligible: (c: Cell) => number;
  /** Chance of meeting the indicator at the start and at the end of the three years. */
  from: number;
  to: number;
  /** Odds multiplier for a cell. */
  odds: (c: Cell) => number;
}

const byGroup = (c: Cell, factors: Partial<Record<EthnicGroup, number>>) => factors[c.group] ?? 1;

const INDICATORS: Indicator[] = [
  {
    id: 'smi-health-checks', source: 'MHSDS', publishesValue: false, ages: ['18-64', '65+'], from: 0.52, to: 0.62,
    eligible: (c) => (c.age === '0-17' ? 0 : 0.011 * gradient(c.quintile, 2.2) * byGroup(c, { 'Black or Black British': 2 })),
    odds: (c) => gradient(c.quintile, 0.8) * byGroup(c, { 'Black or Black British': 0.85 }) * (c.age === '65+' ? 1.2 : 1),
  },
  {
    id: 'cyp-mh-access', source: 'MHSDS', publishesValue: false, ages: [], from: 0.055, to: 0.066,
    eligible: (c) => (c.age === '0-17' ? 1 : 0),
    odds: (c) => byGroup(c, { 'Asian or Asian British': 0.6, 'Black or Black British': 0.8, 'Other ethnic group': 0.7 }) * gradient(c.quintile, 1.1) * (c.sex === 2 ? 1.15 : 1),
  },
  {
    id: 'talking-therapies-recovery', source: 'NHS Talking Therapies', publishesValue: true, ages: ['18-64', '65+'], from: 0.47, to: 0.51,
    eligible: (c) => (c.age === '0-17' ? 0 : 0.0025 * (c.sex === 2 ? 1.5 : 1) * byGroup(c, { 'Asian or Asian British': 0.6, 'Black or Black British': 0.7 })),
    odds: (c) => gradient(c.quintile, 0.7) * byGroup(c, { 'Asian or Asian British': 0.85, 'Black or Black British': 0.85 }) * (c.age === '65+' ? 1.2 : 1),
  },
  {
    id: 'hypertension-treated-to-target', source: 'CVDPREVENT', publishesValue: true, ages: ['18-64', '65+'], from: 0.63, to: 0.68,
    eligible: (c) => (c.age === '0-17' ? 0 : (c.age === '65+' ? 0.5 : 0.09) * gradient(c.quintile, 1.25) * byGroup(c, { 'Black or Black British': 1.4, 'Asian or Asian British': 1.15 })),
    odds: (c) => gradient(c.quintile, 0.85) * byGroup(c, { 'Black or Black British': 0.8 }) * (c.age === '65+' ? 1.3 : 1),
  },
  {
    id: 'lipid-optimisation', source: 'CVDPREVENT', publishesValue: true, ages: ['18-64', '65+'], from: 0.58, to: 0.62,
    eligible: (c) => (c.age === '0-17' ? 0 : (c.age === '65+' ? 0.3 : 0.03) * gradient(c.quintile, 1.3)),
    odds: (c) => gradient(c.quintile, 0.9) * byGroup(c, { 'Black or Black British': 0.85 }) * (c.sex === 1 ? 1.1 : 1),
  },
  {
    id: 'diabetes-8-care-processes', source: 'National Diabetes Audit', publishesValue: false, ages: ['0-17', '18-64', '65+'], from: 0.42, to: 0.52,
    eligible: (c) => (c.age === '0-17' ? 0.002 : c.age === '65+' ? 0.22 : 0.07) * gradient(c.quintile, 1.3) * byGroup(c, { 'Asian or Asian British': 1.8, 'Black or Black British': 1.5 }),
    odds: (c) => gradient(c.quintile, 0.8) * (c.age === '0-17' ? 0.6 : c.age === '65+' ? 1.25 : 0.8),
  },
  {
    id: 'copd-vaccination', source: 'GPES', publishesValue: false, ages: ['18-64', '65+'], from: 0.72, to: 0.7,
    eligible: (c) => (c.age === '0-17' ? 0 : (c.age === '65+' ? 0.07 : 0.01) * gradient(c.quintile, 2.5) * byGroup(c, { 'Asian or Asian British': 0.5, 'Black or Black British': 0.4 })),
    odds: (c) => gradient(c.quintile, 0.75) * (c.age === '65+' ? 1.5 : 1),
  },
];

export async function writeAggregateIndicators(ctx: SampleContext): Promise<WrittenFile> {
  const rng = forkRng(ctx.seed, 'aggregate_indicators');
  const cells = jointPopulation(ctx);
  const writer = CsvWriter.open(`${ctx.outDir}/aggregate_indicators.csv`, AGGREGATE_COLUMNS);
  for (const indicator of INDICATORS) {
    for (let quarter = 0; quarter < 12; quarter++) {
      const start = dayOf(2023 + Math.floor((3 + quarter * 3) / 12), ((3 + quarter * 3) % 12) + 1, 1);
      const end = dayOf(2023 + Math.floor((6 + quarter * 3) / 12), ((6 + quarter * 3) % 12) + 1, 1) - 1;
      const drift = 0.08 * rng.normal();
      const base = indicator.from + ((indicator.to - indicator.from) * quarter) / 11;
      const counts = cells.map((c) => {
        // Registers grow a little each quarter as case-finding improves.
        const denominator = Math.round(c.people * indicator.eligible(c) * (1 + 0.006 * quarter));
        return { cell: c, denominator, numerator: binomial(rng, denominator, scaleOdds(base, indicator.odds(c) * Math.exp(drift))) };
      });
      const breakdowns: [string, string, (c: Cell) => boolean][] = [
        ['overall', 'All', () => true],
        ...[1, 2, 3, 4, 5].map((q) => ['imd_quintile', String(q), (c: Cell) => c.quintile === q] as [string, string, (c: Cell) => boolean]),
        ...ETHNIC_GROUPS.map((g) => ['ethnic_group', g, (c: Cell) => c.group === g] as [string, string, (c: Cell) => boolean]),
        ...[1, 2].map((s) => ['sex', String(s), (c: Cell) => c.sex === s] as [string, string, (c: Cell) => boolean]),
        ...indicator.ages.map((a) => ['age_band', a, (c: Cell) => c.age === a] as [string, string, (c: Cell) => boolean]),
      ];
      for (const [breakdown, group, match] of breakdowns) {
        let numerator = 0;
        let denominator = 0;
        for (const c of counts) {
          if (!match(c.cell)) continue;
          numerator += c.numerator;
          denominator += c.denominator;
        }
        const published = indicator.publishesValue && denominator > 0 ? wilsonPercent(numerator, denominator) : null;
        await writer.row([
          indicator.id, isoDate(start), isoDate(end), breakdown, group, numerator, denominator,
          published?.value ?? '', published?.lower ?? '', published?.upper ?? '', indicator.source,
        ]);
      }
    }
  }
  await writer.close();
  return { path: writer.path, rows: writer.rows };
}

function jointPopulation(ctx: SampleContext): Cell[] {
  const map = new Map<string, Cell>();
  const add = (quintile: number, group: EthnicGroup, sex: 1 | 2, age: AgeGroup, people: number) => {
    const key = `${quintile}|${group}|${sex}|${age}`;
    let cell = map.get(key);
    if (!cell) map.set(key, (cell = { quintile, group, sex, age, people: 0 }));
    cell.people += people;
  };
  for (const c of ctx.cells) {
    const group = ETHNIC_CATEGORIES[c.ethnicIndex].group;
    const q = c.lsoa.quintile;
    if (c.band === 3) {
      // 15-19: three years are children, two adults.
      add(q, group, c.sex, '0-17', c.people * 0.6);
      add(q, group, c.sex, '18-64', c.people * 0.4);
    } else {
      add(q, group, c.sex, c.band < 3 ? '0-17' : c.band <= 12 ? '18-64' : '65+', c.people);
    }
  }
  return [...map.values()];
}

function binomial(rng: Rng, n: number, p: number): number {
  if (n === 0) return 0;
  return Math.min(n, Math.max(0, Math.round(n * p + Math.sqrt(n * p * (1 - p)) * rng.normal())));
}

/** Percentage with Wilson score 95% limits, one decimal place, as the publications show them. */
function wilsonPercent(numerator: number, denominator: number): { value: string; lower: string; upper: string } {
  const z = 1.959964;
  const p = numerator / denominator;
  const centre = p + (z * z) / (2 * denominator);
  const margin = z * Math.sqrt((p * (1 - p)) / denominator + (z * z) / (4 * denominator * denominator));
  const scale = 1 + (z * z) / denominator;
  const pct = (x: number) => (100 * x).toFixed(1);
  return { value: pct(p), lower: pct((centre - margin) / scale), upper: pct((centre + margin) / scale) };
}
