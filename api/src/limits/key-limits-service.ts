// Each key's limits: the configured defaults, with the overrides an admin set on the key (audit-logged like every
// key change). Read on every request, so cached briefly like the key itself.
import { z } from 'zod';
import type { Principal } from '../auth/roles';
import type { KeyLimits } from '../config';
import type { PrismaClient } from '../db/client';
import { recordAudit } from '../services/audit';
import { requireRole } from '../services/authorization';
import { BriefCache } from '../services/brief-cache';
import { NotFoundError } from '../services/errors';
import { isUuid, parseInput } from '../services/validation';

/** A key's stored overrides; null: the default. */
export type KeyLimitOverrides = { [K in keyof KeyLimits]: number | null };

export interface KeyLimitsView {
  keyId: string;
  /** What applies now: the override where there is one, else the default. */
  effective: KeyLimits;
  overrides: KeyLimitOverrides;
  defaults: KeyLimits;
}

const limit = z.number().int().min(0).max(1_000_000).nullable();
/** Omitted fields keep their override; null returns a field to the default. */
const overridesSchema = z.object({
  requestsPerSecond: limit.optional(),
  burst: limit.optional(),
  imagesPerDay: limit.optional(),
});
export type KeyLimitsInput = z.input<typeof overridesSchema>;

const NO_OVERRIDES: KeyLimitOverrides = { requestsPerSecond: null, burst: null, imagesPerDay: null };

export function effectiveLimits(defaults: KeyLimits, overrides: KeyLimitOverrides): KeyLimits {
  return {
    requestsPerSecond: overrides.requestsPerSecond ?? defaults.requestsPerSecond,
    burst: overrides.burst ?? defaults.burst,
    imagesPerDay: overrides.imagesPerDay ?? defaults.imagesPerDay,
  };
}

const SELECT_OVERRIDES = { requestsPerSecond: true, burst: true, imagesPerDay: true } as const;

export class KeyLimitService {
  private readonly overrides = new BriefCache<KeyLimitOverrides>();

  constructor(
    private readonly prisma: PrismaClient,
    readonly defaults: KeyLimits,
  ) {}

  /** What limits the key now (for the request path: no role check, the key was just authenticated). */
  async limitsOf(keyId: string): Promise<KeyLimits> {
    const overrides = await this.overrides.get(keyId, async () => {
      const row = await this.prisma.apiKey.findUnique({ where: { id: keyId }, select: SELECT_OVERRIDES });
      return row ?? NO_OVERRIDES;
    });
    return effectiveLimits(this.defaults, overrides);
  }

  /** Another replica changed a key's limits (the change feed). */
  forgetCached(): void {
    this.overrides.clear();
  }

  /** A key's limits; admins see any key's, others their own. */
  async describe(viewer: Principal | null, keyId: string): Promise<KeyLimitsView> {
    const actor = requireRole(viewer, 'app');
    if (actor.role !== 'admin' && actor.keyId !== keyId) throw new NotFoundError(`No API key ${keyId}`);
    const row = isUuid(keyId)
      ? await this.prisma.apiKey.findUnique({ where: { id: keyId }, select: SELECT_OVERRIDES })
      : null;
    if (!row) throw new NotFoundError(`No API key ${keyId}`);
    return this.view(keyId, row);
  }

  async set(actor: Principal | null, keyId: string, input: KeyLimitsInput): Promise<KeyLimitsView> {
    requireRole(actor, 'admin');
    const changes = parseInput(overridesSchema, input);
    const view = await this.prisma.$transaction(async (tx) => {
      const current = isUuid(keyId)
        ? await tx.apiKey.findUnique({ where: { id: keyId }, select: SELECT_OVERRIDES })
        : null;
      if (!current) throw new NotFoundError(`No API key ${keyId}`);
      const updated = await tx.apiKey.update({
        where: { id: keyId },
        data: changes,
        select: SELECT_OVERRIDES,
      });
      await recordAudit(tx, actor, {
        action: 'apiKey.setLimits',
        entity: `apiKey:${keyId}`,
        before: current,
        after: updated,
      });
      return this.view(keyId, updated);
    });
    this.overrides.clear(); // applies from the next request on in this process
    return view;
  }

  private view(keyId: string, overrides: KeyLimitOverrides): KeyLimitsView {
    return {
      keyId,
      overrides,
      defaults: this.defaults,
      effective: effectiveLimits(this.defaults, overrides),
    };
  }
}
