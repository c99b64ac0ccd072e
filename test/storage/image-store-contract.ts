// What every ImageStore (api/src/storage) promises, declared once and run against each backend's test file.
import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import type { ImageStore, ImageStoreOptions } from '../../api/src/storage';

export const DAY_MS = 24 * 60 * 60 * 1000;

export function image(text: string, size = 100) {
  const bytes = Buffer.alloc(size, text);
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export interface ContractClock {
  advance(ms: number): void;
}

/** `open` makes a store on an empty backend with a clock the contract moves through `clock`. */
export function imageStoreContract(
  open: (options?: Partial<ImageStoreOptions>) => Promise<ImageStore>,
  clock: ContractClock,
): void {
  it('serves what it stored under its SHA-256, and nothing for another', async () => {
    const store = await open();
    const cat = image('cat');

    await store.put(cat.sha256, cat.bytes);

    expect(await store.get(cat.sha256)).toEqual(cat.bytes);
    expect(await store.has(cat.sha256)).toBe(true);
    expect(await store.get(image('dog').sha256)).toBeNull();
  });

  it('refuses bytes that do not match the hash, and names that are not a SHA-256', async () => {
    const store = await open();
    await expect(store.put(image('cat').sha256, image('dog').bytes)).rejects.toThrow(/do not have SHA-256/);
    await expect(store.put('../../etc/passwd', image('cat').bytes)).rejects.toThrow(
      /Not a lower-case hex SHA-256/,
    );
    expect(await store.get('../../etc/passwd')).toBeNull();
    expect(await store.has(image('cat').sha256)).toBe(false);
  });

  it('evicts the oldest images when over the size cap; storing again makes an image new', async () => {
    const store = await open({ maxBytes: 300 });
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((t) => image(t));
    for (const img of [a, b, c]) {
      await store.put(img.sha256, img.bytes);
      clock.advance(1000);
    }
    await store.put(a.sha256, a.bytes); // a is now the newest
    clock.advance(1000);

    await store.put(d.sha256, d.bytes);

    expect(await Promise.all([a, b, c, d].map((img) => store.has(img.sha256)))).toEqual([
      true,
      false,
      true,
      true,
    ]);
    expect(await store.get(b.sha256)).toBeNull();
  });

  it('does not store an image bigger than the whole cap', async () => {
    const store = await open({ maxBytes: 300 });
    const small = image('s');
    const huge = image('h', 301);
    await store.put(small.sha256, small.bytes);

    await store.put(huge.sha256, huge.bytes);

    expect(await store.has(huge.sha256)).toBe(false);
    expect(await store.has(small.sha256)).toBe(true);
  });

  it('drops images older than the retention period when pruned', async () => {
    const store = await open({ retentionDays: 30 });
    const [old, fresh] = ['old', 'fresh'].map((t) => image(t));
    await store.put(old.sha256, old.bytes);
    clock.advance(20 * DAY_MS);
    await store.put(fresh.sha256, fresh.bytes);
    clock.advance(11 * DAY_MS);

    expect(await store.prune()).toBe(1);
    expect([await store.has(old.sha256), await store.has(fresh.sha256)]).toEqual([false, true]);
  });

  it('keeps images of any age with retention 0', async () => {
    const store = await open({ retentionDays: 0 });
    const cat = image('cat');
    await store.put(cat.sha256, cat.bytes);
    clock.advance(10_000 * DAY_MS);

    expect(await store.prune()).toBe(0);
    expect(await store.has(cat.sha256)).toBe(true);
  });

  it('deletes an image', async () => {
    const store = await open();
    const cat = image('cat');
    await store.put(cat.sha256, cat.bytes);

    expect(await store.delete(cat.sha256)).toBe(true);
    expect(await store.delete(cat.sha256)).toBe(false);
    expect(await store.get(cat.sha256)).toBeNull();
  });
}
