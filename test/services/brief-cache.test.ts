import { describe, expect, it } from 'vitest';
import { BriefCache } from '../../api/src/services/brief-cache';

describe('BriefCache', () => {
  it('serves a value until it expires, then loads again', async () => {
    let now = 0;
    const cache = new BriefCache<number>(1000, () => now);
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get('k', load)).toBe(1);
    now = 999;
    expect(await cache.get('k', load)).toBe(1);
    now = 1000;
    expect(await cache.get('k', load)).toBe(2);
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
