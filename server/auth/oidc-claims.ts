// What a verified ID token says about the person: their Parity user name and the role their
// organisation gave them. Pure functions of the claims, so the rules are easy to test and read.
import { ROLES, type Role, userNameSchema } from './roles.ts';

export type Claims = Record<string, unknown>;

/**
 * The user name from the configured claim, falling back to `email`; lower case, as every Parity
 * name is. Null when neither claim holds a usable name (letters, digits and . _ @ -, at most 64).
 */
export function userNameFromClaims(claims: Claims, nameClaim: string): string | null {
  for (const value of [claims[nameClaim], claims.email]) {
    if (typeof value !== 'string') continue;
    const parsed = userNameSchema.safeParse(value);
    if (parsed.success) return parsed.data;
  }
  return null;
}

/** `admin`, `Analyst`, `Parity.Viewer`, `parity:admin` — a role name, optionally after one prefix. */
const ROLE_VALUE = /^(?:[a-z0-9_-]+[.:])?(viewer|analyst|admin)$/;

/**
 * The highest Parity role named in the roles claim (an array of strings, or one string with roles
 * separated by spaces or commas), or null when it names none. Entra ID sends app roles this way.
 */
export function roleFromClaims(claims: Claims, rolesClaim: string): Role | null {
  const raw = claims[rolesClaim];
  const values = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[\s,]+/) : [];
  let best = -1;
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const match = ROLE_VALUE.exec(value.trim().toLowerCase());
    if (match) best = Math.max(best, ROLES.indexOf(match[1] as Role));
  }
  return best < 0 ? null : ROLES[best];
}
