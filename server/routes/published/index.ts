// Published charts: POST /api/published freezes a chart (an indicator's, the specialty comparison, or a completeness chart); GET /api/published lists them;
// DELETE /api/published/:id withdraws one; GET /published/:id is the embeddable page and
// /published/:id.svg|png|csv|json the frozen chart's files. Also /fonts/* for the server's pages.
import { createReadStream } from 'node:fs';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { BREAKDOWNS } from '../../../metrics/catalogue/schema.ts';
import { COMPLETENESS_CHART_KINDS, requestFromBody, subjectOf, type ChartDocument } from '../../charts/documents/index.ts';
import { drawPng, drawSvg } from '../../charts/draw.ts';
import { WEB_FONTS } from '../../charts/html.ts';
import { publishedPage, withdrawnPage } from '../../charts/published-page.ts';
import { toCsv } from '../../csv.ts';
import { PublishedService } from '../../services/published-service.ts';
import { isoDate } from '../../schemas/calendar-date.ts';
import { INDICATOR_CHART_KINDS, checkSpecialtyComparison, completenessSelection, sizeOf, sizeQuery } from '../charts/schemas.ts';
import { noViewField } from '../metrics/unsuppressed-view.ts';
import { access } from '../../auth/policy.ts';
import * as messages from '../../messages.ts';
import { Published, PublishedList, Withdrawn } from '../../../core/contracts/published.ts';

const breakdown = z.enum(BREAKDOWNS, { message: `one of ${BREAKDOWNS.join(', ')}` });

const PUBLISHABLE = [...INDICATOR_CHART_KINDS, ...COMPLETENESS_CHART_KINDS] as const;
/** Fields only an indicator chart takes, and only a completeness chart takes. */
const INDICATOR_ONLY = ['metric', 'by2', 'specialty', 'site'] as const;
const COMPLETENESS_ONLY = ['dataset', 'field'] as const;

// One body for both families, so a mistake gets a message naming the field rather than "invalid input".
const publishBody = z
  .object({
    metric: z.string().regex(/^[a-z0-9-]{1,80}$/, 'a metric id such as op-dna-rate').optional(),
    chart: z.enum(PUBLISHABLE, { message: `one of ${PUBLISHABLE.join(', ')}` }).default('breakdown'),
    dataset: completenessSelection.dataset.optional(),
    field: completenessSelection.field.removeDefault().optional(),
    by: breakdown.default('overall'),
    by2: breakdown.nullish(),
    from: isoDate.nullish(),
    to: isoDate.nullish(),
    specialty: z.string().regex(/^[A-Z0-9]{3}$/, 'a treatment function code such as 110').nullish(),
    site: z.string().regex(/^[A-Za-z0-9 _.-]{1,40}$/, 'a site code (letters, digits, spaces, - _ .)').nullish(),
    level: z.union([z.literal(95), z.literal(99.8)], { message: '95 or 99.8' }).default(95),
    title: z.string().trim().min(1).max(200).nullish(),
    publishedBy: z.string().trim().min(1).max(80).nullish(),
    // A publication always applies the disclosure profile: refused with the reason.
    ...noViewField,
  })
  .strict()
  .superRefine((b, ctx) => {
    const completeness = subjectOf(b.chart) === 'completeness';
    const present = (key: string) => (b as Record<string, unknown>)[key] !== undefined && (b as Record<string, unknown>)[key] !== null;
    if (completeness) {
      if (!present('dataset')) ctx.addIssue({ code: 'custom', path: ['dataset'], message: `a completeness chart needs a dataset` });
      for (const key of INDICATOR_ONLY.filter(present)) ctx.addIssue({ code: 'custom', path: [key], message: `not taken by a completeness chart (it takes dataset, field, by, from, to)` });
      if (!['overall', 'specialty', 'site'].includes(b.by as string)) ctx.addIssue({ code: 'custom', path: ['by'], message: 'specialty or site for a completeness chart' });
      if ((b.level as number) !== 95) ctx.addIssue({ code: 'custom', path: ['level'], message: 'a completeness chart uses 95% intervals' });
    } else {
      if (!present('metric')) ctx.addIssue({ code: 'custom', path: ['metric'], message: 'a metric id such as op-dna-rate' });
      for (const key of COMPLETENESS_ONLY.filter(present)) ctx.addIssue({ code: 'custom', path: [key], message: `only for the completeness charts (${COMPLETENESS_CHART_KINDS.join(', ')})` });
      checkSpecialtyComparison(b, ctx);
    }
  });

