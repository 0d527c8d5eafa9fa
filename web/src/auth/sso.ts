// Single sign-on on the sign-in page: whether the server offers it (`GET /api/auth/providers`),
// and what each `/login?error=CODE` the server's callback sends back means, in words a person can
// act on.

export interface SsoProvider {
  /** The button's text, e.g. "Sign in with NHS.net (Microsoft)". */
  label: string;
  /** Where the button leads; `?next=/path` says where to come back to. */
  loginUrl: string;
}

export async function loadSsoProvider(): Promise<SsoProvider | null> {
  try {
    const response = await fetch('/api/auth/providers', { headers: { accept: 'application/json' } });
    if (!response.ok) return null;
    const body = (await response.json()) as { oidc?: SsoProvider | null };
    return body.oidc ?? null;
  } catch {
    return null;
  }
}

export function ssoHref(provider: SsoProvider, next: string): string {
  return `${provider.loginUrl}?next=${encodeURIComponent(next)}`;
}

const MESSAGES: Record<string, string> = {
  no_role: 'Your account has not been given access to Parity — ask an administrator.',
  state: 'That sign-in took too long or was started in another window. Sign in again.',
  idp: 'The sign-in service did not confirm who you are. Sign in again; if it keeps happening, ask an administrator.',
  unavailable: 'Single sign-on is unavailable: Parity cannot reach the sign-in service. Try again later, or ask an administrator.',
  name: 'The sign-in service did not give Parity a user name it can use (letters, digits and . _ @ -). Ask an administrator.',
  local_account: 'An account with your name already signs in to Parity with a password. Use the password form, or ask an administrator.',
};

/** The message for a `?error=` code from single sign-on, or null for none (an unknown code gets a general one). */
export function ssoErrorMessage(code: string | null): string | null {
  if (!code) return null;
  return MESSAGES[code] ?? 'Single sign-on did not complete. Sign in again.';
}
