// The batch sizes the server chose (and why), from the `schedulerStats` query.
import { GraphQLClient } from './graphql-client';

const SCHEDULER_STATS = /* GraphQL */ `
  query {
    schedulerStats {
      memoryBudgetMB
      artifacts {
        artifact
        batchSize
        batchSizeLimitedBy
        sessionMB
        perImageMB
        completed
        batches
      }
    }
  }
`;

export interface ArtifactBatching {
  artifact: string;
  batchSize: number;
  batchSizeLimitedBy: string;
  sessionMB: number | null;
  perImageMB: number | null;
  completed: number;
  batches: number;
}

export interface SchedulerBatching {
  memoryBudgetMB: number;
  artifacts: ArtifactBatching[];
}

export async function readSchedulerBatching(url: string, apiKey: string): Promise<SchedulerBatching> {
  const client = new GraphQLClient(url, apiKey, 1);
  try {
    const reply = await client.request(SCHEDULER_STATS);
    if (reply.errorCode) throw new Error(`schedulerStats failed: ${reply.errorCode}`);
    return reply.data!.schedulerStats as SchedulerBatching;
  } finally {
    client.close();
  }
}
