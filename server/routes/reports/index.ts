// Reports: the board report (/reports/board, picked indicators and breakdowns or a saved
// template) and the annual-report pack (/reports/annual), each as a printable A4 page, a PDF
// (/api/reports/*.pdf, headless Chromium when the server has it) and, for the pack, a CSV appendix.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { buildChartDocument } from '../../charts/documents/indicator.ts';
import { toCsv } from '../../csv.ts';
import { dataVersion } from '../../../db/schema.ts';
import { buildReport } from '../../reports/build.ts';
import { htmlToPdf } from '../../reports/pdf.ts';
import { reportHtml } from '../../reports/report-html.ts';
import { breakdownFor, checkSelection, DEFAULT_BOARD, REPORT_BREAKDOWNS, statementIndicators, type ReportSelection } from '../../reports/selection.ts';
import { deleteTemplate, findTemplate, listTemplates, saveTemplate } from '../../reports/templates.ts';
import { isoDate } from '../../schemas/calendar-date.ts';
import { access } from '../../auth/policy.ts';

const list = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean));
const breakdownList = list.pipe(z.array(z.enum(REPORT_BREAKDOWNS, { message: `one of ${REPORT_BREAKDOWNS.join(', ')}` })));
const templateName = z.string().trim().min(1).max(80).regex(/^[A-Za-z0-9 _.()-]+$/, 'letters, digits, spaces and _ . ( ) -');

const boardQuery = z
  .object({ indicators: list.optional(), breakdowns: breakdownList.optional(), from: isoDate.optional(), to: isoDate.optional(), template: templateName.optional(), title: z.string().trim().min(1).max(200).optional() })
  .strict();
const annualQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() }).strict();
const templateBody = z.object({ name: templateName, indicators: list, breakdowns: breakdownList }).strict();

export const ANNUAL_BREAKDOWNS = ['imd_quintile', 'ethnic_group', 'age_band_broad', 'sex'] as const;

const accountOf = (request: FastifyRequest): string | null => (request as unknown as { principal?: { name?: string } | null }).principal?.name ?? null;

const reportsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // The template form on the report page posts as a plain HTML form (no script on the page).
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    const params = new URLSearchParams(String(body));
    const out: Record<string, string | string[]> = {};
    for (const key of new Set(params.keys())) {
      const all = params.getAll(key);
      out[key] = key === 'name' ? all[0] : all;
    }
    done(null, out);
  });

  async function boardSelection(q: z.infer<typeof boardQuery>): Promise<{ selection: ReportSelection; template: string | null }> {
    if (q.template) {
      const t = await findTemplate(app.db, q.template);
      return { selection: checkSelection({ indicators: t.indicators, breakdowns: t.breakdowns, from: q.from, to: q.to, title: q.title }), template: t.name };
    }
    return {
      selection: checkSelection({ indicators: q.indicators ?? DEFAULT_BOARD.indicators, breakdowns: q.breakdowns ?? DEFAULT_BOARD.breakdowns, from: q.from, to: q.to, title: q.title }),
      template: null,
    };
  }

  const annualSelection = (q: z.infer<typeof annualQuery>): ReportSelection => ({ indicators: statementIndicators().map((m) => m.id), breakdowns: [...ANNUAL_BREAKDOWNS], ...q });

  // The annual pack draws well over a hundred charts: keep the last few documents per data version.
  const cache = new Map<string, string>();
  async function cachedHtml(key: string, make: () => Promise<string>): Promise<string> {
    const k = `${await dataVersion(app.db)}|${key}`;
    const hit = cache.get(k);
    if (hit) return hit;
    const html = await make();
    if (cache.size >= 8) cache.delete(cache.keys().next().value!);
    cache.set(k, html);
    return html;
  }

  const queryOf = (request: FastifyRequest) => request.url.split('?')[1] ?? '';
  const sendPdf = (reply: FastifyReply, name: string, pdf: Buffer) => reply.type('application/pdf').header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'no-store').send(pdf);
  const stamp = () => new Date().toISOString().slice(0, 10);

  app.get('/reports/board', { config: access.viewerPage, schema: { querystring: boardQuery } }, async (request, reply) => {
    const { selection, template } = await boardSelection(request.query);
    const model = await buildReport(app.metrics, selection, { completenessFields: ['ethnicity'], trendCharts: true });
    const html = reportHtml(model, { kind: 'board', controls: true, fonts: 'url', templates: await listTemplates(app.db), template, query: queryOf(request) });
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  });

  app.get('/api/reports/board.pdf', { config: access.viewer, schema: { querystring: boardQuery } }, async (request, reply) => {
    const { selection } = await boardSelection(request.query);
    const model = await buildReport(app.metrics, selection, { completenessFields: ['ethnicity'], trendCharts: true });
    return sendPdf(reply, `parity-board-report_${stamp()}.pdf`, await htmlToPdf(reportHtml(model, { kind: 'board', controls: false, fonts: 'inline' })));
  });

  const annualHtml = (selection: ReportSelection, controls: boolean, query: string) =>
    cachedHtml(`annual|${controls}|${JSON.stringify(selection)}`, async () => {
      const model = await buildReport(app.metrics, selection, { completenessFields: ['ethnicity', 'sex', 'age', 'imd'], trendCharts: false });
      return reportHtml(model, { kind: 'annual', controls, fonts: controls ? 'url' : 'inline', query });
    });

  app.get('/reports/annual', { config: access.viewerPage, schema: { querystring: annualQuery } }, async (request, reply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(await annualHtml(annualSelection(request.query), true, queryOf(request))),
  );

  app.get('/api/reports/annual.pdf', { config: access.viewer, schema: { querystring: annualQuery } }, async (request, reply) =>
    sendPdf(reply, `parity-annual-report-pack_${stamp()}.pdf`, await htmlToPdf(await annualHtml(annualSelection(request.query), false, ''))),
  );

  app.get('/api/reports/annual.csv', { config: access.viewer, schema: { querystring: annualQuery } }, async (request, reply) => {
    const selection = annualSelection(request.query);
    let headers: string[] = [];
    const rows: unknown[][] = [];
    for (const id of selection.indicators) {
      const metric = app.metrics.metric(id);
      for (const asked of selection.breakdowns) {
        const by = breakdownFor(metric, asked);
        if (!by) continue;
        const doc = await buildChartDocument(app.metrics, { metric: id, chart: 'breakdown', by, from: selection.from, to: selection.to });
        headers = doc.table.headers;
        rows.push(...doc.table.rows);
      }
    }
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="parity-annual-report-data_${stamp()}.csv"`).send(toCsv(headers, rows));
  });

  app.get('/api/report-templates', { config: access.viewer, schema: { querystring: z.object({}).strict() } }, async () => ({ templates: await listTemplates(app.db) }));

  app.post('/api/report-templates', { schema: { body: templateBody }, config: access.analyst }, async (request, reply) => {
    const b = request.body;
    const saved = await saveTemplate(app.db, b.name, { indicators: b.indicators, breakdowns: b.breakdowns }, accountOf(request));
    if (request.headers['content-type']?.startsWith('application/x-www-form-urlencoded')) {
      return reply.redirect(`/reports/board?template=${encodeURIComponent(saved.name)}`, 303);
    }
    return reply.status(201).send(saved);
  });

  app.delete('/api/report-templates/:name', { schema: { params: z.object({ name: templateName }), querystring: z.object({}).strict() }, config: access.analyst }, async (request) => {
    await deleteTemplate(app.db, request.params.name);
    return { deleted: request.params.name };
  });
};
export default reportsRoutes;
