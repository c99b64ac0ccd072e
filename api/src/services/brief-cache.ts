// Lookups the detect path makes on every request (API key, serving model version, label set), cached briefly:
// a change made through the owning service clears the cache and applies at once in this process; one made by
// another server sharing the database applies within the time-to-live. Same policy as the review rules.

export const BRIEF_CACHE_MS = 5_000;
/** Bounds memory when keys are attacker-chosen (e.g. unknown API keys): past this, start over. */
const MAX_ENTRIES = 1_000;

export class BriefCache<V> {
  private readonly entries = new Map<string, { value: Promise<V>; until: number }>();

  constructor(
    private readonly ttlMs = BRIEF_CACHE_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The cached value, else `load()`'s. The promise is what is cached, so concurrent requests share one query;
   * a failed load is forgotten, so errors are never served from the cache.
   */
  get(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && this.now() < hit.until) return hit.value;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    const entry = { value: load(), until: this.now() + this.ttlMs };
    this.entries.set(key, entry);
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return entry.value;
  }

  /** Call after a change has been committed, so no request can cache the state before it again. */
  clear(): void {
    this.entries.clear();
  }
}
