// The `usage` query: per key per UTC day, admins for every key, any other key for itself only.
import { z } from 'zod';
import type { Principal } from '../auth/roles';
import type { PrismaClient } from '../db/client';
import { requireRole } from '../services/authorization';
import { ForbiddenError } from '../services/errors';
import { isUuid, parseInput } from '../services/validation';
import type { UsageCounts, UsageRecorder } from './usage-recorder';
import { utcDay } from './utc-day';

export interface UsageDayView extends UsageCounts {
  keyId: string;
  keyName: string;
  /** `YYYY-MM-DD`, UTC */
  day: string;
}

export const DEFAULT_USAGE_DAYS = 30;
const MAX_USAGE_DAYS = 366;
const DAY_MS = 86_400_000;

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && utcDay(Date.parse(`${d}T00:00:00Z`)) === d,
    'not a calendar day',
  );
const filterSchema = z
  .object({ from: isoDay.optional(), to: isoDay.optional(), keyId: z.string().optional() })
  .transform(({ from, to, keyId }) => {
    const toDay = to ?? utcDay(Date.now());
    const fromDay = from ?? utcDay(Date.parse(`${toDay}T00:00:00Z`) - (DEFAULT_USAGE_DAYS - 1) * DAY_MS);
    return { from: fromDay, to: toDay, keyId };
  })
  .refine(({ from, to }) => from <= to, { message: 'from is after to', path: ['from'] })
  .refine(({ from, to }) => Date.parse(to) - Date.parse(from) < MAX_USAGE_DAYS * DAY_MS, {
    message: `at most ${MAX_USAGE_DAYS} days`,
    path: ['from'],
  });
export type UsageFilterInput = z.input<typeof filterSchema>;

export class UsageService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly recorder: UsageRecorder,
  ) {}

  /** Days with any usage, oldest first, then by key name. Defaults: the last 30 days up to today. */
  async list(viewer: Principal | null, input: UsageFilterInput = {}): Promise<UsageDayView[]> {
    const actor = requireRole(viewer, 'app');
    const { from, to, keyId } = parseInput(filterSchema, input);
    if (actor.role !== 'admin' && keyId !== undefined && keyId !== actor.keyId) {
      throw new ForbiddenError("Only admins may see other keys' usage");
    }
    const onlyKey = actor.role === 'admin' ? keyId : actor.keyId;
    if (onlyKey !== undefined && !isUuid(onlyKey)) return [];
    await this.recorder.flush(); // this replica's latest counts too
    const rows = await this.prisma.apiKeyUsage.findMany({
      where: {
        day: { gte: new Date(`${from}T00:00:00Z`), lte: new Date(`${to}T00:00:00Z`) },
        ...(onlyKey !== undefined ? { apiKeyId: onlyKey } : {}),
      },
      include: { apiKey: { select: { name: true } } },
      orderBy: [{ day: 'asc' }, { apiKey: { name: 'asc' } }, { apiKeyId: 'asc' }],
    });
    return rows.map((row) => ({
      keyId: row.apiKeyId,
      keyName: row.apiKey.name,
      day: utcDay(row.day.getTime()),
      detections: row.detections,
      images: row.images,
      objects: row.objects,
      errors: row.errors,
      rateLimited: row.rateLimited,
    }));
  }
}
