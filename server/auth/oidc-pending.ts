// Sign-ins that have gone to the identity provider and not come back yet. Each is kept in memory
// under its random `state` for ten minutes and can be taken once: a callback that is replayed, or
// whose state was never issued here, finds nothing. The browser also holds the state in a cookie
// (oidc-cookie.ts), so a callback link made for someone else's browser is refused too.
import { timingSafeEqual } from 'node:crypto';

export interface PendingSignIn {
  codeVerifier: string;
  nonce: string;
  /** Where to go after signing in: a path on this site. */
  next: string;
  startedAt: number;
}

export const PENDING_TTL_MS = 10 * 60_000;
/** Bounds the memory that a flood of unfinished sign-ins can take. */
const MAX_PENDING = 10_000;

export class PendingSignIns {
  private readonly byState = new Map<string, PendingSignIn>();

  constructor(private readonly now: () => number = Date.now) {}

  add(state: string, pending: Omit<PendingSignIn, 'startedAt'>): void {
    this.purge();
    if (this.byState.size >= MAX_PENDING) {
      // Maps iterate in insertion order: drop the oldest.
      const oldest = this.byState.keys().next().value;
      if (oldest !== undefined) this.byState.delete(oldest);
    }
    this.byState.set(state, { ...pending, startedAt: this.now() });
  }

  /**
   * The pending sign-in for a callback's state — or null when the state is unknown, expired, or
   * not the one this browser's cookie holds. Either way a callback ends the sign-ins it names (by
   * its state and by the cookie's): each can be tried once.
   */
  take(state: string, cookieState: string | null): PendingSignIn | null {
    const pending = this.byState.get(state);
    this.byState.delete(state);
    if (cookieState) this.byState.delete(cookieState);
    if (!pending || !cookieState || !sameText(state, cookieState)) return null;
    return this.now() - pending.startedAt < PENDING_TTL_MS ? pending : null;
  }

  private purge(): void {
    const t = this.now();
    for (const [state, pending] of this.byState) {
      if (t - pending.startedAt < PENDING_TTL_MS) break;
      this.byState.delete(state);
    }
  }
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
