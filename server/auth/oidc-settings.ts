// Single sign-on (OpenID Connect) settings from the environment, parsed once at start-up. Setting
// any PARITY_OIDC_* variable turns single sign-on on, and then the issuer, client and redirect
// URI must all be given: a half-configured server would fail at the first sign-in, so it does not
// start (SettingsError names what is missing).
import { z } from 'zod';
import { isLoopbackHost } from './loopback.ts';
import { type Role, roleSchema } from './roles.ts';

/** The callback route; the redirect URI registered at the identity provider must end with it. */
export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';
export const OIDC_LOGIN_PATH = '/api/auth/oidc/login';

/** A setting is missing or malformed: the server must not start. The message says which and what to do. */
export class SettingsError extends Error {}

export interface OidcSettings {
  /** The issuer identifier; its discovery document is read from <issuer>/.well-known/openid-configuration. */
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** Where the identity provider sends the browser back: this server's OIDC_CALLBACK_PATH. */
  redirectUri: URL;
  /** Text of the sign-in button. */
  label: string;
  scopes: string;
  /** The claim that gives the user name (falling back to `email`). */
  nameClaim: string;
  /** The claim that lists the user's roles (Entra ID app roles arrive in `roles`). */
  rolesClaim: string;
  /** The role of a first sign-in whose token names none; null refuses such a sign-in. */
  defaultRole: Role | null;
}

const text = z.string().trim().min(1);
const envSchema = z.object({
  PARITY_OIDC_ISSUER: text.optional(),
  PARITY_OIDC_CLIENT_ID: text.optional(),
  PARITY_OIDC_CLIENT_SECRET: text.optional(),
  PARITY_OIDC_REDIRECT_URI: text.optional(),
  PARITY_OIDC_LABEL: text.max(80).default('Sign in with single sign-on'),
  PARITY_OIDC_SCOPES: text.regex(/^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/).default('openid profile email'),
  PARITY_OIDC_NAME_CLAIM: text.regex(/^[A-Za-z0-9_.:/-]+$/).default('preferred_username'),
  PARITY_OIDC_ROLES_CLAIM: text.regex(/^[A-Za-z0-9_.:/-]+$/).default('roles'),
  /** Never admin: that would make everyone in the tenant an administrator. */
  PARITY_OIDC_DEFAULT_ROLE: z.union([z.literal(''), roleSchema.exclude(['admin'])]).default(''),
});

const REQUIRED = ['PARITY_OIDC_ISSUER', 'PARITY_OIDC_CLIENT_ID', 'PARITY_OIDC_CLIENT_SECRET', 'PARITY_OIDC_REDIRECT_URI'] as const;

function absoluteUrl(name: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SettingsError(`${name} must be an absolute URL, such as https://login.microsoftonline.com/<tenant-id>/v2.0; it is "${value}".`);
  }
  // Plain HTTP would let anyone on the path read codes and tokens; it is allowed only on this machine (tests).
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new SettingsError(`${name} must use https:// (plain http:// only for localhost); it is "${value}".`);
  }
  return url;
}

/** The single sign-on settings, or null when no PARITY_OIDC_* variable is set. Throws SettingsError. */
export function loadOidcSettings(env: NodeJS.ProcessEnv = process.env): OidcSettings | null {
  const given = Object.keys(env).filter((key) => key.startsWith('PARITY_OIDC_') && (env[key] ?? '').trim() !== '');
  if (given.length === 0) return null;
  const missing = REQUIRED.filter((key) => !given.includes(key));
  if (missing.length) {
    throw new SettingsError(
      `Single sign-on is half configured (${given.join(', ')} ${given.length === 1 ? 'is' : 'are'} set): set ${missing.join(', ')} too, or unset every PARITY_OIDC_* variable. See docs/security.md, "Single sign-on".`,
    );
  }
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SettingsError(`${String(issue.path[0])} is not valid: ${issue.message}. See docs/security.md, "Single sign-on".`);
  }
  const e = parsed.data;
  const redirectUri = absoluteUrl('PARITY_OIDC_REDIRECT_URI', e.PARITY_OIDC_REDIRECT_URI!);
  if (redirectUri.pathname !== OIDC_CALLBACK_PATH || redirectUri.search || redirectUri.hash) {
    throw new SettingsError(`PARITY_OIDC_REDIRECT_URI must be this server's address followed by ${OIDC_CALLBACK_PATH}, e.g. https://parity.trust.nhs.uk${OIDC_CALLBACK_PATH}.`);
  }
  if (!e.PARITY_OIDC_SCOPES.split(' ').includes('openid')) {
    throw new SettingsError('PARITY_OIDC_SCOPES must include openid.');
  }
  return {
    issuer: absoluteUrl('PARITY_OIDC_ISSUER', e.PARITY_OIDC_ISSUER!),
    clientId: e.PARITY_OIDC_CLIENT_ID!,
    clientSecret: e.PARITY_OIDC_CLIENT_SECRET!,
    redirectUri,
    label: e.PARITY_OIDC_LABEL,
    scopes: e.PARITY_OIDC_SCOPES,
    nameClaim: e.PARITY_OIDC_NAME_CLAIM,
    rolesClaim: e.PARITY_OIDC_ROLES_CLAIM,
    defaultRole: e.PARITY_OIDC_DEFAULT_ROLE === '' ? null : e.PARITY_OIDC_DEFAULT_ROLE,
  };
}
