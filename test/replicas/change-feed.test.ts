// Cross-replica cache invalidation (api/src/replicas/change-feed.ts and the replicas_change_notifications
// triggers): two sets of services on one PostgreSQL database stand for two replicas. The caches hold for 5 s, so
// a change seen within 1 s was announced, not waited out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../api/src/auth/roles';
import { KeyLimitService } from '../../api/src/limits/key-limits-service';
import { ChangeFeed } from '../../api/src/replicas/change-feed';
import { DEFAULT_REVIEW_RULES } from '../../api/src/review/rules';
import { ReviewRulesService } from '../../api/src/review/rules-service';
import { cacheInvalidators } from '../../api/src/server/change-invalidators';
import { ApiKeyService } from '../../api/src/services/keys';
import { LabelService } from '../../api/src/services/labels';
import { ModelService } from '../../api/src/services/models';
import { available, openTestDatabase } from '../db/databases';
import { principal } from '../services/principals';

const WITHIN_MS = 1_000;
const NO_LIMITS = { requestsPerSecond: 0, burst: 0, imagesPerDay: 0 };

describe('cache invalidation across replicas', async () => {
  if (!(await available('postgres'))) return void it.skip('needs PostgreSQL');
  let db: Awaited<ReturnType<typeof openTestDatabase>>;
  let admin: Principal;
  const feeds: ChangeFeed[] = [];

  function replica() {
    const prisma = db.prisma;
    const services = {
      keys: new ApiKeyService(prisma),
      keyLimits: new KeyLimitService(prisma, NO_LIMITS),
      labels: new LabelService(prisma),
      models: new ModelService(prisma),
      reviewRules: new ReviewRulesService(prisma),
    };
    return {
      ...services,
      listen: async () =>
        feeds.push(await ChangeFeed.listen(db.config.databaseUrl!, cacheInvalidators(services))),
    };
  }

  beforeAll(async () => {
    db = await openTestDatabase('postgres');
    admin = await principal(db.prisma, 'admin');
  });
  afterAll(async () => {
    await Promise.all(feeds.map((feed) => feed.close()));
    await db.close();
  });

  it('a key revoked through one replica is refused by another within 1 s', async () => {
    const [one, two] = [replica(), replica()];
    await Promise.all([one.listen(), two.listen()]);
    const { apiKey, secret } = await one.keys.create(admin, { name: 'camera', role: 'app' });
    expect(await two.keys.authenticate(secret)).not.toBeNull(); // now in two's cache

    await one.keys.revoke(admin, apiKey.id);

    await expect.poll(() => two.keys.authenticate(secret), { timeout: WITHIN_MS }).toBeNull();
  });

  it('review rules changed through one replica apply on another within 1 s', async () => {
    const [one, two] = [replica(), replica()];
    await Promise.all([one.listen(), two.listen()]);
    expect((await two.reviewRules.current()).randomShare).toBe(DEFAULT_REVIEW_RULES.randomShare);

    await one.reviewRules.update(admin, { ...DEFAULT_REVIEW_RULES, randomShare: 0.5 });

    await expect
      .poll(async () => (await two.reviewRules.current()).randomShare, { timeout: WITHIN_MS })
      .toBe(0.5);
  });

  it('a replica that lost its listening connection clears its caches when back, and hears later changes', async () => {
    const [one, two] = [replica(), replica()];
    await two.listen();
    const first = await one.keys.create(admin, { name: 'first', role: 'app' });
    const second = await one.keys.create(admin, { name: 'second', role: 'app' });
    expect(await two.keys.authenticate(first.secret)).not.toBeNull();
    expect(await two.keys.authenticate(second.secret)).not.toBeNull();

    // Revoked while two cannot hear (its connection cut by the server, as a failover would).
    await db.prisma.$executeRawUnsafe(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN wanshi_changes'",
    );
    await db.prisma.apiKey.update({ where: { id: first.apiKey.id }, data: { revokedAt: new Date() } });

    await expect.poll(() => two.keys.authenticate(first.secret), { timeout: 3 * WITHIN_MS }).toBeNull();
    expect(await two.keys.authenticate(second.secret)).not.toBeNull();
    await one.keys.revoke(admin, second.apiKey.id);
    await expect.poll(() => two.keys.authenticate(second.secret), { timeout: WITHIN_MS }).toBeNull();
  });
});
