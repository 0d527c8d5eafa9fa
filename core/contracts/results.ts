// Shapes of the API results the web app reads (docs/api.md), as zod schemas: every response is
// parsed before a page uses it, so a server change shows up as a clear error, not a blank chart.
// `zod/mini` keeps the first-load bundle small; types come from `z.infer`.
import * as z from 'zod/mini';
import { Benchmark } from './benchmarks.ts';
import { NotComputable } from './ingest.ts';

const num = z.number();
const maybeNum = z.nullable(z.number());
const str = z.string();
const maybeStr = z.nullable(z.string());

/** An indicator the loaded data cannot give: the reason and the fix instead of a figure. */
export const NotComputableState = z.omit(NotComputable, { metric: true, title: true });
export type NotComputableState = z.infer<typeof NotComputableState>;
const notComputable = z.optional(z.nullable(NotComputableState));

export const breakdowns = [
  'overall', 'ethnic_group', 'ethnic_category', 'imd_quintile', 'imd_decile', 'core20',
  'age_band', 'age_band_broad', 'sex', 'specialty', 'site',
] as const;
export type Breakdown = (typeof breakdowns)[number];

export const Metric = z.object({
  id: str,
  title: str,
  description: str,
  definition: str,
  domain: str,
  area: maybeStr,
  cohort: str,
  kind: str,
  dataset: str,
  statistic: str,
  unit: str,
  multiplier: num,
  polarity: z.enum(['higher', 'lower', 'context']),
  method: str,
  grain: str,
  // Kept as strings: a trust's own PLUS groups may become breakdowns too.
  breakdowns: z.array(str),
  target: z.optional(maybeNum),
  ageRange: z.nullable(z.object({ min: num, max: maybeNum })),
  version: num,
});
export type Metric = z.infer<typeof Metric>;

export const MetricList = z.object({
  metrics: z.array(Metric),
  /** The trust's own PLUS groups (PARITY_PLUS_GROUPS), offered as a filter. */
  plusGroups: z.optional(z.array(z.object({ id: str, label: str }))),
});

/**
 * Why a figure is withheld: `small` (its own numbers are small) or `secondary` (not small, but
 * withheld so that a small figure cannot be worked out from the others and the total).
 */
export const Suppression = z.optional(z.nullable(z.enum(['small', 'secondary'])));
export type Suppression = z.infer<typeof Suppression>;

/** What every figure carries: its counts, value and interval. */
const estimate = {
  numerator: maybeNum,
  denominator: maybeNum,
  value: maybeNum,
  lower: maybeNum,
  upper: maybeNum,
};

export const Row = z.object({
  group: str,
  label: str,
  group2: z.optional(str),
  label2: z.optional(str),
  ...estimate,
  method: str,
  suppressed: z.boolean(),
  suppression: Suppression,
  comparison: z.catch(z.nullable(z.enum(['higher', 'lower', 'similar'])), null),
  ratio: z.optional(z.nullable(z.object({ value: maybeNum, lower: maybeNum, upper: maybeNum }))),
});
export type Row = z.infer<typeof Row>;

/** The trust overall (and overview figures): a row whose group, label and comparison may be absent. */
export const Figure = z.object({
  group: z.optional(str),
  label: z.optional(str),
  ...estimate,
  method: z.optional(str),
  suppressed: z.boolean(),
  suppression: Suppression,
  comparison: z.catch(z.optional(z.nullable(z.enum(['higher', 'lower', 'similar']))), null),
});
export type Figure = z.infer<typeof Figure>;

const Period = z.object({ from: str, to: str });
export type Period = z.infer<typeof Period>;

export const Gap = z.object({
  absolute: maybeNum,
  relative: maybeNum,
  sii: maybeNum,
  siiLower: maybeNum,
  siiUpper: maybeNum,
  rii: maybeNum,
  riiLower: maybeNum,
  riiUpper: maybeNum,
});
export type Gap = z.infer<typeof Gap>;

/**
 * A population rate by IMD or ethnicity: the trust's rate over the records whose group is known
 * (their events over the whole population), beside the overall that also counts events of unknown
 * group, which have no population of their own. Absent when no event is unknown.
 */
