// Who is signed in: `GET /api/auth/me` once per page load. In local mode (no accounts on a
// loopback server) there is no one to sign in and the app shows no sign-in controls.
import { useEffect, useState } from 'react';
import { sameSitePath } from '../../../core/same-site-path.ts';

export type Role = 'viewer' | 'analyst' | 'admin';
export type Session =
  | { mode: 'local' }
  | { mode: 'accounts'; user: { name: string; role: Role }; csrfToken: string }
  | { mode: 'signed-out' }
  | { mode: 'unknown' };

let current: Promise<Session> | null = null;

export function loadSession(): Promise<Session> {
  current ??= fetch('/api/auth/me', { headers: { accept: 'application/json' } })
    .then(async (response): Promise<Session> => {
      if (response.status === 401) return { mode: 'signed-out' };
      if (!response.ok) return { mode: 'unknown' };
      return (await response.json()) as Session;
    })
    .catch((): Session => ({ mode: 'unknown' }));
  return current;
}

export function useSession(): Session | null {
  const [session, setSession] = useState<Session | null>(null);
  useEffect(() => {
    let live = true;
    void loadSession().then((s) => live && setSession(s));
    return () => {
      live = false;
    };
  }, []);
  return session;
}

const ORDER: Role[] = ['viewer', 'analyst', 'admin'];
/** True when the session may use a page that needs `role` (always in local mode). */
export function allows(session: Session | null, role: Role): boolean {
  if (!session || session.mode === 'local' || session.mode === 'unknown') return true;
  if (session.mode !== 'accounts') return false;
  return ORDER.indexOf(session.user.role) >= ORDER.indexOf(role);
}

/** Headers for a request that changes something: the session's CSRF token when signed in. */
export async function csrfHeaders(): Promise<Record<string, string>> {
  const s = await loadSession();
  return s.mode === 'accounts' ? { 'x-csrf-token': s.csrfToken } : {};
}

/** Where to come back to after signing in: a path on this site only (never the sign-in page), else '/'. */
export function safeNext(next: string | null): string {
  const path = sameSitePath(next);
  return path && !/^\/login(?:[/?#]|$)/.test(path) ? path : '/';
}

/** Sends the browser to the sign-in page, remembering where it was. */
export function redirectToLogin(): void {
  if (window.location.pathname === '/login') return;
  window.location.assign(`/login?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
}

export async function signOut(): Promise<void> {
  await fetch('/api/auth/logout', { method: 'POST', headers: await csrfHeaders() }).catch(() => undefined);
  window.location.assign('/login');
}
