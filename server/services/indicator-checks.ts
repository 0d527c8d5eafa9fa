// The loader's hook for naming the indicators an extract cannot support: the catalogue is in
// metrics/, which pipelines/ does not import, so the server hands this to every load.
import { STATEMENT_METRICS } from '../../metrics/catalogue/index.ts';
import { affectedIndicators } from '../../metrics/engine/computability.ts';
import type { IngestOptions } from '../../pipelines/ingest/ingest.ts';

export const statementIndicatorsAffected: NonNullable<IngestOptions['affectedIndicators']> = (session, dataset, extractId, fileName, findings) =>
  affectedIndicators(session, STATEMENT_METRICS, dataset, extractId, fileName, findings);