const idParams = z.object({ id: z.string().regex(/^[0-9a-f]{12}$/, 'a published chart id (12 hexadecimal characters)') });
const fileParams = z.object({
  file: z
    .string()
    .regex(/^[0-9a-f]{12}(\.(svg|png|csv|json))?$/, 'a published chart id, optionally followed by .svg, .png, .csv or .json')
    .transform((s) => ({ id: s.slice(0, 12), format: (s.slice(13) || 'html') as 'html' | 'svg' | 'png' | 'csv' | 'json' })),
});
const fileQuery = z.object(sizeQuery).strict();

/** The signed-in account, when access control is on. */
const accountOf = (request: FastifyRequest): string | null => (request as unknown as { principal?: { name?: string } | null }).principal?.name ?? null;

const publishedRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const service = new PublishedService(app.db, app.metrics);

  app.post('/api/published', { config: access.analyst, schema: { body: publishBody, response: { 201: Published } } }, async (request, reply) => {
    const b = request.body;
    const account = accountOf(request);
    const who = { publishedBy: b.publishedBy ?? null, account };
    const published = await service.publish(requestFromBody({ ...b, from: b.from ?? undefined, to: b.to ?? undefined }), who);
    return reply.status(201).send({ id: published.id, url: published.url, published });
  });

  app.get('/api/published', { config: access.viewer, schema: { querystring: z.object({}).strict(), response: { 200: PublishedList } } }, async () => ({ published: await service.list() }));

  app.delete('/api/published/:id', { config: access.analyst, schema: { params: idParams, querystring: z.object({}).strict(), response: { 200: Withdrawn } } }, async (request) => {
    const s = await service.withdraw(request.params.id, accountOf(request) ?? 'not recorded');
    return { id: s.id, withdrawnAt: s.withdrawnAt, withdrawnBy: s.withdrawnBy, published: s };
  });

  app.get('/published/:file', { config: access.publicPage, schema: { params: fileParams, querystring: fileQuery } }, async (request, reply) => {
    const { id, format } = request.params.file;
    const { status, record, json } = await service.record(id);
    if (status.withdrawnAt) {
      if (format === 'html') return reply.status(410).type('text/html; charset=utf-8').send(withdrawnPage(status));
      throw messages.publishedChartWithdrawn(status);
    }
    // Published figures never change: caches may keep them (withdrawal is checked on the next fetch).
    reply.header('cache-control', 'public, max-age=300');
    if (format === 'json') return reply.type('application/json; charset=utf-8').header('content-disposition', `inline; filename="parity-chart-${id}.json"`).send(json);
    const doc: ChartDocument = record.document;
    const size = sizeOf(request.query);
    const name = `${doc.fileName}_published-${id}`;
    if (format === 'csv') return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(toCsv(doc.table.headers, doc.table.rows));
    if (format === 'svg') return reply.type('image/svg+xml; charset=utf-8').header('content-disposition', `inline; filename="${name}.svg"`).send(await drawSvg(doc, size));
    if (format === 'png') return reply.type('image/png').header('content-disposition', `inline; filename="${name}${size.scale > 1 ? `@${size.scale}x` : ''}.png"`).send(await drawPng(doc, size));
    return reply.type('text/html; charset=utf-8').send(publishedPage(record, await drawSvg(doc, size)));
  });

  app.get('/fonts/:file', { config: access.public, schema: { params: z.object({ file: z.enum(Object.keys(WEB_FONTS) as [string, ...string[]]) }) } }, async (request, reply) =>
    reply.type('font/woff2').header('cache-control', 'public, max-age=31536000, immutable').send(createReadStream(WEB_FONTS[request.params.file].file)),
  );
};
export default publishedRoutes;
