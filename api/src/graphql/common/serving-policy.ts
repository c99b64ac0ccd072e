import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    "The batching and queue limits a model version's artifacts are served under: its manifest's serving block over the server's configuration (WANSHI_MAX_BATCH_SIZE and the like)",
})
export class ServingPolicy {
  @Field(() => Int, { description: 'Largest batch one run may form' }) maxBatchSize!: number;
  @Field(() => Float, { description: 'How long a batch that is not full waits for more requests' })
  maxQueueDelayMs!: number;
  @Field(() => Int, { description: 'Requests queued at once, of both priorities' }) maxQueueSize!: number;
  @Field(() => Float, { description: 'Share of the queue bulk requests (detectBatch) may not take' })
  interactiveReserve!: number;
  @Field(() => Int, {
    description: 'Interactive requests expected to wait longer to start are refused OVERLOADED',
  })
  maxQueueWaitMs!: number;
  @Field(() => Int, {
    description: 'Bulk requests (detectBatch) expected to wait longer to start are refused OVERLOADED',
  })
  maxBulkQueueWaitMs!: number;
  @Field(() => Int, {
    description: 'A bulk request is served before interactive ones that arrived this much later',
  })
  bulkAgingMs!: number;
}
