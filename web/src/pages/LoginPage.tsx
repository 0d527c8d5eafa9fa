// Sign-in: single sign-on first when the server offers it, then an ordinary form with labelled
// fields; any error (a wrong password, or a failed single sign-on in `?error=`) announced to
// screen readers.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, send } from '../api/client.ts';
import { loadSession, safeNext } from '../auth/session.ts';
import { loadSsoProvider, ssoErrorMessage, ssoHref, type SsoProvider } from '../auth/sso.ts';
import { useQuery } from '../router.tsx';
import '../auth/auth.css';

export function LoginPage() {
  const [query] = useQuery();
  const next = safeNext(query.get('next'));
  const [error, setError] = useState<string | null>(() => ssoErrorMessage(query.get('error')));
  const [sso, setSso] = useState<SsoProvider | null>(null);
  const [busy, setBusy] = useState(false);
  const [local, setLocal] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void loadSession().then((s) => {
      if (s.mode === 'accounts') window.location.replace(next);
      if (s.mode === 'local') setLocal(true);
    });
    void loadSsoProvider().then(setSso);
  }, [next]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await send('POST', '/api/auth/login', { body: { name: String(form.get('name') ?? ''), password: String(form.get('password') ?? '') } });
      window.location.assign(next);
    } catch (e) {
      setError(e instanceof ApiError && e.kind !== 'network' ? e.message : 'The Parity server did not answer. Check your connection and try again.');
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  return (
    <div className="login-page">
      <h1>Sign in to Parity</h1>
      {local ? (
        <p className="lead">
          This Parity server has no accounts: it is a single-user tool on this machine, and nobody needs to sign in.{' '}
          <a href="/">Go to the overview</a>.
        </p>
      ) : (
        <>
          <div ref={errorRef} id="login-error" role="alert" tabIndex={-1} className={error ? 'status status-error' : undefined}>
            {error}
          </div>
          {sso && (
            <section className="panel sso-panel" aria-labelledby="sso-heading">
              <h2 id="sso-heading" className="visually-hidden">
                Single sign-on
              </h2>
              <a className="button sso-button" href={ssoHref(sso, next)}>
                {sso.label}
              </a>
              <p className="hint">Uses the account you sign in to your organisation with.</p>
            </section>
          )}
          {sso && <p className="login-divider">Or sign in with a Parity account</p>}
          <form className="panel login-form" onSubmit={submit} noValidate aria-describedby={error ? 'login-error' : undefined} aria-label="Sign in with a Parity account">
            <div className="field">
              <label htmlFor="login-name">User name</label>
              <input id="login-name" name="name" type="text" autoComplete="username" required autoFocus spellCheck={false} autoCapitalize="none" />
            </div>
            <div className="field">
              <label htmlFor="login-password">Password</label>
              <input id="login-password" name="password" type="password" autoComplete="current-password" required />
            </div>
            <button type="submit" className="button" disabled={busy}>
              {busy ? 'Signing in…' : 'Sign in'}
            </button>
            <p className="hint">Accounts are given by your Parity administrator. After 5 wrong passwords, sign-in pauses for 15 minutes.</p>
          </form>
        </>
      )}
    </div>
  );
}