export const KnownRecords = z.object({
  ...estimate,
  suppressed: z.boolean(),
  /** Events whose group is unknown, as disclosure control allows (null: a small count). */
  unknownEvents: maybeNum,
});
export type KnownRecords = z.infer<typeof KnownRecords>;

/** `view: 'unsuppressed'` marks an analyst's answer without disclosure control: for the screen only. */
const UnsuppressedMark = z.optional(z.literal('unsuppressed'));

export const BreakdownResult = z.object({
  metric: Metric,
  by: str,
  by2: z.optional(maybeStr),
  period: Period,
  level: num,
  disclosure: str,
  disclosureLabel: z.optional(str),
  view: UnsuppressedMark,
  dataAsAt: z.optional(maybeStr),
  filters: z.optional(z.object({ specialty: z.optional(maybeStr), site: z.optional(maybeStr) })),
  overall: Figure,
  overallKnown: z.optional(z.nullable(KnownRecords)),
  rows: z.array(Row),
  reference: z.optional(z.nullable(z.object({ group: str, label: str }))),
  gap: z.nullable(Gap),
  notes: z.array(str),
  benchmarks: z.optional(z.array(Benchmark)),
  notComputable,
});
export type BreakdownResult = z.infer<typeof BreakdownResult>;

export const BreakdownResults = z.object({ results: z.array(BreakdownResult), view: UnsuppressedMark });

export const variations = [
  'common-cause',
  'special-cause-improvement-high', 'special-cause-improvement-low',
  'special-cause-concern-high', 'special-cause-concern-low',
  'special-cause-neither-high', 'special-cause-neither-low',
] as const;
export type Variation = (typeof variations)[number];
const VariationSchema = z.catch(z.nullable(z.enum(variations)), null);

export const spcRules = ['outside-limits', 'trend', 'two-of-three', 'shift'] as const;
export type SpcRule = (typeof spcRules)[number];

/**
 * One special-cause episode in the window (Making Data Count / NHSRplotthedots rules): the periods
 * of its first and last flagged point; `direction` high is above the mean or limit, or rising.
 */
export const SpcSignal = z.object({
  rule: z.enum(spcRules),
  from: str,
  to: str,
  direction: z.enum(['high', 'low']),
  kind: z.enum(['improvement', 'concern', 'neither']),
  /** How many points the rule flagged between `from` and `to`. */
  points: num,
});
export type SpcSignal = z.infer<typeof SpcSignal>;

export const Spc = z.object({
  mean: num,
  lower: num,
  upper: num,
  nearLower: z.optional(maybeNum),
  nearUpper: z.optional(maybeNum),
  /** The mean moving range the limits come from (2.66 × it either side of the mean). */
  averageMovingRange: z.optional(num),
  points: z.array(z.object({
    period: str,
    value: maybeNum,
    signal: z.catch(z.nullable(z.enum(spcRules)), null),
    kind: z.catch(z.nullable(z.enum(['improvement', 'concern', 'neither'])), null),
  })),
  /**
   * Every signal in the window, earliest first — not only the latest point's. Charts frozen
   * before signals were listed lack it: core/text/spc-words reads them from the points then.
   */
  signals: z.optional(z.array(SpcSignal)),
  variation: VariationSchema,
  assurance: z.catch(z.nullable(z.enum(['pass', 'fail', 'inconsistent'])), null),
  target: z.optional(maybeNum),
  warning: z.optional(maybeStr),
  /**
   * Set when the published counts are too coarse for SPC to tell common from special cause: how
   * far rounding alone could move a typical point (in the value's units), at least ¾ of the
   * average moving range (docs/methods.md). Null or absent otherwise.
   */
  coarse: z.optional(maybeNum),
});
export type Spc = z.infer<typeof Spc>;

export const Point = z.object({
  period: str,
  ...estimate,
  suppressed: z.boolean(),
  suppression: Suppression,
});
export type Point = z.infer<typeof Point>;

