import type { FastifyInstance } from 'fastify';
import { hashPassword } from '../../server/auth/passwords.ts';
import type { Role } from '../../server/auth/roles.ts';
import { addUser } from '../../server/auth/users.ts';

export const PASSWORD = 'correct horse battery staple';

/** Adds an account straight into the app's database, as `parity user add` does. */
export async function addAccount(app: FastifyInstance, name: string, role: Role, password = PASSWORD): Promise<void> {
  await addUser(app.db, { name, role, passwordHash: await hashPassword(password) });
  await app.auth.refresh();
}

export interface SignedIn {
  cookie: string;
  csrf: string;
  /** Headers for a state-changing request: the session cookie and its CSRF token. */
  headers: Record<string, string>;
}

export async function signIn(app: FastifyInstance, name: string, password = PASSWORD): Promise<SignedIn> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { name, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in of ${name} answered ${response.statusCode}: ${response.body}`);
  const cookie = String(response.headers['set-cookie']).split(';')[0];
  const csrf = response.json().csrfToken as string;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}
