// Everything the access-control hook needs: whether accounts exist, the sessions, the sign-in
// limiter, the token a local `parity` command uses to talk to this server, and single sign-on.
import { timingSafeEqual } from 'node:crypto';
import type { Database } from '../../db/database.ts';
import { OidcSignIn } from './oidc-client.ts';
import { FailureLimiter } from './rate-limit.ts';
import { SessionStore } from './sessions.ts';
import { isLoopbackHost, type SecuritySettings } from './settings.ts';
import { countUsers } from './users.ts';

/**
 * - `local`: no account exists and the server listens on loopback only — a single-user tool, as
 *   after `npm start` on a fresh clone.
 * - `accounts`: at least one account exists, or single sign-on is configured (its accounts are
 *   made at first sign-in) — every request needs a session (or is public).
 * - `closed`: no account exists but the server is reachable from other machines — nothing but
 *   the public endpoints answers until an administrator account is added.
 */
export type AccessMode = 'local' | 'accounts' | 'closed';

export class AuthService {
  readonly sessions: SessionStore;
  readonly limiter = new FailureLimiter(5, 15 * 60_000);
  /** Single sign-on through OpenID Connect, when configured. */
  readonly oidc: OidcSignIn | null;
  private accounts = false;

  constructor(
    private readonly db: Database,
    readonly settings: SecuritySettings,
    private readonly host: string,
    private readonly cliToken: string | null,
  ) {
    this.sessions = new SessionStore(db, settings);
    this.oidc = settings.oidc ? new OidcSignIn(settings.oidc) : null;
  }

  /**
   * Refills the sign-in limiter with the failures the audit log holds from the last window, under
   * the same keys the sign-in route uses (`ip:` and `user:`), so restarting does not reset it.
   */
  async restoreSignInFailures(): Promise<void> {
    const rows = await this.db.all<{ at: number; name: string | null; ip: string | null }>(
      `SELECT epoch_ms(occurred_at)::DOUBLE AS at, target AS name, ip FROM audit_log
       WHERE action = 'auth.login' AND outcome = 'failure'
         -- a refused single sign-on guessed no password, and the limiter does not count it while running
         AND json_extract_string(detail, '$.source') IS DISTINCT FROM 'oidc'
         AND occurred_at > (current_timestamp AT TIME ZONE 'UTC') - to_minutes(?::BIGINT)`,
      [this.limiter.windowMinutes],
    );
    for (const row of rows) {
      if (row.ip) this.limiter.restore(`ip:${row.ip}`, row.at);
      if (row.name) this.limiter.restore(`user:${row.name}`, row.at);
    }
  }

  /** Re-reads whether any account exists; call after adding or removing one. */
  async refresh(): Promise<void> {
    this.accounts = (await countUsers(this.db)) > 0;
  }

  get mode(): AccessMode {
    if (this.accounts || this.oidc) return 'accounts';
    return isLoopbackHost(this.host) ? 'local' : 'closed';
  }

  /** True for the token of this server's own `server.json` (readable only by whoever runs the server). */
  isCliToken(value: string | undefined): boolean {
    if (!this.cliToken || !value) return false;
    const a = Buffer.from(value);
    const b = Buffer.from(this.cliToken);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}
