import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { DATASETS } from '../../../core/datasets/index.ts';
import { storageColumns } from '../../../db/storage.ts';
import { access } from '../../auth/policy.ts';

const columnView = z.object({
  name: z.string(),
  type: z.string(),
  kind: z.string(),
  required: z.boolean(),
  description: z.string(),
  aliases: z.array(z.string()),
  codes: z.array(z.object({ code: z.string(), label: z.string() })).nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  rejectInvalid: z.boolean(),
});
const datasetView = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  grain: z.string(),
  key: z.array(z.string()),
  periodColumn: z.string().nullable(),
  patientLevel: z.boolean(),
  columns: z.array(columnView),
  derivedColumns: z.array(z.object({ name: z.string(), type: z.string(), description: z.string() })),
});

const views = DATASETS.map((d) => {
  const declared = new Set(d.columns.map((c) => c.name));
  const types = new Map(storageColumns(d).map((c) => [c.name, c.type]));
  return {
    id: d.id,
    title: d.title,
    description: d.description,
    grain: d.grain,
    key: d.key,
    periodColumn: d.periodColumn,
    patientLevel: d.patientLevel,
    columns: d.columns.map((c) => ({
      name: c.name,
      type: types.get(c.name) ?? 'VARCHAR',
      kind: c.kind,
      required: c.required,
      description: c.description,
      aliases: c.aliases,
      codes: c.codes ?? null,
      min: c.min ?? null,
      max: c.max ?? null,
      rejectInvalid: c.rejectInvalid,
    })),
    derivedColumns: storageColumns(d).filter((c) => !declared.has(c.name)),
  };
});

const datasetsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/datasets', { config: access.viewer, schema: { querystring: z.object({}).strict(), response: { 200: z.array(datasetView) } } }, async () => views);
};
export default datasetsRoutes;