export const SeriesResult = z.object({
  metric: Metric,
  by: str,
  grain: str,
  period: Period,
  level: z.optional(num),
  disclosure: str,
  disclosureLabel: z.optional(str),
  view: UnsuppressedMark,
  dataAsAt: z.optional(maybeStr),
  overall: z.object({ points: z.array(Point), spc: z.nullable(Spc) }),
  groups: z.array(z.object({ group: str, label: str, points: z.array(Point) })),
  gap: z.nullable(z.object({
    points: z.array(z.object({ period: str, value: maybeNum })),
    spc: z.nullable(Spc),
  })),
  notes: z.array(str),
  benchmarks: z.optional(z.array(Benchmark)),
  notComputable,
});
export type SeriesResult = z.infer<typeof SeriesResult>;

export const Tile = z.object({
  metric: Metric,
  period: z.optional(Period),
  core20: z.nullable(Figure),
  rest: z.nullable(Figure),
  overall: Figure,
  overallKnown: z.optional(z.nullable(KnownRecords)),
  gap: z.nullable(z.object({ absolute: maybeNum, relative: maybeNum })),
  gapVariation: VariationSchema,
  /** The Q1 − Q5 gap series' signals over its window; null when it has too few points for SPC. */
  gapSignals: z.optional(z.nullable(z.array(SpcSignal))),
  /** False when the indicator has no IMD gap series (rather than too few points). */
  gapSeries: z.optional(z.boolean()),
  /** The gap series' `Spc.coarse`: its counts are too small for SPC to tell. */
  gapCoarse: z.optional(maybeNum),
  section: z.enum(['adult', 'cyp', 'cross-cutting']),
  /** England's figure for the tile's period and the trust's comparison with it. */
  england: z.optional(z.nullable(Benchmark)),
  notComputable,
});
export type Tile = z.infer<typeof Tile>;

export const OverviewResult = z.object({
  period: z.optional(Period),
  disclosure: str,
  disclosureLabel: z.optional(str),
  dataAsAt: z.optional(maybeStr),
  tiles: z.array(Tile),
});
export type OverviewResult = z.infer<typeof OverviewResult>;

// Counts follow the disclosure profile: a small count is withheld (null) and shown as "*".
const countsShape = {
  total: maybeNum,
  valid: maybeNum,
  notStated: maybeNum,
  notKnown: maybeNum,
  missing: maybeNum,
  invalid: maybeNum,
  suppressed: z.optional(z.boolean()),
  /** Counts withheld as secondary suppression (by name), not because they are small. */
  secondary: z.optional(z.array(str)),
  validPercent: maybeNum,
  lower: z.optional(maybeNum),
  upper: z.optional(maybeNum),
};
export const Counts = z.object(countsShape);
export type Counts = z.infer<typeof Counts>;

export const completenessFields = ['ethnicity', 'sex', 'age', 'imd'] as const;
export type CompletenessField = (typeof completenessFields)[number];

export const CompletenessResult = z.object({
  dataset: str,
  datasetTitle: z.optional(str),
  period: z.optional(Period),
  field: str,
  grain: str,
  by: z.optional(maybeStr),
  target: num,
  disclosure: z.optional(str),
  disclosureLabel: z.optional(str),
  view: UnsuppressedMark,
  dataAsAt: z.optional(maybeStr),
  overall: Counts,
  periods: z.array(z.object({ ...countsShape, period: str })),
  groups: z.array(z.object({ ...countsShape, group: str, label: str })),
  spc: z.nullable(Spc),
});
export type CompletenessResult = z.infer<typeof CompletenessResult>;

export const CompletenessSummary = z.object({
  target: num,
  disclosure: z.optional(str),
  /** Each row covers its dataset's latest 12 months, to its latest record: `period`. */
  rows: z.array(z.object({ ...countsShape, dataset: str, datasetTitle: str, field: str, period: z.optional(Period) })),
});
export type CompletenessSummary = z.infer<typeof CompletenessSummary>;

export const SpecialtyList = z.object({
  // Activity is a count like any other: rounded, and null (shown as *) when small.
  specialties: z.array(z.object({ code: str, name: str, activity: maybeNum })),
});
export type Specialty = z.infer<typeof SpecialtyList>['specialties'][number];

// The datasets' shape is declared in datasets.ts; re-exported for the pages that read it from here.
export { DatasetList, type Dataset as DatasetInfo } from './datasets.ts';

export const ExtractList = z.array(z.object({ id: str, dataset: str, uploadedAt: str, status: str }));
