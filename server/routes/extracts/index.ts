import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import { DATASET_IDS } from '../../../pipelines/datasets/index.ts';
import { FileRefusal } from '../../../pipelines/ingest/inspect-file.ts';
import { columnMapping, listMappings, resolveMapping, saveMapping } from '../../../pipelines/ingest/mappings.ts';
import { fileMessages } from '../../../pipelines/ingest/messages.ts';
import { ingestSummary, rejectedSummary } from '../../../pipelines/ingest/summary.ts';
import { badRequest, notFound } from '../../errors.ts';
import { receiveUpload } from './upload.ts';
import { extractView, getExtract, listExtracts, quarantineCsv } from './queries.ts';

const STATUS_CODE = { loaded: 201, duplicate: 200, rejected: 422 } as const;
const idParams = z.object({ id: z.string().regex(/^[a-z-]+-[0-9a-f]{8}$/, 'an extract id such as outpatients-1a2b3c4d') });

async function mappingFrom(field: string | undefined, db: Parameters<typeof resolveMapping>[0]) {
  if (!field) return undefined;
  if (field.trim().startsWith('{')) {
    const json = JSON.parse(field);
    const parsed = z.record(z.string(), z.string()).safeParse(json.columns ?? json);
    if (!parsed.success) throw badRequest('invalid_mapping', 'The mapping must be a JSON object of column name → header.');
    return parsed.data;
  }
  return resolveMapping(db, field);
}

const extractsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  await app.register(multipart);

  app.post('/extracts', { schema: { response: { 200: ingestSummary, 201: ingestSummary, 422: ingestSummary } } }, async (request, reply) => {
    if (!request.isMultipart()) throw badRequest('not_multipart', 'Send the extract as multipart/form-data with a "file" part and a "dataset" field.');
    const upload = await receiveUpload(request, app.config.maxUploadBytes);
    try {
      const dataset = upload.fields.dataset ?? '';
      if (!DATASET_IDS.includes(dataset)) throw badRequest('unknown_dataset', fileMessages.unknownDataset(dataset, DATASET_IDS));
      let mapping: Record<string, string> | undefined;
      try {
        mapping = await mappingFrom(upload.fields.mapping, app.db);
      } catch (error) {
        if (error instanceof FileRefusal) return reply.status(422).send(rejectedSummary(dataset, error.message));
        throw error;
      }
      const summary = await app.ingest.ingest({
        path: upload.path,
        dataset,
        fileName: upload.fileName,
        mapping,
        replace: upload.fields.replace || undefined,
        uploadedBy: 'web',
      });
      return reply.status(STATUS_CODE[summary.status]).send(summary);
    } finally {
      await upload.discard();
    }
  });

  app.get('/extracts', { schema: { response: { 200: z.array(extractView) } } }, async () => listExtracts(app.db));

  app.get('/extracts/:id', { schema: { params: idParams } }, async (request) => {
    const extract = await getExtract(app.db, request.params.id);
    if (!extract) throw notFound(`Extract ${request.params.id}`);
    return extract;
  });

  app.get('/extracts/:id/quarantine.csv', { schema: { params: idParams } }, async (request, reply) => {
    const extract = await getExtract(app.db, request.params.id);
    if (!extract) throw notFound(`Extract ${request.params.id}`);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${extract.id}_quarantine.csv"`)
      .send(await quarantineCsv(app.db, extract.id));
  });

  app.delete('/extracts/:id', { schema: { params: idParams } }, async (request, reply) => {
    const extract = await getExtract(app.db, request.params.id);
    if (!extract || extract.status !== 'loaded') throw notFound(`Loaded extract ${request.params.id}`);
    await app.ingest.remove(extract.id, extract.dataset);
    return reply.status(200).send({ id: extract.id, status: 'deleted' });
  });

  app.get('/mappings', async () => listMappings(app.db));
  app.post('/mappings', { schema: { body: columnMapping } }, async (request, reply) => {
    if (!DATASET_IDS.includes(request.body.dataset)) throw badRequest('unknown_dataset', fileMessages.unknownDataset(request.body.dataset, DATASET_IDS));
    await saveMapping(app.db, request.body);
    return reply.status(201).send(request.body);
  });
};
export default extractsRoutes;
