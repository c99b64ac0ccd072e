import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { DetectionView } from '../../services/detections';
import type { GraphQLContext } from '../context';
import { DetectedObject, Detection } from '../detection/types';
import {
  DetectionReview,
  ObjectReview,
  ReviewClaim,
  ReviewDetectionInput,
  ReviewQueue,
  ReviewRules,
  ReviewRulesInput,
  ReviewStats,
} from './types';

type ObjectView = DetectionView['objects'][number];

// Service views use the database's lower-case verdicts and reasons, which are the GraphQL enums' values.
const asDetection = (view: DetectionView) => view as unknown as Detection;

@Resolver()
export class ReviewResolver {
  @Authorized('reviewer')
  @Query(() => ReviewQueue, {
    description:
      'Detections waiting for review, flagged first, then most doubtful; without those another reviewer holds',
  })
  async reviewQueue(
    @Ctx() { services, principal }: GraphQLContext,
    @Arg('labelSet', { nullable: true }) labelSet?: string,
    @Arg('first', () => Int, { nullable: true }) first?: number,
  ): Promise<ReviewQueue> {
    const page = await services.reviews.queue(principal, { labelSet, first });
    return { totalCount: page.totalCount, items: page.items.map(asDetection) };
  }

  @Authorized('reviewer')
  @Mutation(() => ReviewClaim, {
    description:
      'Holds a queued detection while this reviewer looks at it (again: extends the hold); CONFLICT when ' +
      'another reviewer holds it or it is not waiting for review',
  })
  async claimReview(
    @Ctx() { services, principal }: GraphQLContext,
    @Arg('detectionId', () => ID) detectionId: string,
  ): Promise<ReviewClaim> {
    return services.reviews.claim(principal, detectionId);
  }

  @Authorized('reviewer')
  @Mutation(() => Boolean, {
    description: "Gives back this reviewer's hold on a detection (skipped); false if none",
  })
  async releaseReview(
    @Ctx() { services, principal }: GraphQLContext,
    @Arg('detectionId', () => ID) detectionId: string,
  ): Promise<boolean> {
    return services.reviews.release(principal, detectionId);
  }

  @Authorized('reviewer')
  @Mutation(() => Boolean, {
    description:
      'Skips a detection: gives back the hold and keeps it out of this reviewer\'s queue for WANSHI_REVIEW_SKIP_HOURS (others get it); false if it is not waiting for review',
  })
  async skipReview(
    @Ctx() { services, principal }: GraphQLContext,
    @Arg('detectionId', () => ID) detectionId: string,
  ): Promise<boolean> {
    return services.reviews.skip(principal, detectionId);
  }

  @Authorized()
  @Mutation(() => Detection, {
    description: 'Queues a detection for review because its user says it is wrong (apps: their own)',
  })
  async flagDetection(
    @Ctx() { services, principal }: GraphQLContext,
    @Arg('id', () => ID) id: string,
    @Arg('reason') reason: string,
  ): Promise<Detection> {
    return asDetection(await services.reviews.flag(principal, id, reason));
  }

  @Authorized('reviewer')
  @Mutation(() => Detection, {
    description: 'Verdicts on every object of a detection, and the objects it missed',
  })
  async reviewDetection(
    @Ctx() { services, principal }: GraphQLContext,
    @Arg('input') input: ReviewDetectionInput,
  ): Promise<Detection> {
    const review = await services.reviews.review(principal, {
      detectionId: input.detectionId,
      objects: input.objects.map((o) => ({
        objectId: o.objectId,
        verdict: o.verdict,
        correctedKey: o.correctedLabel,
      })),
      missed: (input.missed ?? []).map((m) => ({ classKey: m.label, box: m.box })),
    });
    return asDetection(review);
  }

  @Authorized('reviewer')
  @Query(() => ReviewRules, { description: 'Which detections are sampled for review' })
  reviewRules(@Ctx() { services, principal }: GraphQLContext): Promise<ReviewRules> {
    return services.reviewRules.get(principal);
  }

  @Authorized('admin')
  @Mutation(() => ReviewRules)
  updateReviewRules(
    @Ctx() { services, principal }: GraphQLContext,
    @Arg('input') input: ReviewRulesInput,
  ): Promise<ReviewRules> {
    return services.reviewRules.update(principal, { ...input });
  }

  @Authorized('reviewer')
  @Query(() => ReviewStats, {
    description: 'Precision, confusion and trend from the verdicts, by detection time',
  })
  reviewStats(
    @Ctx() { services, principal }: GraphQLContext,
    @Arg('labelSet') labelSet: string,
    @Arg('from', () => Date, { nullable: true, description: 'Inclusive' }) from?: Date,
    @Arg('to', () => Date, { nullable: true, description: 'Exclusive' }) to?: Date,
    @Arg('timeZone', { nullable: true, description: "IANA zone of the daily trend; default the server's" })
    timeZone?: string,
  ): Promise<ReviewStats> {
    return services.reviewStats.statistics(principal, {
      labelSet,
      from,
      to,
      timeZone,
    }) as Promise<ReviewStats>;
  }
}

/** Every detection, wherever it is returned, shows its review. */
@Resolver(() => Detection)
export class DetectionReviewResolver {
  @FieldResolver(() => DetectionReview)
  review(@Root() detection: DetectionView): DetectionReview {
    const { reviewerKeyId, ...review } = detection.review;
    return { ...review, reviewer: reviewerKeyId } as DetectionReview;
  }
}

@Resolver(() => DetectedObject)
export class ObjectReviewResolver {
  @FieldResolver(() => ObjectReview, {
    nullable: true,
    description: "The reviewer's verdict; null until reviewed",
  })
  review(@Root() object: ObjectView): ObjectReview | null {
    if (!object.review) return null;
    const { reviewerKeyId, ...review } = object.review;
    return { ...review, reviewer: reviewerKeyId } as ObjectReview;
  }
}
