// Which Parity account a verified single sign-on becomes, and with which role:
// 1. the highest role named in the token's roles claim (the identity provider decides);
// 2. else the role of an existing single sign-on account (an administrator added it beforehand
//    with `parity user add NAME --role R --sso`);
// 3. else PARITY_OIDC_DEFAULT_ROLE;
// 4. else no access. A name that belongs to a password account is never taken over.
import type { Database } from '../../db/database.ts';
import { type Claims, roleFromClaims, userNameFromClaims } from './oidc-claims.ts';
import type { OidcSettings } from './oidc-settings.ts';
import type { Role } from './roles.ts';
import { addUser, getUser, setRole } from './users.ts';

export type OidcRefusal = 'no_name' | 'no_role' | 'local_account';

export type OidcAccount =
  | { ok: true; name: string; role: Role; created: boolean; previousRole: Role | null }
  | { ok: false; reason: OidcRefusal; name: string | null };

/** Finds or creates the account for these claims, bringing its role up to date. */
export async function oidcAccount(db: Database, claims: Claims, settings: OidcSettings): Promise<OidcAccount> {
  const name = userNameFromClaims(claims, settings.nameClaim);
  if (!name) return { ok: false, reason: 'no_name', name: null };
  const claimed = roleFromClaims(claims, settings.rolesClaim);
  const existing = await getUser(db, name);
  if (existing && existing.source !== 'oidc') return { ok: false, reason: 'local_account', name };
  if (existing) {
    const role = claimed ?? existing.role;
    if (role !== existing.role) await setRole(db, name, role);
    return { ok: true, name, role, created: false, previousRole: role !== existing.role ? existing.role : null };
  }
  const role = claimed ?? settings.defaultRole;
  if (!role) return { ok: false, reason: 'no_role', name };
  await addUser(db, { name, role, passwordHash: null, source: 'oidc' });
  return { ok: true, name, role, created: true, previousRole: null };
}
