import { operation } from '../operation';
import type { ModelVersion, Precision, ProfileResult, SchedulerStats } from '../types';

export const MODEL_VERSIONS = operation<{ modelVersions: ModelVersion[] }>(`query ModelVersions {
  modelVersions {
    id name version family labelSet active defaultPrecision defaultInputSize createdAt
    defaultProfileBasis { source provider reason }
    artifacts { precision inputSize sha256 bytes }
  }
}`);

export const MODEL_FAMILIES = operation<{ modelFamilies: string[] }>(`query ModelFamilies { modelFamilies }`);

export const ACTIVATE_MODEL_VERSION = operation<unknown, { name: string; version: string }>(
  `mutation ActivateModelVersion($name: String!, $version: String!) {
    activateModelVersion(name: $name, version: $version) { id active }
  }`,
);

export const SET_DEFAULT_PROFILE = operation<
  unknown,
  { model: string; precision: Precision; inputSize: number }
>(
  `mutation SetDefaultProfile($model: String!, $precision: Precision!, $inputSize: Int!) {
    setDefaultProfile(model: $model, precision: $precision, inputSize: $inputSize) { id }
  }`,
);

export const PROFILE_COMPARISON = operation<{ profileComparison: ProfileResult[] }, { model: string }>(
  `query ProfileComparison($model: String!) {
    profileComparison(model: $model) {
      precision servingPrecision servable inputSize batchSize imagesPerSecond latencyP50Ms latencyP95Ms memoryMB fileBytes
      mAP mAP50 deltaMAP agreement flags provider measuredAt
    }
  }`,
);

export const SCHEDULER_STATS = operation<{ schedulerStats: SchedulerStats }>(`query SchedulerStats {
  schedulerStats {
    accepting memoryBudgetMB sessionsMB activationsMB processRssMB
    artifacts {
      artifact model version precision inputSize state executionProvider
      queueDepthInteractive queueDepthBulk inFlight batchSize batchSizeLimitedBy sessionMB perImageMB
      completed failed batches
      totalMs { count p50 p90 p99 max }
    }
  }
}`);
