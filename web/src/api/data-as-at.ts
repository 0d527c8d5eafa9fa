// When a result does not say when its data was loaded, the newest loaded extract does.
import { apiUrl, useApi } from './client.ts';
import { ExtractList } from '../../../core/contracts/results.ts';

export function useDataAsAt(fromResult: string | null | undefined, dataset?: string): string | null {
  const extracts = useApi(fromResult === undefined ? apiUrl('extracts') : null, ExtractList);
  if (fromResult !== undefined) return fromResult;
  if (extracts.status !== 'ok') return null;
  const loaded = extracts.data.filter((e) => e.status === 'loaded' && (!dataset || e.dataset === dataset));
  return loaded.reduce<string | null>((latest, e) => (latest === null || e.uploadedAt > latest ? e.uploadedAt : latest), null);
}
