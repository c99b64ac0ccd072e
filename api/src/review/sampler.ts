// The hook in the detect path: after a detection is recorded, put it in the review queue if the rules pick it
// and the caps allow. Cheap when nothing is picked (the rules are cached, the decision is pure) and never fails
// a detection: its own errors are logged and dropped.
import type { PrismaClient, Prisma } from '../db/client';
import { createLogger } from '../logging/logger';
import type { DetectionView } from '../services/detections';
import { decideSampling, type Random, type SamplingDecision, type ScoredObject } from './sampling';
import type { ReviewRules } from './rules';
import type { ReviewRulesService } from './rules-service';
import { NOT_QUEUED, type DetectionReviewView } from './views';

const log = createLogger('review');

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Serialises cap checks across servers sharing a database (any constant unique to this use). */
const SAMPLING_LOCK_KEY = 0x7265_7669; // "revi"

export interface ReviewSamplerOptions {
  /** Default Math.random; tests pass a seeded source. */
  random?: Random;
  now?: () => Date;
}

/** The objects with the threshold each had to reach: its label's minScore, else the request's. */
function scoredObjects(detection: DetectionView): ScoredObject[] {
  return detection.objects.map((o) => ({
    classKey: o.label.key,
    score: o.score,
    threshold: o.label.minScore ?? detection.minScore,
  }));
}

export class ReviewSampler {
  private readonly random: Random;
  private readonly now: () => Date;
  /** While the caps are full there is no need to ask the database again: until when, for which caps. */
  private closed: { until: number; hourlyCap: number; dailyCap: number } | undefined;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly rules: ReviewRulesService,
    options: ReviewSamplerOptions = {},
  ) {
    this.random = options.random ?? Math.random;
    this.now = options.now ?? (() => new Date());
  }

  /** The detection with its review status as it now stands (queued or not). Never throws. */
  async consider(detection: DetectionView): Promise<DetectionView> {
    try {
      const queued = await this.sample(detection);
      return queued ? { ...detection, review: queued } : detection;
    } catch (error) {
      log.warn(`review sampling of detection ${detection.id} failed, not queued: ${String(error)}`);
      return detection;
    }
  }

  private async sample(detection: DetectionView): Promise<DetectionReviewView | null> {
    const rules = await this.rules.current();
    const decision = decideSampling(scoredObjects(detection), rules, this.random);
    if (!decision) return null;
    const now = this.now();
    if (this.isClosed(rules, now)) return null;
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SAMPLING_LOCK_KEY}::bigint)`;
      const reopensAt = await capsReopenAt(tx, rules, now);
      if (reopensAt) {
        this.closed = { until: reopensAt.getTime(), hourlyCap: rules.hourlyCap, dailyCap: rules.dailyCap };
        return null;
      }
      await tx.reviewItem.create({
        data: {
          detectionId: detection.id,
          reasons: decision.reasons,
          priority: decision.priority,
          sampledAt: now,
        },
      });
      return queuedView(decision);
    });
  }

  private isClosed(rules: ReviewRules, now: Date): boolean {
    const closed = this.closed;
    return (
      closed !== undefined &&
      now.getTime() < closed.until &&
      closed.hourlyCap === rules.hourlyCap &&
      closed.dailyCap === rules.dailyCap
    );
  }
}

/**
 * When a full cap frees a place (its oldest sample in the window ages out), or null if both have room.
 * Flags do not count: only items the sampler picked (sampledAt set).
 */
async function capsReopenAt(
  tx: Prisma.TransactionClient,
  rules: ReviewRules,
  now: Date,
): Promise<Date | null> {
  let reopensAt: Date | null = null;
  for (const [cap, windowMs] of [
    [rules.hourlyCap, HOUR_MS],
    [rules.dailyCap, DAY_MS],
  ] as const) {
    const where = { sampledAt: { gt: new Date(now.getTime() - windowMs) } };
    const count = await tx.reviewItem.count({ where });
    if (count < cap) continue;
    // The window has room again once the (count − cap + 1)th oldest sample in it has aged out.
    const oldest = await tx.reviewItem.findFirst({
      where,
      orderBy: { sampledAt: 'asc' },
      skip: count - cap,
      select: { sampledAt: true },
    });
    const frees = new Date((oldest?.sampledAt ?? now).getTime() + windowMs);
    if (!reopensAt || frees > reopensAt) reopensAt = frees;
  }
  return reopensAt;
}

function queuedView({ reasons, priority }: SamplingDecision): DetectionReviewView {
  return { ...NOT_QUEUED, status: 'QUEUED', reasons, priority };
}
