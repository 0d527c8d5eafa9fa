// One setting that can change while Parity runs: what it does, its value now and where that comes
// from, and a field to change it with Save and (when a value is saved here) Reset.
import { useState, type FormEvent } from 'react';
import { formatDateTime } from '../../../../core/text/format.ts';
import type { Setting, SettingValue } from './settings-api.ts';

/** The value as a person reads it: "95%", "30 minutes", or a profile's label. */
export function displayValue(setting: Setting, value: SettingValue | null | undefined): string {
  if (value === null || value === undefined) return 'not set';
  const input = setting.input;
  if (input?.kind === 'choice') return input.options.find((o) => o.value === value)?.label ?? String(value);
  if (input?.kind === 'number') return input.unit === '%' ? `${value}%` : `${value} ${input.unit}`;
  return String(value);
}

/** Where the value in force comes from. */
export function describeSource(setting: Setting): string {
  switch (setting.source.kind) {
    case 'saved':
      return `Changed on this page by ${setting.source.by} on ${formatDateTime(setting.source.at)}`;
    case 'environment':
      return `The environment variable ${setting.env}`;
    case 'start-up':
      return 'An option given when the server started';
    default:
      return 'The built-in default';
  }
}

/** The field's text as a value, or a message saying what is allowed. */
function parse(setting: Setting, text: string): { value: SettingValue } | { problem: string } {
  const input = setting.input;
  if (input?.kind !== 'number') return { value: text };
  const n = Number(text.trim());
  const whole = input.step >= 1;
  if (text.trim() === '' || !Number.isFinite(n) || n < input.min || n > input.max || (whole && !Number.isInteger(n))) {
    return { problem: `Enter ${setting.allowed ?? `a number from ${input.min} to ${input.max}`}.` };
  }
  return { value: n };
}

export function SettingForm({ setting, onSave, onReset }: {
  setting: Setting;
  /** Resolves to an error message to show beside the field, or null. */
  onSave: (setting: Setting, value: SettingValue) => Promise<string | null>;
  onReset: (setting: Setting) => Promise<string | null>;
}) {
  const [text, setText] = useState(String(setting.value ?? ''));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `setting-${setting.key}`;
  const input = setting.input;
  const saved = setting.source.kind === 'saved';

  const run = async (work: () => Promise<string | null>) => {
    setBusy(true);
    setProblem(await work());
    setBusy(false);
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parse(setting, text);
    if ('problem' in parsed) return setProblem(parsed.problem);
    void run(() => onSave(setting, parsed.value));
  };
  const reset = () =>
    void run(async () => {
      const error = await onReset(setting);
      if (!error && setting.resetValue !== undefined) setText(String(setting.resetValue));
      return error;
    });

  const described = [`${id}-description`, `${id}-now`, problem ? `${id}-error` : `${id}-hint`].join(' ');
  return (
    <form className="setting" onSubmit={submit} noValidate>
      <h3 className="setting-title">
        <label id={`${id}-label`} htmlFor={id}>
          {setting.label}
        </label>
      </h3>
      <p id={`${id}-description`} className="setting-description">
        {setting.description}
      </p>
      {input?.kind === 'choice' && input.options.some((o) => o.protects) && (
        <dl className="setting-options">
          {input.options.map((o) => (
            <div key={o.value}>
              <dt>{o.label}</dt>
              <dd>{o.protects}</dd>
              {o.leaves && <dd>Not protected: {o.leaves}</dd>}
            </div>
          ))}
        </dl>
      )}
      <dl id={`${id}-now`} className="setting-now">
        <div>
          <dt>Now</dt>
          <dd>{displayValue(setting, setting.value)}</dd>
        </div>
        <div>
          <dt>Set by</dt>
          <dd>{describeSource(setting)}</dd>
        </div>
        <div>
          <dt>A change applies</dt>
          <dd>{setting.takesEffect}</dd>
        </div>
      </dl>
      <div className="setting-controls">
        {input?.kind === 'choice' ? (
          <select id={id} value={text} onChange={(e) => setText(e.target.value)} aria-describedby={described}>
            {input.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        ) : (
          <span className="setting-number">
            <input
              id={id}
              type="text"
              inputMode="decimal"
              value={text}
              onChange={(e) => setText(e.target.value)}
              aria-describedby={described}
              aria-invalid={problem ? true : undefined}
              autoComplete="off"
            />
            <span aria-hidden="true">{input?.kind === 'number' ? input.unit : ''}</span>
          </span>
        )}
        <button type="submit" className="button" disabled={busy}>
          Save
        </button>
        {saved && (
          <button type="button" className="button button-secondary" onClick={reset} disabled={busy}>
            Reset to {displayValue(setting, setting.resetValue)}
          </button>
        )}
      </div>
      {problem ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {problem}
        </p>
      ) : (
        <p id={`${id}-hint`} className="hint">
          {input?.kind === 'number' ? `Allowed: ${setting.allowed}. ` : ''}
          {saved ? `Reset removes the value saved here, so ${describeResetSource(setting)} applies again.` : ''}
        </p>
      )}
    </form>
  );
}

/** What a reset returns to, in words. */
function describeResetSource(setting: Setting): string {
  return setting.resetValue === setting.defaultValue ? 'the default' : `the start-up value (${setting.env})`;
}
