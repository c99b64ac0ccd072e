// Lookups the detect path makes on every request (API key, serving model version, label set), cached briefly:
// a change made through the owning service clears the cache and applies at once in this process; one made by
// another server sharing the database applies within the time-to-live. Same policy as the review rules.

import { LRUCache } from 'lru-cache';

export const BRIEF_CACHE_MS = 5_000;
/**
 * Bounds memory when keys are attacker-chosen (e.g. unknown API keys). Least recently used entries go first, so a
 * flood of random bearer tokens evicts other random tokens, not the real keys in use (~200 bytes an entry).
 */
export const BRIEF_CACHE_MAX_ENTRIES = 10_000;

/** Boxed because lru-cache values must be objects; the box also tells a failed load from a newer one. */
interface Entry<V> {
  value: Promise<V>;
}

export class BriefCache<V> {
  private readonly entries: LRUCache<string, Entry<V>>;

  constructor(
    ttlMs = BRIEF_CACHE_MS,
    now: () => number = Date.now,
    max = BRIEF_CACHE_MAX_ENTRIES,
  ) {
    // ttlResolution 0: read the clock on every get, so an injected clock is the only clock (no cached "now").
    this.entries = new LRUCache<string, Entry<V>>({ max, ttl: ttlMs, ttlResolution: 0, perf: { now } });
  }

  /**
   * The cached value, else `load()`'s. The promise is what is cached, so concurrent requests share one query;
   * a failed load is forgotten, so errors are never served from the cache.
   */
  get(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit) return hit.value;
    const entry: Entry<V> = { value: load() };
    this.entries.set(key, entry);
    entry.value.catch(() => {
      if (this.entries.peek(key) === entry) this.entries.delete(key);
    });
    return entry.value;
  }

  /** Call after a change has been committed, so no request can cache the state before it again. */
  clear(): void {
    this.entries.clear();
  }
}
