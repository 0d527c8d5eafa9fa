// Every setting an administrator sees on the settings page, in one list: the few that can change
// while the server runs (saved in the database, each with a zod schema that says what is allowed)
// and, read-only, the ones that are deployment concerns or need a restart. Secrets are never
// shown: only whether they are set.
import { z } from 'zod';
import type { SecuritySettings } from '../auth/settings.ts';
import type { Config } from '../config.ts';
import type { SettingInput, SettingValue } from '../../core/contracts/settings.ts';
import { DEFAULT_DISCLOSURE_PROFILE, DISCLOSURE_PROFILE_IDS, DISCLOSURE_PROFILES, DISCLOSURE_PROFILES_TEXT } from '../../core/disclosure.ts';

/** What the server was started with: the environment, start-up options, or the built-in defaults. */
export interface StartValues {
  config: Config;
  security: SecuritySettings;
}

export type { SettingInput, SettingValue };

export interface EditableSetting {
  key: string;
  env: string;
  label: string;
  description: string;
  /** When a change is felt. */
  takesEffect: string;
  input: SettingInput;
  /** Accepts a value from the API, the CLI (text) or the database (text). */
  schema: z.ZodType<SettingValue>;
  /** The allowed values in words, for error messages. */
  allowedText: string;
  defaultValue: SettingValue;
  /** The value the server started with (environment or default), which a reset returns to. */
  startValue: (start: StartValues) => SettingValue;
}

export interface FixedSetting {
  key: string;
  env: string;
  label: string;
  description: string;
  /** Shown as "set" or "not set", never the value. */
  secret?: boolean;
  defaultValue: string | null;
  /** The value in force, as text; null when unset. */
  currentValue: (start: StartValues, env: NodeJS.ProcessEnv) => string | null;
}

/** A number given as a JSON number or as text (the CLI, the database), within a range. */
function numberSetting(min: number, max: number, integer: boolean) {
  const text = z.string().trim().regex(/^\d+(\.\d+)?$/).transform(Number);
  const range = integer ? z.number().int().min(min).max(max) : z.number().min(min).max(max);
  return z.union([z.number(), text]).pipe(range);
}

export const DISCLOSURE_OPTIONS = DISCLOSURE_PROFILE_IDS.map((value) => {
  const { label, protects, leaves } = DISCLOSURE_PROFILES[value];
  return { value, label, protects, leaves };
});

export const EDITABLE_SETTINGS: EditableSetting[] = [
  {
    key: 'disclosure',
    env: 'PARITY_DISCLOSURE',
    label: 'Disclosure control',
    description:
      'How small numbers are protected in every figure Parity shows or exports — pages, CSV and Arrow downloads, charts, reports and new publications — for every role. "None" turns small-number suppression off for everyone, viewers and exports included.',
    takesEffect: 'At once: the next answer uses the new profile. Charts already published keep the profile they were frozen with.',
    input: { kind: 'choice', options: DISCLOSURE_OPTIONS },
    schema: z.enum(DISCLOSURE_PROFILE_IDS),
    allowedText: DISCLOSURE_PROFILES_TEXT,
    defaultValue: DEFAULT_DISCLOSURE_PROFILE,
    startValue: (s) => s.config.disclosure,
  },
  {
    key: 'completeness-target',
    env: 'PARITY_COMPLETENESS_TARGET',
    label: 'Ethnicity completeness target',
    description:
      'The share of records with a valid ethnic category (A–S) the trust aims for. The completeness page, its control charts and the board report compare each dataset with it. There is no national target.',
    takesEffect: 'At once, on every completeness figure and report.',
    input: { kind: 'number', min: 0, max: 100, step: 0.1, unit: '%' },
    schema: numberSetting(0, 100, false),
    allowedText: 'a percentage from 0 to 100',
    defaultValue: 95,
    startValue: (s) => s.config.completenessTarget,
  },
  {
    key: 'session-idle-minutes',
    env: 'PARITY_SESSION_IDLE_MINUTES',
    label: 'Sign out after idle (minutes)',
    description: 'A signed-in session ends after this many minutes without a request.',
    takesEffect: 'At once, for every session, including those already signed in.',
    input: { kind: 'number', min: 1, max: 1440, step: 1, unit: 'minutes' },
    schema: numberSetting(1, 1440, true),
    allowedText: 'a whole number of minutes from 1 to 1440',
    defaultValue: 30,
    startValue: (s) => s.security.sessionIdleMs / 60_000,
  },
  {
    key: 'session-max-hours',
    env: 'PARITY_SESSION_MAX_HOURS',
    label: 'Longest session (hours)',
    description: 'A session ends this many hours after sign-in, however active it is.',
    takesEffect: 'For sessions signed in from now on; a session keeps the end it was given at sign-in.',
    input: { kind: 'number', min: 1, max: 168, step: 1, unit: 'hours' },
    schema: numberSetting(1, 168, true),
    allowedText: 'a whole number of hours from 1 to 168',
    defaultValue: 10,
    startValue: (s) => s.security.sessionMaxMs / 3_600_000,
  },
];

const env = (name: string) => (_: StartValues, e: NodeJS.ProcessEnv) => e[name]?.trim() || null;

