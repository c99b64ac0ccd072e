import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileSystemImageStore, type ImageStoreOptions } from '../../api/src/storage';

const DAY_MS = 24 * 60 * 60 * 1000;

function image(text: string, size = 100) {
  const bytes = Buffer.alloc(size, text);
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

describe('file-system image store', () => {
  let dir: string;
  let now: number;
  const open = (options: Partial<ImageStoreOptions> = {}) =>
    FileSystemImageStore.open({ dir, maxBytes: 1000, retentionDays: 30, now: () => now, ...options });

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'wanshi-images-'));
    now = Date.parse('2026-06-01T00:00:00Z');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('stores an image under its SHA-256 in a directory named by its first two hex digits', async () => {
    const store = await open();
    const cat = image('cat');

    await store.put(cat.sha256, cat.bytes);

    expect(await store.get(cat.sha256)).toEqual(cat.bytes);
    expect(await store.has(cat.sha256)).toBe(true);
    expect(await readdir(path.join(dir, cat.sha256.slice(0, 2)))).toEqual([cat.sha256]);
    expect(await store.get(image('dog').sha256)).toBeNull();
  });

  it('stores the same image once', async () => {
    const store = await open();
    const cat = image('cat');

    await store.put(cat.sha256, cat.bytes);
    await store.put(cat.sha256, cat.bytes);

    expect(store.size).toEqual({ images: 1, bytes: 100 });
  });

  it('refuses bytes that do not match the hash, and names that are not a SHA-256', async () => {
    const store = await open();
    await expect(store.put(image('cat').sha256, image('dog').bytes)).rejects.toThrow(/do not have SHA-256/);
    await expect(store.put('../../etc/passwd', image('cat').bytes)).rejects.toThrow(
      /Not a lower-case hex SHA-256/,
    );
    expect(await store.get('../../etc/passwd')).toBeNull();
  });

  it('evicts the oldest images when over the size cap; storing again makes an image new', async () => {
    const store = await open({ maxBytes: 300 });
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((t) => image(t));
    for (const img of [a, b, c]) {
      await store.put(img.sha256, img.bytes);
      now += 1000;
    }
    await store.put(a.sha256, a.bytes); // a is now the newest
    now += 1000;

    await store.put(d.sha256, d.bytes);

    expect(await Promise.all([a, b, c, d].map((img) => store.has(img.sha256)))).toEqual([
      true,
      false,
      true,
      true,
    ]);
    expect(await store.get(b.sha256)).toBeNull();
    expect(store.size).toEqual({ images: 3, bytes: 300 });
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

  it('drops images older than the retention period when storing and when asked', async () => {
    const store = await open({ retentionDays: 30 });
    const [old, recent, fresh] = ['old', 'recent', 'fresh'].map((t) => image(t));
    await store.put(old.sha256, old.bytes);
    now += 20 * DAY_MS;
    await store.put(recent.sha256, recent.bytes);
    now += 11 * DAY_MS;

    await store.put(fresh.sha256, fresh.bytes);
    expect([await store.has(old.sha256), await store.has(recent.sha256)]).toEqual([false, true]);

    now += 20 * DAY_MS;
    expect(await store.pruneExpired()).toBe(1);
    expect([await store.has(recent.sha256), await store.has(fresh.sha256)]).toEqual([false, true]);
  });

  it('keeps images of any age with retention 0', async () => {
    const store = await open({ retentionDays: 0 });
    const cat = image('cat');
    await store.put(cat.sha256, cat.bytes);
    now += 10_000 * DAY_MS;

    expect(await store.pruneExpired()).toBe(0);
    expect(await store.has(cat.sha256)).toBe(true);
  });

  it('reopens with what is on disk, oldest first, and applies its limits', async () => {
    const first = await open();
    const [a, b, c] = ['a', 'b', 'c'].map((t) => image(t));
    for (const img of [a, b, c]) {
      await first.put(img.sha256, img.bytes);
      now += DAY_MS;
    }
    await writeFile(path.join(dir, 'tmp', 'half-written'), 'x');

    const reopened = await open({ maxBytes: 200 });

    expect(reopened.size).toEqual({ images: 2, bytes: 200 });
    expect(await reopened.has(a.sha256)).toBe(false);
    expect(await reopened.get(c.sha256)).toEqual(c.bytes);
    expect(await readdir(path.join(dir, 'tmp'))).toEqual([]);
  });

  it('deletes an image', async () => {
    const store = await open();
    const cat = image('cat');
    await store.put(cat.sha256, cat.bytes);

    expect(await store.delete(cat.sha256)).toBe(true);
    expect(await store.delete(cat.sha256)).toBe(false);
    expect(await store.get(cat.sha256)).toBeNull();
    expect(store.size).toEqual({ images: 0, bytes: 0 });
  });
});
