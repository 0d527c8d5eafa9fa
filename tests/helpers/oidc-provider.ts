// A real OpenID Connect provider for the single sign-on tests: panva's `oidc-provider`, in this
// process, on a random port of 127.0.0.1 only, with one registered client. Its development login
// form accepts any login name with any password; the login name picks the claims (`people`).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

/** The claims of one person, by the login name typed at the provider. */
export type People = Record<string, Record<string, unknown>>;

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Environment variables that point Parity at this provider. */
  env(redirectUri: string): Record<string, string>;
  close(): Promise<void>;
}

const SCOPES = 'openid profile email';

export async function startTestProvider(options: { redirectUris: string[]; people: People }): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'parity';
  const clientSecret = randomBytes(24).toString('base64url');
  const signingKey = { ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' };

  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: options.redirectUris, response_types: ['code'], grant_types: ['authorization_code'] }],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    claims: { openid: ['sub'], profile: ['name', 'preferred_username', 'roles'], email: ['email'] },
    // Claims in the ID token itself, as Entra ID sends app roles: Parity reads the ID token only.
    conformIdTokenClaims: false,
    findAccount: (_ctx: KoaContextWithOIDC, id: string) => ({
      accountId: id,
      claims: () => ({ sub: id, ...(options.people[id] ?? {}) }),
    }),
    // Parity is a first-party client: consent is given without asking, as an organisation's IdP does.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const accountId = ctx.oidc.session?.accountId;
      if (!accountId || !ctx.oidc.client) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId });
      grant.addOIDCScope(SCOPES);
      await grant.save();
      return grant;
    },
  });
  server.on('request', provider.callback());

  return {
    issuer,
    clientId,
    clientSecret,
    env: (redirectUri) => ({
      PARITY_OIDC_ISSUER: issuer,
      PARITY_OIDC_CLIENT_ID: clientId,
      PARITY_OIDC_CLIENT_SECRET: clientSecret,
      PARITY_OIDC_REDIRECT_URI: redirectUri,
      PARITY_OIDC_LABEL: 'Sign in with NHS.net (test provider)',
    }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Cookies kept across fetch calls to one site, as a browser would (paths ignored). */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * Follows an authorization request through the provider's login form, as a person would, and
 * returns the URL the provider sends the browser back to (Parity's callback, with code and state).
 */
export async function signInAtProvider(authorizationUrl: string, login: string): Promise<URL> {
  const jar = new CookieJar();
  let url = new URL(authorizationUrl);
  const origin = url.origin;
  let body: URLSearchParams | undefined;
  for (let hop = 0; hop < 10; hop++) {
    const response = await fetch(url, { method: body ? 'POST' : 'GET', body, headers: { cookie: jar.header() }, redirect: 'manual' });
    jar.store(response);
    body = undefined;
    const location = response.headers.get('location');
    if (location) {
      url = new URL(location, url);
      if (url.origin !== origin) return url;
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action || !html.includes('name="login"')) throw new Error(`the provider answered ${response.status} without a login form: ${html.slice(0, 300)}`);
    url = new URL(action.replace(/&amp;/g, '&'), url);
    body = new URLSearchParams({ prompt: 'login', login, password: 'any password' });
  }
  throw new Error('the provider did not send the browser back within 10 steps');
}
