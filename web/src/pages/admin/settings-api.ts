// The settings API (server/routes/settings): the list, a change and a reset. Changes carry the
// session's CSRF token; a refusal comes back as an ApiError with the server's message.
import { send } from '../../api/client.ts';

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

export const fetchSettings = async () => (await send<{ settings: Setting[] }>('GET', '/api/settings')).settings;
export const saveSetting = (key: string, value: SettingValue) => send<Setting>('PUT', `/api/settings/${encodeURIComponent(key)}`, { body: { value } });
export const resetSetting = (key: string) => send<Setting>('DELETE', `/api/settings/${encodeURIComponent(key)}`);
