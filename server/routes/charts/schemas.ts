import { z } from 'zod';
import { BREAKDOWNS } from '../../../metrics/catalogue/schema.ts';
import { COMPLETENESS_FIELDS } from '../../../metrics/catalogue/completeness.ts';
import { completenessDatasets } from '../../../metrics/engine/completeness.ts';
import { CHART_KINDS, COMPLETENESS_CHART_KINDS, SPECIALTY_CHART_KIND } from '../../charts/documents/index.ts';
import { isoDate } from '../../schemas/calendar-date.ts';
import { noViewField } from '../metrics/unsuppressed-view.ts';

const breakdown = z.enum(BREAKDOWNS, { message: `one of ${BREAKDOWNS.join(', ')}` });

/** `op-dna-rate.svg` → { metric, format }. */
export const chartFileParams = z.object({
  file: z
    .string()
    .regex(/^[a-z0-9-]{1,80}\.(svg|png)$/, 'a metric id followed by .svg or .png, such as op-dna-rate.png')
    .transform((s) => {
      const dot = s.lastIndexOf('.');
      return { metric: s.slice(0, dot), format: s.slice(dot + 1) as 'svg' | 'png' };
    }),
});

/** Sizes: width and height in pixels at 1×; scale 1, 2 or 3 multiplies both for print. */
export const sizeQuery = {
  width: z.coerce.number().int('a whole number of pixels').min(320, 'at least 320').max(2400, 'at most 2400').optional(),
  height: z.coerce.number().int('a whole number of pixels').min(200, 'at least 200').max(4000, 'at most 4000').optional(),
  scale: z.enum(['1', '2', '3'], { message: '1, 2 or 3' }).default('1'),
};

/** An indicator's chart kinds, and the specialty page's dot plot (which needs `specialty`: the one to highlight). */
export const INDICATOR_CHART_KINDS = [...CHART_KINDS, SPECIALTY_CHART_KIND] as const;

export const chartSelection = {
  chart: z.enum(INDICATOR_CHART_KINDS, { message: `one of ${INDICATOR_CHART_KINDS.join(', ')}` }).default('breakdown'),
  by: breakdown.default('overall'),
  by2: breakdown.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  specialty: z.string().regex(/^[A-Z0-9]{3}$/, 'a treatment function code such as 110').optional(),
  site: z.string().regex(/^[A-Za-z0-9 _.-]{1,40}$/, 'a site code (letters, digits, spaces, - _ .)').optional(),
  level: z.enum(['95', '99.8'], { message: '95 or 99.8' }).default('95'),
};

/**
 * The specialty comparison draws every specialty and highlights one: it needs `specialty`, and
 * takes no second breakdown or site (shared by the chart files and POST /api/published).
 */
export function checkSpecialtyComparison(q: { chart: string; by?: string; by2?: string | null; specialty?: string | null; site?: string | null }, ctx: z.RefinementCtx): void {
  if (q.chart !== SPECIALTY_CHART_KIND) return;
  if (!q.specialty) ctx.addIssue({ code: 'custom', path: ['specialty'], message: `the treatment function code of the specialty to highlight, such as 100: chart=${SPECIALTY_CHART_KIND} needs it` });
  if (q.by !== undefined && q.by !== 'overall' && q.by !== 'specialty') ctx.addIssue({ code: 'custom', path: ['by'], message: `specialty (or left out): chart=${SPECIALTY_CHART_KIND} always compares specialties` });
  if (q.by2) ctx.addIssue({ code: 'custom', path: ['by2'], message: `not taken by chart=${SPECIALTY_CHART_KIND}` });
  if (q.site) ctx.addIssue({ code: 'custom', path: ['site'], message: `not taken by chart=${SPECIALTY_CHART_KIND}` });
}

/** A chart file always applies the disclosure profile: `view=unsuppressed` is refused with the reason. */
export const chartQuery = z
  .object({ ...chartSelection, ...sizeQuery, title: z.string().trim().min(1).max(200).optional(), ...noViewField })
  .strict()
  .superRefine(checkSpecialtyComparison);

export function sizeOf(q: { width?: number; height?: number; scale: '1' | '2' | '3' }) {
  return { width: q.width, height: q.height, scale: Number(q.scale) };
}

const completenessDatasetIds = completenessDatasets().map((d) => d.id) as [string, ...string[]];
const completenessFields = Object.keys(COMPLETENESS_FIELDS) as [keyof typeof COMPLETENESS_FIELDS, ...(keyof typeof COMPLETENESS_FIELDS)[]];

/** Which completeness chart, for which dataset and field: shared by the chart files and POST /api/published. */
export const completenessSelection = {
  chart: z.enum(COMPLETENESS_CHART_KINDS, { message: `one of ${COMPLETENESS_CHART_KINDS.join(', ')}` }),
  dataset: z.enum(completenessDatasetIds, { message: `one of ${completenessDatasetIds.join(', ')}` }),
  field: z.enum(completenessFields, { message: `one of ${completenessFields.join(', ')}` }).default('ethnicity'),
  by: z.enum(['specialty', 'site'], { message: 'specialty or site' }),
  from: isoDate,
  to: isoDate,
};

/** `/api/charts/completeness.svg|png`: like the indicator charts, always disclosure-controlled. */
export const completenessChartQuery = z
  .object({
    ...completenessSelection,
    chart: completenessSelection.chart.default('completeness-trend'),
    dataset: completenessSelection.dataset.default('outpatients'),
    by: completenessSelection.by.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    ...sizeQuery,
    title: z.string().trim().min(1).max(200).optional(),
    ...noViewField,
  })
  .strict();
