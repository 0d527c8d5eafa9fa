// The settings API (server/routes/settings): the list, a change and a reset. Changes carry the
// session's CSRF token; a refusal comes back as an ApiError with the server's message.
import { send } from '../../api/client.ts';
import { SettingList, SettingView, type SettingValue } from '../../../../core/contracts/settings.ts';

export type { SettingValue };
export type Setting = SettingView;

export const fetchSettings = async () => (await send('GET', '/api/settings', { schema: SettingList })).settings;
export const saveSetting = (key: string, value: SettingValue) => send('PUT', `/api/settings/${encodeURIComponent(key)}`, { body: { value }, schema: SettingView });
export const resetSetting = (key: string) => send('DELETE', `/api/settings/${encodeURIComponent(key)}`, { schema: SettingView });
