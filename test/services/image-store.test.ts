import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileSystemImageStore, type ImageStoreOptions } from '../../api/src/storage';
import { DAY_MS, image, imageStoreContract } from '../storage/image-store-contract';

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

  imageStoreContract(open, { advance: (ms) => (now += ms) });

  it('stores an image under its SHA-256 in a directory named by its first two hex digits', async () => {
    const cat = image('cat');

    await (await open()).put(cat.sha256, cat.bytes);

    expect(await readdir(path.join(dir, cat.sha256.slice(0, 2)))).toEqual([cat.sha256]);
  });

  it('stores the same image once', async () => {
    const store = await open();
    const cat = image('cat');

    await store.put(cat.sha256, cat.bytes);
    await store.put(cat.sha256, cat.bytes);

    expect(store.size).toEqual({ images: 1, bytes: 100 });
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

  it('counts a deleted image out of its size', async () => {
    const store = await open();
    const cat = image('cat');
    await store.put(cat.sha256, cat.bytes);

    await store.delete(cat.sha256);

    expect(store.size).toEqual({ images: 0, bytes: 0 });
  });
});
