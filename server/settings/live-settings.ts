// The settings in force while the server runs. Precedence: a value saved on the settings page,
// then the environment (or a start-up option such as `parity serve --port`), then the built-in
// default. Code that answers requests reads these getters each time — never a copy taken at
// start-up — so a change is felt by the next request.
import type { DisclosureProfile } from '../../metrics/statistics/index.ts';
import type { SecuritySettings } from '../auth/settings.ts';
import type { Config } from '../config.ts';
import type { Database } from '../../db/database.ts';
import type { SettingSource, SettingView } from '../../core/contracts/settings.ts';
import * as messages from '../messages.ts';
import { EDITABLE_SETTINGS, type EditableSetting, findEditable, findFixed, FIXED_SETTINGS, type SettingValue, type StartValues } from './catalogue.ts';
import { settingMessages } from './messages.ts';
import { deleteSetting, readSavedSettings, type SavedSetting, saveSetting } from './store.ts';

export type { SettingSource, SettingView };

export interface SettingChange {
  from: SettingValue;
  to: SettingValue;
  setting: SettingView;
}

export class LiveSettings {
  private readonly saved = new Map<string, { value: SettingValue; by: string; at: string }>();

  private constructor(
    private readonly db: Database,
    private readonly start: StartValues,
    private readonly env: NodeJS.ProcessEnv,
    private readonly now: () => Date,
  ) {}

  /** Reads the saved values; one that no longer passes its schema is ignored (and reported through `warn`). */
  static async load(db: Database, start: StartValues, options: { env?: NodeJS.ProcessEnv; warn?: (message: string) => void; now?: () => Date } = {}): Promise<LiveSettings> {
    const live = new LiveSettings(db, start, options.env ?? process.env, options.now ?? (() => new Date()));
    for (const row of await readSavedSettings(db)) {
      const setting = findEditable(row.key);
      if (!setting) continue;
      const parsed = setting.schema.safeParse(row.value);
      if (parsed.success) live.saved.set(row.key, { value: parsed.data, by: row.changedBy, at: row.changedAt });
      else options.warn?.(settingMessages.ignoredSaved(setting, row.value));
    }
    return live;
  }

  get disclosure(): DisclosureProfile {
    return this.value('disclosure') as DisclosureProfile;
  }

  get completenessTarget(): number {
    return Number(this.value('completeness-target'));
  }

  get sessionIdleMs(): number {
    return Number(this.value('session-idle-minutes')) * 60_000;
  }

  get sessionMaxMs(): number {
    return Number(this.value('session-max-hours')) * 3_600_000;
  }

  private value(key: string): SettingValue {
    return this.saved.get(key)?.value ?? this.editable(key).startValue(this.start);
  }

  private editable(key: string): EditableSetting {
    const setting = findEditable(key);
    if (setting) return setting;
    const fixed = findFixed(key);
    if (fixed) throw messages.readOnlySetting(fixed);
    throw messages.settingNotFound(key);
  }

  /** Where a value the server started with came from. */
  private startSource(env: string, value: SettingValue | null, defaultValue: SettingValue | null): SettingSource {
    if (this.env[env] !== undefined && this.env[env] !== '') return { kind: 'environment' };
    return value === defaultValue ? { kind: 'default' } : { kind: 'start-up' };
  }

  list(): SettingView[] {
    const editable = EDITABLE_SETTINGS.map((s) => this.view(s.key));
    const fixed = FIXED_SETTINGS.map((s): SettingView => {
      const value = s.currentValue(this.start, this.env);
      return {
        key: s.key,
        label: s.label,
        description: s.description,
        env: s.env,
        editable: false,
        secret: Boolean(s.secret),
        value: s.secret ? (value ? 'set' : 'not set') : value,
        source: this.startSource(s.env, value, s.defaultValue),
        defaultValue: s.secret ? null : s.defaultValue,
      };
    });
    return [...editable, ...fixed];
  }

  view(key: string): SettingView {
    const s = this.editable(key);
    const saved = this.saved.get(key);
    const resetValue = s.startValue(this.start);
    return {
      key: s.key,
      label: s.label,
      description: s.description,
      env: s.env,
      editable: true,
      secret: false,
      value: saved?.value ?? resetValue,
      source: saved ? { kind: 'saved', by: saved.by, at: saved.at } : this.startSource(s.env, resetValue, s.defaultValue),
      defaultValue: s.defaultValue,
      resetValue,
      takesEffect: s.takesEffect,
      input: s.input,
      allowed: s.allowedText,
    };
  }

  /** Checks a proposed value: the parsed value, or an error saying what is allowed. */
  check(key: string, raw: unknown): SettingValue {
    const s = this.editable(key);
    const parsed = s.schema.safeParse(raw);
    if (!parsed.success) throw messages.invalidSetting(s);
    return parsed.data;
  }

  async change(key: string, raw: unknown, actor: string): Promise<SettingChange> {
    const value = this.check(key, raw);
    const from = this.value(key);
    const at = this.now().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const row: SavedSetting = { key, value: String(value), changedBy: actor, changedAt: at };
    await saveSetting(this.db, row);
    this.saved.set(key, { value, by: row.changedBy, at });
    return { from, to: value, setting: this.view(key) };
  }

  /** Removes the saved value: the environment's value, or the default, applies again. */
  async reset(key: string): Promise<SettingChange> {
    const from = this.value(this.editable(key).key);
    await deleteSetting(this.db, key);
    this.saved.delete(key);
    return { from, to: this.value(key), setting: this.view(key) };
  }
}

/** The start-up config with the settings an administrator can change read live. */
export function withLiveSettings(config: Config, live: LiveSettings): Config {
  return Object.defineProperties({ ...config }, {
    disclosure: { get: () => live.disclosure, enumerable: true },
    completenessTarget: { get: () => live.completenessTarget, enumerable: true },
  });
}

/** The access-control settings with the session limits read live. */
export function withLiveSessionLimits(security: SecuritySettings, live: LiveSettings): SecuritySettings {
  return Object.defineProperties({ ...security }, {
    sessionIdleMs: { get: () => live.sessionIdleMs, enumerable: true },
    sessionMaxMs: { get: () => live.sessionMaxMs, enumerable: true },
  });
}
