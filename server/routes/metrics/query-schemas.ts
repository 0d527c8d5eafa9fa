import { z } from 'zod';
import { BREAKDOWNS } from '../../../metrics/catalogue/schema.ts';
import { isoDate } from '../../schemas/calendar-date.ts';
import { viewField } from './unsuppressed-view.ts';

const breakdown = z.enum(BREAKDOWNS, { message: `one of ${BREAKDOWNS.join(', ')}` });
const filters = {
  from: isoDate.optional(),
  to: isoDate.optional(),
  specialty: z.string().regex(/^[A-Z0-9]{3}$/, 'a treatment function code such as 110').optional(),
  site: z.string().regex(/^[A-Za-z0-9 _.-]{1,40}$/, 'a site code (letters, digits, spaces, - _ .)').optional(),
  plus: z.string().regex(/^[a-z0-9-]{1,40}$/, 'a PLUS group id').optional(),
  level: z.enum(['95', '99.8'], { message: '95 or 99.8' }).default('95'),
};

export const metricParams = z.object({ id: z.string().regex(/^[a-z0-9-]{1,80}$/, 'a metric id such as op-dna-rate') });
/** `view=unsuppressed`: on-screen figures without disclosure control, for analysts (unsuppressed-view.ts). */
export const breakdownQuery = z.object({ by: breakdown.default('overall'), by2: breakdown.optional(), ...filters, ...viewField }).strict();
/** `by=ethnic_group,imd_quintile,sex`: a page's several breakdowns in one request. */
export const breakdownsQuery = z
  .object({
    by: z
      .string()
      .max(200)
      .transform((s) => s.split(','))
      .pipe(z.array(breakdown).min(1).max(BREAKDOWNS.length)),
    ...filters,
    ...viewField,
  })
  .strict();
export const seriesQuery = z.object({ by: breakdown.default('overall'), grain: z.enum(['month', 'quarter']).optional(), ...filters, ...viewField }).strict();
export const periodQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() }).strict();