export const FIXED_SETTINGS: FixedSetting[] = [
  {
    key: 'chinese-group',
    env: 'PARITY_CHINESE_GROUP',
    label: 'Where Chinese (R) sits in the five ethnic groups',
    description:
      '2001: in "Other ethnic group", as the 2001 Data Dictionary codes have it; 2021: in "Asian or Asian British", as the 2011 and 2021 censuses do. It is applied when an extract is loaded, so changing it affects only extracts loaded afterwards: set it in the environment before the first upload and keep it.',
    defaultValue: '2001',
    currentValue: (s) => s.config.chineseGroup,
  },
  { key: 'port', env: 'PORT', label: 'Port', description: 'The TCP port the server listens on (parity serve --port).', defaultValue: '8080', currentValue: (s) => String(s.config.port) },
  {
    key: 'host',
    env: 'HOST',
    label: 'Listen address',
    description: 'The address the server listens on. A loopback address keeps Parity on this machine; anything else needs accounts.',
    defaultValue: '127.0.0.1',
    currentValue: (s) => s.config.host,
  },
  { key: 'database', env: 'PARITY_DB', label: 'Database file', description: 'The DuckDB file that holds every extract, account and setting.', defaultValue: 'data/parity.duckdb', currentValue: (s) => s.config.dbPath },
  {
    key: 'memory-limit',
    env: 'PARITY_MEMORY_LIMIT',
    label: 'Database memory budget',
    description: "DuckDB's memory limit; beyond it, large queries spill to disk beside the database.",
    defaultValue: '1GB',
    currentValue: (s) => s.config.memoryLimit,
  },
  {
    key: 'max-upload-mb',
    env: 'PARITY_MAX_UPLOAD_MB',
    label: 'Largest upload (MB)',
    description: 'Extracts larger than this are refused.',
    defaultValue: '1024',
    currentValue: (s) => String(Math.round((s.config.maxUploadBytes / 1024 / 1024) * 100) / 100),
  },
  {
    key: 'trust-proxy',
    env: 'PARITY_TRUST_PROXY',
    label: 'Trusted reverse proxy',
    description: 'Whether X-Forwarded-For and X-Forwarded-Proto are believed: set it when a TLS proxy sits in front of Parity.',
    defaultValue: 'no',
    currentValue: (s) => (s.security.trustProxy === false ? 'no' : s.security.trustProxy === true ? 'yes' : String(s.security.trustProxy)),
  },
  {
    key: 'frame-ancestors',
    env: 'PARITY_FRAME_ANCESTORS',
    label: 'Who may embed published charts',
    description: 'The sites allowed to show /published/… charts in a frame (* is anyone).',
    defaultValue: '*',
    currentValue: (s) => s.security.frameAncestors,
  },
  {
    key: 'plus-groups',
    env: 'PARITY_PLUS_GROUPS',
    label: 'PLUS groups file',
    description: 'A JSON file of locally defined PLUS groups (docs/metrics.md), read at start-up.',
    defaultValue: null,
    currentValue: (s, e) => {
      const file = e.PARITY_PLUS_GROUPS?.trim();
      const groups = s.config.plusGroups.length;
      return file ? `${file} (${groups} group${groups === 1 ? '' : 's'})` : groups ? `${groups} group${groups === 1 ? '' : 's'}` : null;
    },
  },
  { key: 'log-level', env: 'PARITY_LOG_LEVEL', label: 'Log level', description: 'How much the server writes to its log.', defaultValue: 'info', currentValue: (s) => s.config.logLevel },
  {
    key: 'oidc-issuer',
    env: 'PARITY_OIDC_ISSUER',
    label: 'Single sign-on provider',
    description: 'The OpenID Connect issuer people sign in with (e.g. https://login.microsoftonline.com/<tenant>/v2.0). Not set: accounts are local only.',
    defaultValue: null,
    currentValue: env('PARITY_OIDC_ISSUER'),
  },
  { key: 'oidc-client-id', env: 'PARITY_OIDC_CLIENT_ID', label: 'Single sign-on client id', description: 'The id the provider gave Parity when it was registered.', defaultValue: null, currentValue: env('PARITY_OIDC_CLIENT_ID') },
  {
    key: 'oidc-redirect-uri',
    env: 'PARITY_OIDC_REDIRECT_URI',
    label: 'Single sign-on return address',
    description: 'Where the provider sends people back after sign-in: https://<this server>/api/auth/oidc/callback, registered with the provider.',
    defaultValue: null,
    currentValue: env('PARITY_OIDC_REDIRECT_URI'),
  },
  {
    key: 'oidc-roles-claim',
    env: 'PARITY_OIDC_ROLES_CLAIM',
    label: 'Single sign-on roles claim',
    description: 'The token claim whose values (admin, analyst, viewer, or Parity.Admin …) give a person their role.',
    defaultValue: 'roles',
    currentValue: (_, e) => e.PARITY_OIDC_ROLES_CLAIM?.trim() || 'roles',
  },
  {
    key: 'oidc-default-role',
    env: 'PARITY_OIDC_DEFAULT_ROLE',
    label: 'Single sign-on default role',
    description: 'The role of someone whose token names none and who has no account yet; not set refuses them.',
    defaultValue: null,
    currentValue: env('PARITY_OIDC_DEFAULT_ROLE'),
  },
  {
    key: 'oidc-client-secret',
    env: 'PARITY_OIDC_CLIENT_SECRET',
    label: 'Single sign-on client secret',
    description: 'The secret Parity presents to the OpenID Connect provider. Never shown: only whether it is set.',
    secret: true,
    defaultValue: null,
    currentValue: env('PARITY_OIDC_CLIENT_SECRET'),
  },
];

export function findEditable(key: string): EditableSetting | undefined {
  return EDITABLE_SETTINGS.find((s) => s.key === key);
}

export function findFixed(key: string): FixedSetting | undefined {
  return FIXED_SETTINGS.find((s) => s.key === key);
}
