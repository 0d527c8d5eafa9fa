/**
 * Results keyed on the request and the data version: any upload, replacement or deletion bumps
 * the version, so a cached answer is never stale. Bounded, oldest entry out first.
 */
export class ResultCache {
  private readonly entries = new Map<string, Promise<unknown>>();

  constructor(private readonly capacity = 500) {}

  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) {
      // Refresh recency: a Map iterates in insertion order.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit as Promise<T>;
    }
    const pending = compute();
    this.entries.set(key, pending);
    pending.catch(() => this.entries.delete(key));
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return pending;
  }
}
