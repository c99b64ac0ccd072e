import { operation } from '../operation';
import type { Connection, ProfileBenchmarkJob, StartProfileBenchmarkInput } from '../types';

const JOB_FIELDS = `id model version status phase message error createdAt startedAt finishedAt
  parameters { sizes precisions maxImages speedRounds }
  progress { phase message at }`;

export const START_PROFILE_BENCHMARK = operation<
  { startProfileBenchmark: ProfileBenchmarkJob },
  { input: StartProfileBenchmarkInput }
>(
  `mutation StartProfileBenchmark($input: StartProfileBenchmarkInput!) {
    startProfileBenchmark(input: $input) { ${JOB_FIELDS} }
  }`,
);

export const CANCEL_PROFILE_BENCHMARK = operation<
  { cancelProfileBenchmark: ProfileBenchmarkJob },
  { id: string }
>(
  `mutation CancelProfileBenchmark($id: ID!) {
    cancelProfileBenchmark(id: $id) { ${JOB_FIELDS} }
  }`,
);

export const PROFILE_BENCHMARK_JOB = operation<{ profileBenchmarkJob: ProfileBenchmarkJob }, { id: string }>(
  `query ProfileBenchmarkJob($id: ID!) {
    profileBenchmarkJob(id: $id) { ${JOB_FIELDS} }
  }`,
);

/** Newest first. */
export const PROFILE_BENCHMARK_JOBS = operation<
  { profileBenchmarkJobs: Connection<ProfileBenchmarkJob> },
  { first: number }
>(
  `query ProfileBenchmarkJobs($first: Int) {
    profileBenchmarkJobs(first: $first) { edges { cursor node { ${JOB_FIELDS} } } pageInfo { hasNextPage endCursor } totalCount }
  }`,
);
