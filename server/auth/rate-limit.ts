/**
 * Counts sign-in attempts per key (an IP address, a user name) in a sliding window. An attempt
 * reserves a slot on each of its keys *before* its password is checked (`reserve`); a reservation
 * counts toward the limit exactly like a failure, becomes one if the password was wrong, and is
 * given back otherwise. So however many attempts arrive at once, at most `max` per key within
 * `windowMs` are ever checked; the rest are refused until the oldest failure leaves the window.
 * Kept in memory, and refilled at start from the audit log's failed sign-ins (`restore`), so a
 * restart does not give anyone a fresh set of guesses.
 */
export interface Reservation {
  /** The password was wrong: each key keeps its slot, as a failure. */
  fail(): void;
  /** The attempt ended without a wrong password (it signed in, or was never checked): the slots are given back. */
  release(): void;
}

export type Admission =
  | { allowed: true; reservation: Reservation }
  /** `inFlight`: refused only because attempts still being checked fill the limit — they end within seconds. */
  | { allowed: false; retryAfter: number; inFlight: boolean };

export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();
  /** Attempts admitted and not yet settled, per key. */
  private readonly pending = new Map<string, number>();

  constructor(
    private readonly max = 5,
    private readonly windowMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const times = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (times.length) this.failures.set(key, times);
    else this.failures.delete(key);
    return times;
  }

  /** Seconds until the key may try again, or 0 when it may try now. Attempts being checked count. */
  retryAfter(key: string): number {
    const times = this.recent(key);
    if (times.length >= this.max) {
      return Math.max(1, Math.ceil((times[times.length - this.max] + this.windowMs - this.now()) / 1000));
    }
    return times.length + (this.pending.get(key) ?? 0) >= this.max ? 1 : 0;
  }

  /**
   * Takes a slot on every key, or none when any of them is full. Settle the reservation exactly
   * once — `fail()` after a wrong password, `release()` in a `finally` (it does nothing once settled).
   */
  reserve(keys: readonly string[]): Admission {
    const retryAfter = Math.max(0, ...keys.map((key) => this.retryAfter(key)));
    if (retryAfter > 0) {
      return { allowed: false, retryAfter, inFlight: keys.every((key) => this.recent(key).length < this.max) };
    }
    for (const key of keys) this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
    let settled = false;
    const settle = (failed: boolean) => {
      if (settled) return;
      settled = true;
      for (const key of keys) {
        const left = (this.pending.get(key) ?? 1) - 1;
        if (left > 0) this.pending.set(key, left);
        else this.pending.delete(key);
        if (failed) this.fail(key);
      }
    };
    return { allowed: true, reservation: { fail: () => settle(true), release: () => settle(false) } };
  }

  fail(key: string): void {
    const times = this.recent(key);
    times.push(this.now());
    this.failures.set(key, times);
    if (this.failures.size > 50_000) this.prune();
  }

  /** Records a failure that happened at `at` (ms since the epoch), e.g. one read back from the audit log. */
  restore(key: string, at: number): void {
    if (at <= this.now() - this.windowMs) return;
    const times = this.failures.get(key) ?? [];
    times.push(at);
    times.sort((a, b) => a - b);
    this.failures.set(key, times);
  }

  get windowMinutes(): number {
    return this.windowMs / 60_000;
  }

  /** Forgets the key's failures (after a successful sign-in); attempts still being checked keep their slots. */
  reset(key: string): void {
    this.failures.delete(key);
  }

  private prune(): void {
    for (const key of [...this.failures.keys()]) this.recent(key);
  }
}
