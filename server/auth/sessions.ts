// Signed-in sessions. The cookie carries 32 random bytes; the database keeps only their SHA-256,
// so a copy of the database file lets nobody in. A session ends after an idle period and, in any
// case, at a fixed time after sign-in; both limits are read at each use, as an administrator may
// change them while the server runs (the fixed end is set at sign-in). Lookups are cached in
// memory; the last-seen time is written back at most once a minute so that reads do not turn into
// writes.
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../../db/database.ts';
import type { Role } from './roles.ts';

export interface SessionRecord {
  idHash: string;
  userName: string;
  role: Role;
  csrfToken: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
  /** When lastSeenAt was last written to the database. */
  persistedAt: number;
}

const hashId = (token: string) => createHash('sha256').update(token).digest('hex');
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const PERSIST_EVERY_MS = 60_000;

/** How long sessions last; read at each use (see server/settings/live-settings.ts). */
export interface SessionLimits {
  readonly sessionIdleMs: number;
  readonly sessionMaxMs: number;
}

export class SessionStore {
  private readonly cache = new Map<string, SessionRecord>();

  constructor(
    private readonly db: Database,
    private readonly limits: SessionLimits,
    private readonly now: () => number = Date.now,
  ) {}

  async create(user: { name: string; role: Role }, meta: { ip: string; userAgent: string }): Promise<{ token: string; session: SessionRecord }> {
    const token = randomBytes(32).toString('base64url');
    const t = this.now();
    const session: SessionRecord = {
      idHash: hashId(token),
      userName: user.name,
      role: user.role,
      csrfToken: randomBytes(32).toString('base64url'),
      createdAt: t,
      lastSeenAt: t,
      expiresAt: t + this.limits.sessionMaxMs,
      persistedAt: t,
    };
    await this.db.run(
      `INSERT INTO sessions VALUES (?, ?, ?, make_timestamp(?::BIGINT * 1000), make_timestamp(?::BIGINT * 1000), make_timestamp(?::BIGINT * 1000), ?, ?)`,
      [session.idHash, user.name, session.csrfToken, t, t, session.expiresAt, meta.ip, meta.userAgent.slice(0, 300)],
    );
    this.cache.set(session.idHash, session);
    return { token, session };
  }

  /** The live session for a cookie value, or null (unknown, idle too long, or past its end). */
  async lookup(token: string): Promise<SessionRecord | null> {
    if (!TOKEN.test(token)) return null;
    const idHash = hashId(token);
    const session = this.cache.get(idHash) ?? (await this.load(idHash));
    if (!session) return null;
    const t = this.now();
    if (t >= session.expiresAt || t - session.lastSeenAt >= this.limits.sessionIdleMs) {
      await this.destroyHash(idHash);
      return null;
    }
    session.lastSeenAt = t;
    if (t - session.persistedAt >= PERSIST_EVERY_MS) {
      session.persistedAt = t;
      void this.db
        .run(`UPDATE sessions SET last_seen_at = make_timestamp(?::BIGINT * 1000) WHERE id_hash = ?`, [t, idHash])
        .catch(() => undefined);
    }
    this.cache.set(idHash, session);
    return session;
  }

  private async load(idHash: string): Promise<SessionRecord | null> {
    const [row] = await this.db.all<{ userName: string; role: Role; csrfToken: string; createdAt: number; lastSeenAt: number; expiresAt: number }>(
      `SELECT s.user_name AS "userName", u.role, s.csrf_token AS "csrfToken",
         (epoch_ms(s.created_at))::DOUBLE AS "createdAt", (epoch_ms(s.last_seen_at))::DOUBLE AS "lastSeenAt",
         (epoch_ms(s.expires_at))::DOUBLE AS "expiresAt"
       FROM sessions s JOIN users u ON u.name = s.user_name WHERE s.id_hash = ?`,
      [idHash],
    );
    if (!row) return null;
    const session = { idHash, ...row, persistedAt: row.lastSeenAt };
    this.cache.set(idHash, session);
    return session;
  }

  async destroy(token: string): Promise<void> {
    if (TOKEN.test(token)) await this.destroyHash(hashId(token));
  }

  private async destroyHash(idHash: string): Promise<void> {
    this.cache.delete(idHash);
    await this.db.run(`DELETE FROM sessions WHERE id_hash = ?`, [idHash]);
  }

  /** Signs a user out everywhere: after a password or role change, or removal. */
  async destroyForUser(userName: string): Promise<void> {
    for (const [key, s] of this.cache) if (s.userName === userName) this.cache.delete(key);
    await this.db.run(`DELETE FROM sessions WHERE user_name = ?`, [userName]);
  }

  /** Ends every session of every user (e.g. after a suspected compromise). */
  async destroyAll(): Promise<void> {
    this.cache.clear();
    await this.db.run(`DELETE FROM sessions`);
  }

  /** Forgets cached sessions of a user so the next request re-reads them (e.g. after the CLI changed the user). */
  forget(userName: string): void {
    for (const [key, s] of this.cache) if (s.userName === userName) this.cache.delete(key);
  }

  /** Deletes sessions that have ended; run at start. */
  async purgeExpired(): Promise<void> {
    const t = this.now();
    await this.db.run(
      `DELETE FROM sessions WHERE expires_at <= make_timestamp(?::BIGINT * 1000) OR last_seen_at <= make_timestamp(?::BIGINT * 1000)`,
      [t, t - this.limits.sessionIdleMs],
    );
  }
}
