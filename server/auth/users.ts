// Accounts in the `users` table. Passwords arrive here already hashed (passwords.ts).
import type { Database } from '../../db/database.ts';
import type { Role } from './roles.ts';

export interface UserRecord {
  name: string;
  role: Role;
  source: 'local' | 'oidc';
  createdAt: string;
  lastLoginAt: string | null;
}

const SELECT = `SELECT name, role, source, strftime(created_at, '%Y-%m-%dT%H:%M:%SZ') AS "createdAt",
  strftime(last_login_at, '%Y-%m-%dT%H:%M:%SZ') AS "lastLoginAt" FROM users`;

export async function countUsers(db: Database): Promise<number> {
  const [row] = await db.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM users`);
  return row.n;
}

export async function listUsers(db: Database): Promise<UserRecord[]> {
  return db.all<UserRecord>(`${SELECT} ORDER BY name`);
}

export async function getUser(db: Database, name: string): Promise<(UserRecord & { passwordHash: string | null }) | null> {
  const [row] = await db.all<UserRecord & { passwordHash: string | null }>(
    `SELECT name, role, source, strftime(created_at, '%Y-%m-%dT%H:%M:%SZ') AS "createdAt",
       strftime(last_login_at, '%Y-%m-%dT%H:%M:%SZ') AS "lastLoginAt", password_hash AS "passwordHash"
     FROM users WHERE name = ?`,
    [name],
  );
  return row ?? null;
}

export async function addUser(db: Database, user: { name: string; role: Role; passwordHash: string | null; source?: 'local' | 'oidc' }): Promise<void> {
  await db.run(`INSERT INTO users VALUES (?, ?, ?, ?, (current_timestamp AT TIME ZONE 'UTC'), (current_timestamp AT TIME ZONE 'UTC'), NULL)`, [
    user.name,
    user.role,
    user.passwordHash,
    user.source ?? 'local',
  ]);
}

export async function setPasswordHash(db: Database, name: string, passwordHash: string): Promise<void> {
  await db.run(`UPDATE users SET password_hash = ?, updated_at = (current_timestamp AT TIME ZONE 'UTC') WHERE name = ?`, [passwordHash, name]);
}

export async function setRole(db: Database, name: string, role: Role): Promise<void> {
  await db.run(`UPDATE users SET role = ?, updated_at = (current_timestamp AT TIME ZONE 'UTC') WHERE name = ?`, [role, name]);
}

export async function recordLogin(db: Database, name: string): Promise<void> {
  await db.run(`UPDATE users SET last_login_at = (current_timestamp AT TIME ZONE 'UTC') WHERE name = ?`, [name]);
}

/** Removes the account and every session it had. */
export async function removeUser(db: Database, name: string): Promise<void> {
  await db.transaction(async (s) => {
    await s.run(`DELETE FROM sessions WHERE user_name = ?`, [name]);
    await s.run(`DELETE FROM users WHERE name = ?`, [name]);
  });
}

export async function countAdmins(db: Database): Promise<number> {
  const [row] = await db.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM users WHERE role = 'admin'`);
  return row.n;
}
