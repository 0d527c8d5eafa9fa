/**
 * Counts failed sign-ins per key (an IP address, a user name) in a sliding window. After `max`
 * failures within `windowMs` the key is blocked until the oldest failure leaves the window.
 * Kept in memory, and refilled at start from the audit log's failed sign-ins (`restore`), so a
 * restart does not give anyone a fresh set of guesses.
 */
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

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

  /** Seconds until the key may try again, or 0 when it may try now. */
  retryAfter(key: string): number {
    const times = this.recent(key);
    if (times.length < this.max) return 0;
    return Math.max(1, Math.ceil((times[times.length - this.max] + this.windowMs - this.now()) / 1000));
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

  reset(key: string): void {
    this.failures.delete(key);
  }

  private prune(): void {
    for (const key of [...this.failures.keys()]) this.recent(key);
  }
}
