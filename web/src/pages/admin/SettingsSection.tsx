// Settings on the admin page: a form for each setting that can change while Parity runs, and a
// table of the ones set in the server's environment (secrets only as "set" or "not set").
import { useCallback, useEffect, useState } from 'react';
import { DisclosureOffDialog } from './DisclosureOffDialog.tsx';
import { describeSource, displayValue, SettingForm } from './SettingForm.tsx';
import { fetchSettings, resetSetting, saveSetting, type Setting, type SettingValue } from './settings-api.ts';
import './settings.css';

export function SettingsSection() {
  const [settings, setSettings] = useState<Setting[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [confirming, setConfirming] = useState<{ setting: Setting; value: SettingValue } | null>(null);

  const reload = useCallback(() => fetchSettings().then(setSettings), []);
  useEffect(() => {
    reload().catch((e: Error) => setLoadError(e.message));
  }, [reload]);

  const apply = async (work: () => Promise<Setting>, done: (s: Setting) => string): Promise<string | null> => {
    setAnnouncement('');
    try {
      const updated = await work();
      setSettings((all) => all?.map((s) => (s.key === updated.key ? updated : s)) ?? null);
      setAnnouncement(done(updated));
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  };
  const save = (setting: Setting, value: SettingValue) => apply(() => saveSetting(setting.key, value), (s) => `Saved: ${s.label} is now ${displayValue(s, s.value)}.`);
  const reset = (setting: Setting) => apply(() => resetSetting(setting.key), (s) => `Reset: ${s.label} is back to ${displayValue(s, s.value)} (${describeSource(s).toLowerCase()}).`);

  const onSave = async (setting: Setting, value: SettingValue) => {
    if (setting.key === 'disclosure' && value === 'none' && setting.value !== 'none') {
      setConfirming({ setting, value });
      return null;
    }
    return save(setting, value);
  };

  const editable = settings?.filter((s) => s.editable) ?? [];
  const fixed = settings?.filter((s) => !s.editable) ?? [];
  return (
    <section aria-labelledby="settings-heading" className="settings">
      <h2 id="settings-heading">Settings</h2>
      <p className="settings-intro">
        A value saved here overrides the server's environment, which overrides the built-in default; Reset removes the saved value. Every change is recorded in
        the audit log with who made it, when and from where.
      </p>
      <div role="status" className={announcement ? 'status settings-announcement' : 'settings-announcement'}>
        {announcement}
      </div>
      {loadError && (
        <p className="status status-error" role="alert">
          {loadError}
        </p>
      )}
      {editable.map((s) => (
        <SettingForm key={s.key} setting={s} onSave={onSave} onReset={reset} />
      ))}
      {fixed.length > 0 && (
        <>
          <h3>Set when the server starts</h3>
          <p className="settings-intro">These are deployment settings: change the environment variable on the server and restart Parity (README, “Configuration”).</p>
          <div className="table-wrap">
            <table className="data-table settings-table">
              <caption className="visually-hidden">Settings set in the server's environment</caption>
              <thead>
                <tr>
                  <th scope="col">Setting</th>
                  <th scope="col">Value</th>
                  <th scope="col">Environment variable</th>
                  <th scope="col">Set by</th>
                  <th scope="col">What it does</th>
                </tr>
              </thead>
              <tbody>
                {fixed.map((s) => (
                  <tr key={s.key}>
                    <th scope="row">{s.label}</th>
                    <td className={s.secret ? 'secret' : undefined}>{s.value ?? 'not set'}</td>
                    <td>
                      <code>{s.env}</code>
                    </td>
                    <td>{s.value === null || s.value === 'not set' ? '—' : s.source.kind === 'environment' ? 'Environment' : s.source.kind === 'start-up' ? 'Start-up option' : 'Default'}</td>
                    <td>{s.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {confirming && (
        <DisclosureOffDialog
          onClose={() => setConfirming(null)}
          onConfirm={async () => {
            const problem = await save(confirming.setting, confirming.value);
            if (problem) setAnnouncement(problem);
            setConfirming(null);
          }}
        />
      )}
    </section>
  );
}
