import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Precision } from '../common/precision';
import { ServingPolicy } from '../common/serving-policy';

@ObjectType()
export class LatencyPercentiles {
  @Field(() => Int, { description: 'Samples in the sliding window' }) count!: number;
  @Field(() => Float) p50!: number;
  @Field(() => Float) p90!: number;
  @Field(() => Float) p99!: number;
  @Field(() => Float) max!: number;
}

@ObjectType({ description: 'One loaded (or loadable) artifact: its queue, batching and memory' })
export class ArtifactSchedulerStats {
  @Field({ description: 'model@version/precision/inputSize' }) artifact!: string;
  @Field() model!: string;
  @Field() version!: string;
  @Field(() => Precision) precision!: Precision;
  @Field(() => Int) inputSize!: number;
  @Field({ description: 'unloaded, loading, ready or unloading' }) state!: string;
  @Field() executionProvider!: string;
  @Field(() => Int) queueDepthInteractive!: number;
  @Field(() => Int) queueDepthBulk!: number;
  @Field(() => Int) inFlight!: number;
  @Field(() => Int, { description: 'Largest batch the next run may form' }) batchSize!: number;
  @Field({ description: 'serving-policy (its maxBatchSize), memory-budget or out-of-memory' })
  batchSizeLimitedBy!: string;
  @Field(() => Float, { nullable: true }) sessionMB!: number | null;
  @Field(() => Float, { nullable: true }) perImageMB!: number | null;
  @Field(() => Int) completed!: number;
  @Field(() => Int) failed!: number;
  @Field(() => Int) batches!: number;
  @Field(() => LatencyPercentiles) queueMs!: LatencyPercentiles;
  @Field(() => LatencyPercentiles) inferenceMs!: LatencyPercentiles;
  @Field(() => LatencyPercentiles) totalMs!: LatencyPercentiles;
  @Field(() => ServingPolicy, { description: 'The limits this artifact is served under now' })
  servingPolicy!: ServingPolicy;
}

@ObjectType()
export class SchedulerStats {
  @Field() accepting!: boolean;
  @Field(() => Float) memoryBudgetMB!: number;
  @Field(() => Float) sessionsMB!: number;
  @Field(() => Float) activationsMB!: number;
  @Field(() => Float) processRssMB!: number;
  @Field(() => [ArtifactSchedulerStats]) artifacts!: ArtifactSchedulerStats[];
}
