// The three roles, each including the one before: viewer ⊂ analyst ⊂ admin.
import { z } from 'zod';

export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES, { message: 'viewer, analyst or admin' });

/** What a route asks of the caller: a role, or nothing at all. */
export type Access = Role | 'public';

export function hasRole(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** Who is making a request. `local` is the single user of a loopback server with no accounts. */
export interface Principal {
  name: string;
  role: Role;
  via: 'session' | 'local' | 'cli';
}

/** A user name: letters, digits and . _ @ -, stored in lower case (an e-mail address works). */
export const userNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._@-]{0,63}$/, 'a user name of letters, digits and . _ @ - (at most 64)');
