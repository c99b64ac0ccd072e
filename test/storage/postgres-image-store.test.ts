// The image store replicas share when the database is PostgreSQL (api/src/storage/postgres-image-store.ts):
// two store instances on one database stand for two replicas.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ADVISORY_LOCKS, runExclusively } from '../../api/src/replicas/advisory-lock';
import { PostgresImageStore, type ImageStoreOptions } from '../../api/src/storage';
import { available, openTestDatabase } from '../db/databases';

const DAY_MS = 24 * 60 * 60 * 1000;

function image(text: string, size = 100) {
  const bytes = Buffer.alloc(size, text);
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

describe('PostgreSQL image store', async () => {
  if (!(await available('postgres'))) return void it.skip('needs PostgreSQL');
  let db: Awaited<ReturnType<typeof openTestDatabase>>;
  let now: number;
  const open = (options: Partial<ImageStoreOptions> = {}) =>
    new PostgresImageStore(db.prisma, { maxBytes: 1000, retentionDays: 30, now: () => now, ...options });

  beforeAll(async () => {
    db = await openTestDatabase('postgres');
  });
  afterAll(() => db.close());
  beforeEach(async () => {
    await db.prisma.storedImage.deleteMany();
    now = Date.parse('2026-06-01T00:00:00Z');
  });

  it('serves through one replica the photo another stored', async () => {
    const cat = image('cat');

    await open().put(cat.sha256, cat.bytes);

    expect(await open().get(cat.sha256)).toEqual(cat.bytes);
    expect(await open().has(cat.sha256)).toBe(true);
    expect(await open().get(image('dog').sha256)).toBeNull();
  });

  it('stores the same photo once, also when two replicas store it at once', async () => {
    const cat = image('cat');

    await Promise.all([open().put(cat.sha256, cat.bytes), open().put(cat.sha256, cat.bytes)]);
    await open().put(cat.sha256, cat.bytes);

    expect(await db.prisma.storedImage.count()).toBe(1);
  });

  it('refuses bytes that do not match the hash', async () => {
    await expect(open().put(image('cat').sha256, image('dog').bytes)).rejects.toThrow(/do not have SHA-256/);
    expect(await db.prisma.storedImage.count()).toBe(0);
  });

  it('evicts the oldest photos when over the size cap; storing again makes a photo new', async () => {
    const store = open({ maxBytes: 300 });
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
  });

  it('does not store a photo bigger than the whole cap', async () => {
    const huge = image('h', 1001);

    await open().put(huge.sha256, huge.bytes);

    expect(await open().has(huge.sha256)).toBe(false);
  });

  it('drops photos older than the retention period when pruned', async () => {
    const store = open({ retentionDays: 30 });
    const [old, fresh] = ['old', 'fresh'].map((t) => image(t));
    await store.put(old.sha256, old.bytes);
    now += 20 * DAY_MS;
    await store.put(fresh.sha256, fresh.bytes);
    now += 11 * DAY_MS;

    expect(await store.prune()).toBe(1);
    expect([await store.has(old.sha256), await store.has(fresh.sha256)]).toEqual([false, true]);
  });

  it('prunes on one replica at a time: one that finds another pruning leaves it to that one', async () => {
    const old = image('old');
    await open().put(old.sha256, old.bytes);
    now += 31 * DAY_MS;
    let release!: () => void;
    const held = runExclusively(
      db.prisma,
      ADVISORY_LOCKS.imagePrune,
      () => new Promise<void>((r) => (release = r)),
    );
    await expect.poll(() => release).toBeDefined();

    expect(await open().prune()).toBe(0);
    release();
    await held;
    expect(await open().prune()).toBe(1);
  });

  it('deletes a photo', async () => {
    const cat = image('cat');
    await open().put(cat.sha256, cat.bytes);

    expect(await open().delete(cat.sha256)).toBe(true);
    expect(await open().delete(cat.sha256)).toBe(false);
    expect(await open().get(cat.sha256)).toBeNull();
  });
});
