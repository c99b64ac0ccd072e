// Fragments are called here only so codegen finds them: their types (ModelVersionFragment …) come from
// ../generated, and the operations that spread them carry their text.
import { graphql } from '../generated';

graphql(`
  fragment ModelVersion on ModelVersion {
    id
    name
    version
    family
    labelSet
    active
    defaultPrecision
    defaultInputSize
    createdAt
    defaultProfileBasis {
      source
      provider
      reason
    }
    artifacts {
      precision
      inputSize
      sha256
      bytes
    }
  }
`);

graphql(`
  fragment ProfileResult on ProfileResult {
    precision
    servingPrecision
    servable
    inputSize
    batchSize
    imagesPerSecond
    latencyP50Ms
    latencyP95Ms
    memoryMB
    fileBytes
    mAP
    mAP50
    deltaMAP
    agreement
    flags
    provider
    measuredAt
  }
`);

graphql(`
  fragment LatencyPercentiles on LatencyPercentiles {
    count
    p50
    p90
    p99
    max
  }
`);

graphql(`
  fragment ArtifactStats on ArtifactSchedulerStats {
    artifact
    model
    version
    precision
    inputSize
    state
    executionProvider
    queueDepthInteractive
    queueDepthBulk
    inFlight
    batchSize
    batchSizeLimitedBy
    sessionMB
    perImageMB
    completed
    failed
    batches
    totalMs {
      ...LatencyPercentiles
    }
  }
`);

graphql(`
  fragment SchedulerStats on SchedulerStats {
    accepting
    memoryBudgetMB
    sessionsMB
    activationsMB
    processRssMB
    artifacts {
      ...ArtifactStats
    }
  }
`);

export const MODEL_VERSIONS = graphql(`
  query ModelVersions {
    modelVersions {
      ...ModelVersion
    }
  }
`);

export const MODEL_FAMILIES = graphql(`
  query ModelFamilies {
    modelFamilies
  }
`);

export const ACTIVATE_MODEL_VERSION = graphql(`
  mutation ActivateModelVersion($name: String!, $version: String!) {
    activateModelVersion(name: $name, version: $version) {
      id
      active
    }
  }
`);

export const SET_DEFAULT_PROFILE = graphql(`
  mutation SetDefaultProfile($model: String!, $precision: Precision!, $inputSize: Int!) {
    setDefaultProfile(model: $model, precision: $precision, inputSize: $inputSize) {
      id
    }
  }
`);

export const PROFILE_COMPARISON = graphql(`
  query ProfileComparison($model: String!) {
    profileComparison(model: $model) {
      ...ProfileResult
    }
  }
`);

export const SCHEDULER_STATS = graphql(`
  query SchedulerStats {
    schedulerStats {
      ...SchedulerStats
    }
  }
`);
