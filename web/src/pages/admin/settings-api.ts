// The settings API (server/routes/settings): the list, a change and a reset. Changes carry the
// session's CSRF token; a refusal comes back as an Error with the server's message.
import { csrfHeaders } from '../../auth/session.ts';

export type SettingValue = string | number;

export interface Setting {
  key: string;
  label: string;
  description: string;
  env: string;
  editable: boolean;
  secret: boolean;
  value: SettingValue | null;
  source: { kind: 'default' | 'environment' | 'start-up' | 'saved'; by?: string; at?: string };
  defaultValue: SettingValue | null;
  resetValue?: SettingValue;
  takesEffect?: string;
  input?: { kind: 'choice'; options: { value: string; label: string }[] } | { kind: 'number'; min: number; max: number; step: number; unit: string };
  allowed?: string;
}

async function send<T>(method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(method === 'GET' ? {} : await csrfHeaders()) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json().catch(() => null)) as (T & { error?: { message?: string } }) | null;
  if (!response.ok) throw new Error(json?.error?.message ?? `The server answered ${response.status}.`);
  return json as T;
}

export const fetchSettings = async () => (await send<{ settings: Setting[] }>('GET', '/api/settings')).settings;
export const saveSetting = (key: string, value: SettingValue) => send<Setting>('PUT', `/api/settings/${encodeURIComponent(key)}`, { value });
export const resetSetting = (key: string) => send<Setting>('DELETE', `/api/settings/${encodeURIComponent(key)}`);
