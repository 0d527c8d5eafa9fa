// The relying-party side of OpenID Connect, through `openid-client`: the authorization code flow
// with PKCE, state and nonce. The provider's metadata is discovered on first use and kept; if the
// provider cannot be reached, sign-in through it fails with OidcUnavailable and is tried afresh
// next time, while the rest of Parity carries on.
import * as client from 'openid-client';
import type { Claims } from './oidc-claims.ts';
import { type PendingSignIn, PendingSignIns } from './oidc-pending.ts';
import type { OidcSettings } from './oidc-settings.ts';

/** The identity provider could not be reached (or its discovery document was unusable). */
export class OidcUnavailable extends Error {}

/** Seconds to wait for the identity provider before giving up on a request. */
const TIMEOUT_SECONDS = 10;

export class OidcSignIn {
  readonly pending = new PendingSignIns();
  private discovered: Promise<client.Configuration> | null = null;

  constructor(readonly settings: OidcSettings) {}

  /** The provider's configuration, discovered once; a failed discovery is retried on the next call. */
  configuration(): Promise<client.Configuration> {
    const { issuer, clientId, clientSecret } = this.settings;
    // oidc-settings.ts accepts http:// only for a loopback issuer (a test provider); openid-client refuses it unless told.
    const execute = issuer.protocol === 'http:' ? [client.allowInsecureRequests] : [];
    this.discovered ??= client.discovery(issuer, clientId, clientSecret, undefined, { execute, timeout: TIMEOUT_SECONDS }).catch((error: unknown) => {
      this.discovered = null;
      throw new OidcUnavailable(`could not read the discovery document of ${issuer.href}: ${error instanceof Error ? error.message : String(error)}`);
    });
    return this.discovered;
  }

  /** Starts a sign-in: remembers its secrets under a fresh state and returns where to send the browser. */
  async start(next: string): Promise<{ url: URL; state: string }> {
    const config = await this.configuration();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    this.pending.add(state, { codeVerifier, nonce, next });
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri.href,
      scope: this.settings.scopes,
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url, state };
  }

  /**
   * Finishes a sign-in: redeems the code (with the PKCE verifier) and returns the claims of the
   * ID token, whose signature, issuer, audience, expiry and nonce openid-client has checked.
   * `query` is the callback's query string exactly as the provider sent it.
   */
  async finish(query: URLSearchParams, pending: PendingSignIn, state: string): Promise<Claims> {
    const config = await this.configuration();
    // Built from the configured redirect URI, not from the request: behind a proxy the request's
    // own URL differs, and the token endpoint compares redirect_uri with the one sent at start.
    const callbackUrl = new URL(this.settings.redirectUri);
    callbackUrl.search = query.toString();
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedNonce: pending.nonce,
      expectedState: state,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error('the token response has no ID token');
    return { ...claims };
  }
}
