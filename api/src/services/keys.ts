// API keys. The secret is shown once at creation; the database keeps its SHA-256 (a fast hash is enough for a
// random 256-bit secret: there is nothing to brute-force, unlike a password) and a short prefix for display.
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Principal } from '../auth/roles';
import type { Config } from '../config';
import type { ApiKey, ApiKeyRole, PrismaClient } from '../db/client';
import { recordAudit } from './audit';
import { requireRole } from './authorization';
import { BRIEF_CACHE_MS, BriefCache } from './brief-cache';
import { NotFoundError } from './errors';
import { isUuid, parseInput } from './validation';

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  role: ApiKeyRole;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface CreatedApiKey {
  apiKey: ApiKeyView;
  /** The key itself; only its hash is stored, so this is the one time it can be shown. */
  secret: string;
}

/** What start-up learns from ensureAdminKey, to tell the operator. */
export type AdminKeyBootstrap =
  | { outcome: 'configured' } // WANSHI_ADMIN_KEY is a valid admin key
  | { outcome: 'configured-revoked' } // WANSHI_ADMIN_KEY was revoked through the API: it stays revoked
  | { outcome: 'existing' } // no key configured; an admin key already exists
  | { outcome: 'generated'; secret: string }; // print this once

/** How often lastUsedAt is written per key: it is a hint for people, not worth a write per request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

const SECRET_PREFIX = 'wsk_';
const MAX_DISPLAY_PREFIX = 12;

const newKeySchema = z.object({
  name: z.string().trim().min(1).max(100),
  role: z.enum(['app', 'reviewer', 'admin']),
});
export type NewApiKeyInput = z.input<typeof newKeySchema>;

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** At most a quarter of the secret (a configured admin key may be short), at most 12 characters. */
function displayPrefix(secret: string): string {
  return secret.slice(0, Math.min(MAX_DISPLAY_PREFIX, Math.floor(secret.length / 4)));
}

function generateSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64url');
}

function toView({ id, name, prefix, role, createdAt, lastUsedAt, revokedAt }: ApiKey): ApiKeyView {
  return { id, name, prefix, role, createdAt, lastUsedAt, revokedAt };
}

export class ApiKeyService {
  /** When this process last wrote each key's lastUsedAt (ms), so most requests write nothing. */
  private readonly lastUsedWrites = new Map<string, number>();
  /** Who each secret (by hash) is: every request authenticates. Revoked and unknown keys are null. */
  private readonly principals = new BriefCache<Principal | null>(BRIEF_CACHE_MS, () => this.now().getTime());

  constructor(
    private readonly prisma: PrismaClient,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(actor: Principal | null, input: NewApiKeyInput): Promise<CreatedApiKey> {
    requireRole(actor, 'admin');
    return insertKey(this.prisma, actor, input);
  }

  /** The key's identity, or null for an unknown or revoked key. */
  async authenticate(secret: string): Promise<Principal | null> {
    const secretHash = hashSecret(secret);
    const principal = await this.principals.get(secretHash, async () => {
      const key = await this.prisma.apiKey.findUnique({
        where: { secretHash },
        select: { id: true, role: true, revokedAt: true },
      });
      return key && !key.revokedAt ? { keyId: key.id, role: key.role } : null;
    });
    if (principal) await this.touch(principal.keyId);
    return principal;
  }

  /** The caller's own key (any role may see itself: the dashboard asks at sign-in). */
  async describe(viewer: Principal | null): Promise<ApiKeyView> {
    const { keyId } = requireRole(viewer, 'app');
    return toView(await this.prisma.apiKey.findUniqueOrThrow({ where: { id: keyId } }));
  }

  async list(viewer: Principal | null): Promise<ApiKeyView[]> {
    requireRole(viewer, 'admin');
    const rows = await this.prisma.apiKey.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
    return rows.map(toView);
  }

  async revoke(actor: Principal | null, id: string): Promise<ApiKeyView> {
    requireRole(actor, 'admin');
    const revoked = await this.prisma.$transaction(async (tx) => {
      const current = isUuid(id) ? await tx.apiKey.findUnique({ where: { id } }) : null;
      if (!current) throw new NotFoundError(`No API key ${id}`);
      if (current.revokedAt) return toView(current); // revoking twice changes nothing
      const revoked = toView(await tx.apiKey.update({ where: { id }, data: { revokedAt: this.now() } }));
      await recordAudit(tx, actor, {
        action: 'apiKey.revoke',
        entity: `apiKey:${id}`,
        before: toView(current),
        after: revoked,
      });
      return revoked;
    });
    this.principals.clear(); // refused from the next request on, not after the cache expires
    return revoked;
  }

  /** Another replica changed a key (the change feed): its next request is checked against the database. */
  forgetCached(): void {
    this.principals.clear();
  }

  /** Writes lastUsedAt at most once a minute per key, across processes too (the condition is in the UPDATE). */
  private async touch(id: string): Promise<void> {
    const now = this.now();
    const lastWrite = this.lastUsedWrites.get(id);
    if (lastWrite !== undefined && now.getTime() - lastWrite < LAST_USED_RESOLUTION_MS) return;
    this.lastUsedWrites.set(id, now.getTime());
    const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    await this.prisma.apiKey.updateMany({
      where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: staleBefore } }] },
      data: { lastUsedAt: now },
    });
  }
}

/** Creates a key and its audit entry; `actor` null is the operator at the server's console (keys:create). */
async function insertKey(
  prisma: PrismaClient,
  actor: Principal | null,
  input: NewApiKeyInput,
): Promise<CreatedApiKey> {
  const { name, role } = parseInput(newKeySchema, input);
  const secret = generateSecret();
  return prisma.$transaction(async (tx) => {
    const row = await tx.apiKey.create({
      data: { name, role, prefix: displayPrefix(secret), secretHash: hashSecret(secret) },
    });
    const apiKey = toView(row);
    await recordAudit(tx, actor, { action: 'apiKey.create', entity: `apiKey:${row.id}`, after: apiKey });
    return { apiKey, secret };
  });
}

/**
 * A key made by whoever can reach the database from the server's console: how an operator who lost every admin
 * key gets one back (`npm run keys:create -- --role admin`).
 */
export function createKeyFromConsole(prisma: PrismaClient, input: NewApiKeyInput): Promise<CreatedApiKey> {
  return insertKey(prisma, null, input);
}

/**
 * Makes sure someone can administer the server. With WANSHI_ADMIN_KEY set, registers it as an admin key (once);
 * without, generates an admin key if none exists and returns it for start-up to print once.
 */
export async function ensureAdminKey(
  prisma: PrismaClient,
  config: Pick<Config, 'adminKey'>,
): Promise<AdminKeyBootstrap> {
  if (config.adminKey) {
    const secretHash = hashSecret(config.adminKey);
    const key = await prisma.apiKey.upsert({
      where: { secretHash },
      create: { name: 'WANSHI_ADMIN_KEY', role: 'admin', prefix: displayPrefix(config.adminKey), secretHash },
      update: {}, // registered at an earlier start: keep it as it is, revoked or not
    });
    return { outcome: key.revokedAt ? 'configured-revoked' : 'configured' };
  }
  const admin = await prisma.apiKey.findFirst({ where: { role: 'admin', revokedAt: null } });
  if (admin) return { outcome: 'existing' };
  const secret = generateSecret();
  await prisma.apiKey.create({
    data: {
      name: 'Generated at first start',
      role: 'admin',
      prefix: displayPrefix(secret),
      secretHash: hashSecret(secret),
    },
  });
  return { outcome: 'generated', secret };
}
