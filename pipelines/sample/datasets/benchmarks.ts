/**
 * England and West Midlands benchmarks for the sample trust, in the layout of an OHID Fingertips
 * "download data" CSV, for the indicators the catalogue links to Fingertips. SYNTHETIC: the values
 * are plausible, not published figures — every row says so in "Value note" and in a trailing
 * "Source" column (which Fingertips files do not have; the loader reads it when present). England
 * also comes by deprivation decile (with counts, so quintiles can be pooled) and by ethnic group
 * for smoking at delivery, so the indicator page shows the trust's gradient beside England's.
 */
import { join } from 'node:path';
import type { SampleContext, WrittenFile } from '../context.ts';
import { CsvWriter, type Cell } from '../csv-writer.ts';

export const FINGERTIPS_COLUMNS = [
  'Indicator ID', 'Indicator Name', 'Parent Code', 'Parent Name', 'Area Code', 'Area Name', 'Area Type', 'Sex', 'Age',
  'Category Type', 'Category', 'Time period', 'Value', 'Lower CI 95.0 limit', 'Upper CI 95.0 limit', 'Lower CI 99.8 limit',
  'Upper CI 99.8 limit', 'Count', 'Denominator', 'Value note', 'Recent Trend', 'Compared to England value or percentiles',
  'Compared to Region value or percentiles', 'Time period Sortable', 'New data', 'Compared to goal', 'Time period range', 'Source',
] as const;

const NOTE = 'Synthetic sample value (Parity sample trust), not published by OHID';
const SOURCE = 'Synthetic sample in the Fingertips layout (not OHID data)';
const YEARS = ['2023/24', '2024/25', '2025/26'];
const ENGLAND = { code: 'E92000001', name: 'England', type: 'England', parent: ['', ''] };
const REGION = { code: 'E12000005', name: 'West Midlands region (statistical)', type: 'Regions (statistical)', parent: ['E92000001', 'England'] };

interface Indicator {
  id: number;
  name: string;
  sex: string;
  age: string;
  kind: 'percent' | 'rate';
  /** Per year: England value and denominator, then the region's. */
  england: [number, number][];
  region: [number, number][];
}

const INDICATORS: Indicator[] = [
  { id: 93085, name: 'Smoking status at time of delivery', sex: 'Female', age: 'All ages', kind: 'percent', england: [[7.4, 560_800], [6.9, 552_300], [6.4, 547_100]], region: [[8.3, 63_400], [7.8, 62_700], [7.3, 62_100]] },
  { id: 90810, name: 'Hospital admissions for asthma (under 19 years)', sex: 'Persons', age: '<19 yrs', kind: 'rate', england: [[140.2, 12_910_000], [152.3, 12_950_000], [147.9, 12_980_000]], region: [[158.8, 1_390_000], [166.1, 1_395_000], [161.0, 1_398_000]] },
  { id: 92622, name: 'Hospital admissions for diabetes (under 19 years)', sex: 'Persons', age: '<19 yrs', kind: 'rate', england: [[50.1, 12_910_000], [52.4, 12_950_000], [51.0, 12_980_000]], region: [[55.2, 1_390_000], [57.0, 1_395_000], [55.9, 1_398_000]] },
  { id: 92623, name: 'Hospital admissions for epilepsy (under 19 years)', sex: 'Persons', age: '<19 yrs', kind: 'rate', england: [[70.4, 12_910_000], [72.0, 12_950_000], [71.2, 12_980_000]], region: [[76.3, 1_390_000], [77.9, 1_395_000], [76.8, 1_398_000]] },
  { id: 92302, name: 'Emergency hospital admissions for COPD (35+ years)', sex: 'Persons', age: '35+ yrs', kind: 'rate', england: [[420.3, 31_500_000], [405.1, 31_700_000], [398.4, 31_900_000]], region: [[455.0, 3_320_000], [441.7, 3_340_000], [433.2, 3_360_000]] },
  { id: 91743, name: 'Premature births (less than 37 weeks gestation)', sex: 'Persons', age: 'All ages', kind: 'rate', england: [[79.5, 590_000], [80.1, 584_000], [79.8, 579_000]], region: [[84.2, 66_800], [84.9, 66_100], [84.0, 65_500]] },
  { id: 93232, name: 'Emergency hospital admissions for myocardial infarction (heart attack)', sex: 'Persons', age: 'All ages', kind: 'rate', england: [[130.2, 57_100_000], [128.4, 57_700_000], [126.1, 58_200_000]], region: [[139.5, 6_000_000], [137.2, 6_050_000], [135.0, 6_090_000]] },
  { id: 93231, name: 'Emergency hospital admissions for stroke', sex: 'Persons', age: 'All ages', kind: 'rate', england: [[175.0, 57_100_000], [172.3, 57_700_000], [170.1, 58_200_000]], region: [[183.9, 6_000_000], [181.0, 6_050_000], [178.6, 6_090_000]] },
];

