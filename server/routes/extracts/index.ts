import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import { DATASET_IDS } from '../../../core/datasets/index.ts';
import { FileRefusal } from '../../../pipelines/ingest/inspect-file.ts';
import { columnMapping, listMappings, saveMapping } from '../../../pipelines/ingest/mappings.ts';
import { fileMessages } from '../../../core/text/ingest-messages.ts';
import { IngestSummary } from '../../../core/contracts/ingest.ts';
import { rejectedSummary } from '../../../pipelines/ingest/summary.ts';
import * as messages from '../../messages.ts';
import { receiveUpload } from './upload.ts';
import { getExtract, listExtracts, quarantineCsv } from './queries.ts';
import { ExtractDeleted, ExtractDetail, ExtractList, SavedMapping, SavedMappingList } from '../../../core/contracts/extracts.ts';

const STATUS_CODE = { loaded: 201, duplicate: 200, rejected: 422 } as const;
const extractId = z.string().regex(/^[a-z_-]+-[0-9a-f]{8}$/, 'an extract id such as outpatients-1a2b3c4d');
const idParams = z.object({ id: extractId }).strict();
const empty = z.object({}).strict();
/** The text fields of an upload; anything else is refused. */
const uploadFields = z
  .object({
    dataset: z.string().max(100).default(''),
    mapping: z.string().max(100_000).optional(),
    replace: z.union([extractId, z.literal('')]).optional(),
  })
  .strict();

/** An inline JSON mapping, or the name of a saved one — never a path on the server. */
async function mappingFrom(field: string | undefined, db: Parameters<typeof listMappings>[0]) {
  if (!field) return undefined;
  if (field.trim().startsWith('{')) {
    let json: { columns?: unknown };
    try {
      json = JSON.parse(field);
    } catch {
      throw messages.invalidMapping();
    }
    const parsed = z.record(z.string(), z.string()).safeParse(json.columns ?? json);
    if (!parsed.success) throw messages.invalidMapping();
    return parsed.data;
  }
  const saved = (await listMappings(db)).find((m) => m.name === field);
  if (!saved) throw new FileRefusal(fileMessages.mappingNotFound(field));
  return saved.columns;
}

const extractsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  await app.register(multipart);

  const analyst = { role: 'analyst' as const };

  app.post('/extracts', { config: analyst, schema: { querystring: empty, response: { 200: IngestSummary, 201: IngestSummary, 422: IngestSummary } } }, async (request, reply) => {
    if (!request.isMultipart()) throw messages.notMultipart();
    const upload = await receiveUpload(request, app.config.maxUploadBytes, app.ingest.scratchDir);
    try {
      const fields = uploadFields.safeParse(upload.fields);
      if (!fields.success) {
        throw messages.invalidUploadFields(fields.error.issues.map((i) => `${i.path.join('.') || 'fields'}: ${i.message}`).join('; '));
      }
      const dataset = fields.data.dataset;
      if (!DATASET_IDS.includes(dataset)) throw messages.unknownDataset(dataset, DATASET_IDS);
      let mapping: Record<string, string> | undefined;
      try {
        mapping = await mappingFrom(fields.data.mapping, app.db);
      } catch (error) {
        if (error instanceof FileRefusal) return reply.status(422).send(rejectedSummary(dataset, error.message));
        throw error;
      }
      const summary = await app.ingest.ingest({
        path: upload.path,
        dataset,
        fileName: upload.fileName,
        mapping,
        replace: fields.data.replace || undefined,
        uploadedBy: request.principal && request.principal.via !== 'local' ? request.principal.name : 'web',
      });
      return reply.status(STATUS_CODE[summary.status]).send(summary);
    } finally {
      await upload.discard();
    }
  });

  app.get('/extracts', { config: analyst, schema: { querystring: empty, response: { 200: ExtractList } } }, async () => listExtracts(app.db));

  app.get('/extracts/:id', { config: { ...analyst, audit: 'quarantine.view' }, schema: { params: idParams, querystring: empty, response: { 200: ExtractDetail } } }, async (request) => {
    const extract = await getExtract(app.db, request.params.id);
    if (!extract) throw messages.extractNotFound(request.params.id);
    return extract;
  });

  app.get('/extracts/:id/quarantine.csv', { config: { ...analyst, audit: 'quarantine.export' }, schema: { params: idParams, querystring: empty } }, async (request, reply) => {
    const extract = await getExtract(app.db, request.params.id);
    if (!extract) throw messages.extractNotFound(request.params.id);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${extract.id}_quarantine.csv"`)
      .send(await quarantineCsv(app.db, extract));
  });

  app.delete('/extracts/:id', { config: { role: 'admin' }, schema: { params: idParams, querystring: empty, response: { 200: ExtractDeleted } } }, async (request, reply) => {
    const extract = await getExtract(app.db, request.params.id);
    if (!extract || extract.status !== 'loaded') throw messages.loadedExtractNotFound(request.params.id);
    await app.ingest.remove(extract.id, extract.dataset);
    return reply.status(200).send({ id: extract.id, status: 'deleted' as const });
  });

  app.get('/mappings', { config: analyst, schema: { querystring: empty, response: { 200: SavedMappingList } } }, async () => listMappings(app.db));
  app.post('/mappings', { config: analyst, schema: { querystring: empty, body: columnMapping.strict(), response: { 201: SavedMapping } } }, async (request, reply) => {
    if (!DATASET_IDS.includes(request.body.dataset)) throw messages.unknownDataset(request.body.dataset, DATASET_IDS);
    await saveMapping(app.db, request.body);
    return reply.status(201).send(request.body);
  });
};
export default extractsRoutes;
