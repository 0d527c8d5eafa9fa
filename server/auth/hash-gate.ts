// How many password hashes run at once, server-wide. Each scrypt hash holds one of libuv's
// threadpool threads (4 unless UV_THREADPOOL_SIZE says otherwise — DuckDB's calls and file reads
// wait for the same threads) and 32 MiB for ≈ 100 ms. Unbounded, a burst of sign-ins fills every
// thread and everything else waits behind it; so a few hashes run at a time, a bounded number wait
// their turn, and any more are refused at once with `busy` rather than queued without end.
import { hashingBusy } from '../messages.ts';

/** Seconds a refused caller is told to wait: the queue drains in about a second. */
export const BUSY_RETRY_SECONDS = 2;

export class HashGate {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly concurrency: number,
    readonly queueLimit: number,
  ) {}

  /** Runs `task` when a slot is free; throws `busy` at once when `queueLimit` tasks already wait. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queueLimit) throw hashingBusy();
      // The slot is handed over by the task that finishes, so `running` never dips in between.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  get active(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }
}

/** The process's gate: two hashes at a time leaves the other threadpool threads for DuckDB and files. */
export const hashGate = new HashGate(2, 16);
