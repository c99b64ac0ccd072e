import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BriefCache } from '../../api/src/services/brief-cache';

describe('BriefCache', () => {
  it('serves a value until it expires, then loads again', async () => {
    let now = 50_000;
    const cache = new BriefCache<number>(1000, () => now);
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get('k', load)).toBe(1);
    now += 1000;
    expect(await cache.get('k', load)).toBe(1);
    now += 1;
    expect(await cache.get('k', load)).toBe(2);
  });

  it('keeps a key in use cached while 10,000 random tokens pass through', async () => {
    const cache = new BriefCache<string | null>();
    const lookups = new Map<string, number>();
    const lookup = (key: string) => () => {
      lookups.set(key, (lookups.get(key) ?? 0) + 1);
      return Promise.resolve(key === 'real' ? 'principal' : null);
    };
    for (let i = 0; i < 10_000; i++) {
      const token = randomBytes(32).toString('base64url');
      expect(await cache.get(token, lookup(token))).toBeNull();
      if (i % 100 === 0) expect(await cache.get('real', lookup('real'))).toBe('principal');
    }
    expect(lookups.get('real')).toBe(1);
    expect(lookups.size).toBe(10_001); // every random token was looked up once: none was served another's answer
  });

  it('holds at most its maximum of entries, dropping the least recently used', async () => {
    const cache = new BriefCache<string>(60_000, Date.now, 2);
    let loads = 0;
    const load = async () => `v${++loads}`;
    await cache.get('a', load);
    await cache.get('b', load);
    await cache.get('a', load); // a is now the more recently used
    await cache.get('c', load); // evicts b
    expect(await cache.get('a', load)).toBe('v1');
    expect(await cache.get('b', load)).toBe('v4');
  });

  it('shares one load between concurrent callers', async () => {
    const cache = new BriefCache<string>();
    let loads = 0;
    const load = async () => `v${++loads}`;
    expect(await Promise.all([cache.get('k', load), cache.get('k', load)])).toEqual(['v1', 'v1']);
  });

  it('forgets failures, so an error is never served from the cache', async () => {
    const cache = new BriefCache<string>();
    await expect(cache.get('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('k', async () => 'up')).toBe('up');
  });

  it('loads again after clear()', async () => {
    const cache = new BriefCache<string>();
    await cache.get('k', async () => 'old');
    cache.clear();
    expect(await cache.get('k', async () => 'new')).toBe('new');
  });
});
