import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { DATASETS } from '../../../core/datasets/index.ts';
import { storageColumns } from '../../../db/storage.ts';
import { access } from '../../auth/policy.ts';
import { type Dataset, DatasetList } from '../../../core/contracts/datasets.ts';

const views: Dataset[] = DATASETS.map((d) => {
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
    })),
    derivedColumns: storageColumns(d).filter((c) => !declared.has(c.name)).map(({ name, type, description }) => ({ name, type, description })),
  };
});

const datasetsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/datasets', { config: access.viewer, schema: { querystring: z.object({}).strict(), response: { 200: DatasetList } } }, async () => views);
};
export default datasetsRoutes;
