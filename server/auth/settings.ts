// Access-control settings from the environment, parsed once at start-up (beside config.ts, which
// holds the data settings).
import { z } from 'zod';
import { loadOidcSettings, type OidcSettings } from './oidc-settings.ts';

export { isLoopbackHost } from './loopback.ts';

const envSchema = z.object({
  /** Behind a reverse proxy that terminates TLS: honour X-Forwarded-For/-Proto/-Host ('1', or the proxy addresses, comma-separated). */
  PARITY_TRUST_PROXY: z.string().default(''),
  /** A signed-in session ends after this many minutes without a request… */
  PARITY_SESSION_IDLE_MINUTES: z.coerce.number().positive().default(30),
  /** …and after this many hours whatever happens. */
  PARITY_SESSION_MAX_HOURS: z.coerce.number().positive().default(10),
  /** Who may embed published charts in an iframe (CSP frame-ancestors); '*' is anyone. */
  PARITY_FRAME_ANCESTORS: z.string().regex(/^[A-Za-z0-9*:/.' -]+$/, 'origins separated by spaces').default('*'),
});

export interface SecuritySettings {
  /** Fastify's trustProxy: false, true, or the proxy addresses. */
  trustProxy: boolean | string;
  sessionIdleMs: number;
  sessionMaxMs: number;
  frameAncestors: string;
  /** Single sign-on through OpenID Connect, or null when it is not configured. */
  oidc: OidcSettings | null;
}

function trustProxy(value: string): boolean | string {
  const v = value.trim().toLowerCase();
  if (v === '' || v === '0' || v === 'false') return false;
  if (v === '1' || v === 'true') return true;
  return value.trim();
}

export function loadSecuritySettings(env: NodeJS.ProcessEnv = process.env, overrides: Partial<SecuritySettings> = {}): SecuritySettings {
  const e = envSchema.parse(env);
  return {
    trustProxy: trustProxy(e.PARITY_TRUST_PROXY),
    sessionIdleMs: e.PARITY_SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: e.PARITY_SESSION_MAX_HOURS * 3_600_000,
    frameAncestors: e.PARITY_FRAME_ANCESTORS,
    oidc: loadOidcSettings(env),
    ...overrides,
  };
}
