import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context';
import type { Precision } from '../common/precision';
import { SchedulerStats } from './types';

const MB = 1024 * 1024;

@Resolver()
export class SystemResolver {
  @Authorized('reviewer')
  @Query(() => SchedulerStats, { description: 'What the inference scheduler is doing now' })
  schedulerStats(@Ctx() { services }: GraphQLContext): SchedulerStats {
    const { accepting, memory, artifacts } = services.inference.stats();
    return {
      accepting,
      memoryBudgetMB: memory.budgetMB,
      sessionsMB: memory.sessionsMB,
      activationsMB: memory.activationsMB,
      processRssMB: process.memoryUsage.rss() / MB,
      artifacts: artifacts.map((a) => ({
        artifact: a.artifact,
        model: a.key.model,
        version: a.key.version,
        precision: a.key.precision as Precision,
        inputSize: a.key.inputSize,
        state: a.state,
        executionProvider: services.inference.providerOf(a.key),
        queueDepthInteractive: a.queueDepth.interactive,
        queueDepthBulk: a.queueDepth.bulk,
        inFlight: a.inFlight,
        batchSize: a.batchSize,
        batchSizeLimitedBy: a.batchSizeLimitedBy,
        sessionMB: a.memory?.sessionMB ?? null,
        perImageMB: a.memory?.perImageMB ?? null,
        completed: a.completed,
        failed: a.failed,
        batches: a.batches,
        queueMs: a.latencyMs.queueMs,
        inferenceMs: a.latencyMs.inferenceMs,
        totalMs: a.latencyMs.totalMs,
        servingPolicy: a.policy,
      })),
    };
  }
}
