// The fragment is called here only so codegen finds it: its type (ProfileBenchmarkJobFragment) comes from
// ../generated, and the operations that spread it carry its text.
import { graphql } from '../generated';

graphql(`
  fragment ProfileBenchmarkJob on ProfileBenchmarkJob {
    id
    model
    version
    status
    phase
    message
    error
    createdAt
    startedAt
    finishedAt
    parameters {
      sizes
      precisions
      maxImages
      speedRounds
    }
    progress {
      phase
      message
      at
    }
  }
`);

export const START_PROFILE_BENCHMARK = graphql(`
  mutation StartProfileBenchmark($input: StartProfileBenchmarkInput!) {
    startProfileBenchmark(input: $input) {
      ...ProfileBenchmarkJob
    }
  }
`);

export const CANCEL_PROFILE_BENCHMARK = graphql(`
  mutation CancelProfileBenchmark($id: ID!) {
    cancelProfileBenchmark(id: $id) {
      ...ProfileBenchmarkJob
    }
  }
`);

export const PROFILE_BENCHMARK_JOB = graphql(`
  query ProfileBenchmarkJob($id: ID!) {
    profileBenchmarkJob(id: $id) {
      ...ProfileBenchmarkJob
    }
  }
`);

/** Newest first. */
export const PROFILE_BENCHMARK_JOBS = graphql(`
  query ProfileBenchmarkJobs($first: Int) {
    profileBenchmarkJobs(first: $first) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...ProfileBenchmarkJob
        }
      }
    }
  }
`);