/** England by IMD2019 decile and by broad ethnic group, smoking at delivery, per year: value, denominator. */
const DECILES = ['Most deprived decile (IMD2019)', 'Second most deprived decile (IMD2019)', 'Third more deprived decile (IMD2019)', 'Fourth more deprived decile (IMD2019)', 'Fifth more deprived decile (IMD2019)', 'Fifth less deprived decile (IMD2019)', 'Fourth less deprived decile (IMD2019)', 'Third less deprived decile (IMD2019)', 'Second least deprived decile (IMD2019)', 'Least deprived decile (IMD2019)'];
const DECILE_VALUES = [13.6, 11.8, 10.1, 8.6, 7.2, 6.0, 4.9, 4.0, 3.2, 2.4];
const ETHNIC = [['White', 8.4], ['Mixed', 6.6], ['Asian', 1.5], ['Black', 1.9], ['Other', 2.6]] as const;

const round = (v: number, dp = 2) => Math.round(v * 10 ** dp) / 10 ** dp;

/** Normal-approximation limits: the sample's England denominators are large enough for them. */
function limits(kind: Indicator['kind'], value: number, denominator: number, z: number): [number, number] {
  const se = kind === 'percent' ? Math.sqrt((value / 100) * (1 - value / 100) / denominator) * 100 : (Math.sqrt((value * denominator) / 100_000) / denominator) * 100_000;
  return [round(value - z * se), round(value + z * se)];
}

function row(ind: Indicator, area: typeof ENGLAND, year: number, value: number, denominator: number, category: [string, string] = ['', '']): Cell[] {
  const [l95, u95] = limits(ind.kind, value, denominator, 1.96);
  const [l998, u998] = limits(ind.kind, value, denominator, 3.09);
  const count = Math.round((value * denominator) / (ind.kind === 'percent' ? 100 : 100_000));
  const label = YEARS[year];
  return [
    ind.id, ind.name, area.parent[0], area.parent[1], area.code, area.name, area.type, ind.sex, ind.age, category[0], category[1], label,
    value, l95, u95, l998, u998, count, denominator, NOTE, '', '', '', `${label.slice(0, 4)}0000`, '', '', '1y', SOURCE,
  ];
}

export async function writeBenchmarks(ctx: SampleContext): Promise<WrittenFile> {
  const path = join(ctx.outDir, 'benchmarks.csv');
  const out = CsvWriter.open(path, FINGERTIPS_COLUMNS);
  for (const ind of INDICATORS) {
    for (let y = 0; y < YEARS.length; y++) {
      await out.row(row(ind, ENGLAND, y, ...ind.england[y]));
      await out.row(row(ind, REGION, y, ...ind.region[y]));
    }
  }
  const smoking = INDICATORS[0];
  for (let y = 0; y < YEARS.length; y++) {
    const drift = smoking.england[y][0] / smoking.england[YEARS.length - 1][0];
    for (const [i, decile] of DECILES.entries()) {
      await out.row(row(smoking, ENGLAND, y, round(DECILE_VALUES[i] * drift, 1), 54_700, ['County & UA deprivation deciles in England (IMD2019, 4/23 geography)', decile]));
    }
    for (const [group, value] of ETHNIC) {
      await out.row(row(smoking, ENGLAND, y, round(value * drift, 1), group === 'White' ? 400_000 : 35_000, ['Ethnic groups', group]));
    }
  }
  await out.close();
  return { path, rows: out.rows };
}
