import { beforeAll, expect, it } from 'vitest';
import type { Principal } from '../../api/src/auth/roles';
import {
  ApiKeyService,
  ensureAdminKey,
  hashSecret,
  LAST_USED_RESOLUTION_MS,
} from '../../api/src/services/keys';
import { describeEachDatabase } from '../db/databases';
import { principal } from './principals';

describeEachDatabase('API keys', (db) => {
  let now: Date;
  let keys: ApiKeyService;
  let admin: Principal;

  beforeAll(async () => {
    now = new Date('2026-05-01T08:00:00Z');
    keys = new ApiKeyService(db().prisma, () => now);
    admin = await principal(db().prisma, 'admin');
  });

  it('shows the secret once and stores only its SHA-256 and a short prefix', async () => {
    const { apiKey, secret } = await keys.create(admin, { name: 'camera 1', role: 'app' });

    expect(secret).toMatch(/^wsk_[\w-]{43}$/);
    expect(apiKey).toMatchObject({
      name: 'camera 1',
      role: 'app',
      prefix: secret.slice(0, 11),
      revokedAt: null,
    });
    const row = await db().prisma.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(row.secretHash).toBe(hashSecret(secret));
    expect(JSON.stringify(row)).not.toContain(secret.slice(11));
    expect(await keys.list(admin)).toContainEqual(apiKey);
  });

  it('authenticates a key as its id and role; an unknown or revoked key fails', async () => {
    const { apiKey, secret } = await keys.create(admin, { name: 'reviewer', role: 'reviewer' });

    expect(await keys.authenticate(secret)).toEqual({ keyId: apiKey.id, role: 'reviewer' });
    expect(await keys.authenticate(secret + 'x')).toBeNull();

    const revoked = await keys.revoke(admin, apiKey.id);
    expect(revoked.revokedAt).toEqual(now);
    expect(await keys.authenticate(secret)).toBeNull();
    expect(await keys.revoke(admin, apiKey.id)).toEqual(revoked); // revoking twice changes nothing
  });

  it('writes lastUsedAt at most once a minute per key', async () => {
    const { apiKey, secret } = await keys.create(admin, { name: 'busy', role: 'app' });
    const lastUsed = async () =>
      (await db().prisma.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).lastUsedAt;
    const start = now;

    await keys.authenticate(secret);
    expect(await lastUsed()).toEqual(start);

    now = new Date(start.getTime() + LAST_USED_RESOLUTION_MS - 1);
    await keys.authenticate(secret);
    expect(await lastUsed()).toEqual(start);

    // Another server process (its own memory) does not write within the minute either.
    await new ApiKeyService(db().prisma, () => now).authenticate(secret);
    expect(await lastUsed()).toEqual(start);

    now = new Date(start.getTime() + LAST_USED_RESOLUTION_MS);
    await keys.authenticate(secret);
    expect(await lastUsed()).toEqual(now);
  });

  it('audits creation and revocation; only admins manage keys', async () => {
    const { apiKey } = await keys.create(admin, { name: 'temp', role: 'app' });
    await keys.revoke(admin, apiKey.id);

    const audit = await db().prisma.auditEntry.findMany({
      where: { entity: `apiKey:${apiKey.id}` },
      orderBy: { at: 'asc' },
    });
    expect(audit.map((a) => [a.action, a.actorKeyId])).toEqual([
      ['apiKey.create', admin.keyId],
      ['apiKey.revoke', admin.keyId],
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/wsk_[\w-]{43}/);

    const app = await principal(db().prisma, 'app');
    await expect(keys.create(app, { name: 'x', role: 'admin' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(keys.create(admin, { name: ' ', role: 'app' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await expect(keys.revoke(admin, 'no-such-id')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('at start without a configured key, generates an admin key if no admin key is valid, once', async () => {
    await db().prisma.apiKey.updateMany({ where: { role: 'admin' }, data: { revokedAt: now } });

    const first = await ensureAdminKey(db().prisma, { adminKey: undefined });
    expect(first.outcome).toBe('generated');
    const secret = first.outcome === 'generated' ? first.secret : '';
    expect(await new ApiKeyService(db().prisma).authenticate(secret)).toMatchObject({ role: 'admin' });

    expect(await ensureAdminKey(db().prisma, { adminKey: undefined })).toEqual({ outcome: 'existing' });
  });

  it('at start, registers the configured admin key once, and leaves it revoked if it was revoked', async () => {
    const adminKey = 'configured-admin-key-0123456789';
    expect(await ensureAdminKey(db().prisma, { adminKey })).toEqual({ outcome: 'configured' });
    expect(await ensureAdminKey(db().prisma, { adminKey })).toEqual({ outcome: 'configured' });
    const keys = new ApiKeyService(db().prisma);
    const configured = await keys.authenticate(adminKey);
    expect(configured).toMatchObject({ role: 'admin' });
    const row = await db().prisma.apiKey.findUniqueOrThrow({ where: { id: configured!.keyId } });
    expect(row.prefix).toBe('configu'); // at most a quarter of the 31-character secret

    await keys.revoke(configured, configured!.keyId);
    expect(await ensureAdminKey(db().prisma, { adminKey })).toEqual({ outcome: 'configured-revoked' });
    expect(await keys.authenticate(adminKey)).toBeNull();
  });
});
