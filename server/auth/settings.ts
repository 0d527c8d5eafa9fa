// Access-control settings from the environment, parsed once at start-up (beside config.ts, which
// holds the data settings).
import { z } from 'zod';
import { ROLES, type Role } from './roles.ts';

const envSchema = z.object({
  /** Behind a reverse proxy that terminates TLS: honour X-Forwarded-For/-Proto/-Host ('1', or the proxy addresses, comma-separated). */
  PARITY_TRUST_PROXY: z.string().default(''),
  /** A signed-in session ends after this many minutes without a request… */
  PARITY_SESSION_IDLE_MINUTES: z.coerce.number().positive().default(30),
  /** …and after this many hours whatever happens. */
  PARITY_SESSION_MAX_HOURS: z.coerce.number().positive().default(10),
  /** Who may embed published charts in an iframe (CSP frame-ancestors); '*' is anyone. */
  PARITY_FRAME_ANCESTORS: z.string().regex(/^[A-Za-z0-9*:/.' -]+$/, 'origins separated by spaces').default('*'),
  PARITY_OIDC_ISSUER: z.string().url().optional(),
  PARITY_OIDC_CLIENT_ID: z.string().optional(),
  PARITY_OIDC_CLIENT_SECRET: z.string().optional(),
  PARITY_OIDC_REDIRECT_URI: z.string().url().optional(),
  /** The ID-token claim that carries the role… */
  PARITY_OIDC_ROLE_CLAIM: z.string().default('roles'),
  /** …and how its values map to Parity roles: 'Parity.Admin=admin,Parity.Analyst=analyst,Parity.Viewer=viewer'. */
  PARITY_OIDC_ROLE_MAP: z.string().default('admin=admin,analyst=analyst,viewer=viewer'),
});

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  roleClaim: string;
  roleMap: Record<string, Role>;
}

export interface SecuritySettings {
  /** Fastify's trustProxy: false, true, or the proxy addresses. */
  trustProxy: boolean | string;
  sessionIdleMs: number;
  sessionMaxMs: number;
  frameAncestors: string;
  oidc: OidcSettings | null;
}

function trustProxy(value: string): boolean | string {
  const v = value.trim().toLowerCase();
  if (v === '' || v === '0' || v === 'false') return false;
  if (v === '1' || v === 'true') return true;
  return value.trim();
}

function oidc(e: z.infer<typeof envSchema>): OidcSettings | null {
  if (!e.PARITY_OIDC_ISSUER) return null;
  if (!e.PARITY_OIDC_CLIENT_ID || !e.PARITY_OIDC_CLIENT_SECRET || !e.PARITY_OIDC_REDIRECT_URI) {
    throw new Error('PARITY_OIDC_ISSUER is set, so PARITY_OIDC_CLIENT_ID, PARITY_OIDC_CLIENT_SECRET and PARITY_OIDC_REDIRECT_URI must be set too.');
  }
  const roleMap: Record<string, Role> = {};
  for (const pair of e.PARITY_OIDC_ROLE_MAP.split(',')) {
    const [claim, role] = pair.split('=').map((x) => x.trim());
    if (!claim || !ROLES.includes(role as Role)) throw new Error(`PARITY_OIDC_ROLE_MAP: "${pair}" is not CLAIM_VALUE=admin|analyst|viewer.`);
    roleMap[claim] = role as Role;
  }
  return {
    issuer: e.PARITY_OIDC_ISSUER,
    clientId: e.PARITY_OIDC_CLIENT_ID,
    clientSecret: e.PARITY_OIDC_CLIENT_SECRET,
    redirectUri: e.PARITY_OIDC_REDIRECT_URI,
    roleClaim: e.PARITY_OIDC_ROLE_CLAIM,
    roleMap,
  };
}

export function loadSecuritySettings(env: NodeJS.ProcessEnv = process.env, overrides: Partial<SecuritySettings> = {}): SecuritySettings {
  const e = envSchema.parse(env);
  return {
    trustProxy: trustProxy(e.PARITY_TRUST_PROXY),
    sessionIdleMs: e.PARITY_SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: e.PARITY_SESSION_MAX_HOURS * 3_600_000,
    frameAncestors: e.PARITY_FRAME_ANCESTORS,
    oidc: oidc(e),
    ...overrides,
  };
}

/** True for a host name or address that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || h === '::ffff:127.0.0.1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}
