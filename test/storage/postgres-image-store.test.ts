// The image store replicas share when the database is PostgreSQL (api/src/storage/postgres-image-store.ts):
// the ImageStore contract, and two store instances on one database standing for two replicas.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ADVISORY_LOCKS, runExclusively } from '../../api/src/replicas/advisory-lock';
import { PostgresImageStore, type ImageStoreOptions } from '../../api/src/storage';
import { available, openTestDatabase } from '../db/databases';
import { DAY_MS, image, imageStoreContract } from './image-store-contract';

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

  imageStoreContract(async (options) => open(options), { advance: (ms) => (now += ms) });

  it('serves through one replica the photo another stored', async () => {
    const cat = image('cat');

    await open().put(cat.sha256, cat.bytes);

    expect(await open().get(cat.sha256)).toEqual(cat.bytes);
  });

  it('stores the same photo once, also when two replicas store it at once', async () => {
    const cat = image('cat');

    await Promise.all([open().put(cat.sha256, cat.bytes), open().put(cat.sha256, cat.bytes)]);
    await open().put(cat.sha256, cat.bytes);

    expect(await db.prisma.storedImage.count()).toBe(1);
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
});
