// Reading and changing the sampling rules. The sampler asks for them on every detection, so they are cached
// briefly; a change made through this service applies at once in this process, elsewhere within seconds.
import type { Principal } from '../auth/roles';
import type { PrismaClient } from '../db/client';
import { recordAudit } from '../services/audit';
import { requireRole } from '../services/authorization';
import { parseInput } from '../services/validation';
import { DEFAULT_REVIEW_RULES, reviewRulesSchema, type ReviewRules } from './rules';

const RULES_ID = 1;
const CACHE_MS = 5_000;

export class ReviewRulesService {
  private cached: { rules: ReviewRules; until: number } | undefined;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly now: () => number = Date.now,
  ) {}

  /** The rules in force, for the sampler: no role check. */
  async current(): Promise<ReviewRules> {
    if (this.cached && this.now() < this.cached.until) return this.cached.rules;
    const row = await this.prisma.reviewRules.findUnique({ where: { id: RULES_ID } });
    const rules: ReviewRules = row
      ? {
          enabled: row.enabled,
          lowScoreBelow: row.lowScoreBelow,
          borderlineMargin: row.borderlineMargin,
          watchedClasses: row.watchedClasses,
          randomShare: row.randomShare,
          hourlyCap: row.hourlyCap,
          dailyCap: row.dailyCap,
        }
      : DEFAULT_REVIEW_RULES;
    this.cached = { rules, until: this.now() + CACHE_MS };
    return rules;
  }

  /** Another replica changed the rules (the change feed). */
  forgetCached(): void {
    this.cached = undefined;
  }

  async get(viewer: Principal | null): Promise<ReviewRules> {
    requireRole(viewer, 'reviewer');
    return this.current();
  }

  async update(actor: Principal | null, input: ReviewRules): Promise<ReviewRules> {
    requireRole(actor, 'admin');
    const rules = parseInput(reviewRulesSchema, input);
    const before = await this.current();
    await this.prisma.$transaction(async (tx) => {
      await tx.reviewRules.upsert({
        where: { id: RULES_ID },
        create: { id: RULES_ID, ...rules },
        update: rules,
      });
      await recordAudit(tx, actor, {
        action: 'reviewRules.update',
        entity: 'reviewRules',
        before,
        after: rules,
      });
    });
    this.cached = { rules, until: this.now() + CACHE_MS };
    return rules;
  }
}
