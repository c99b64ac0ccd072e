// The composition root: every service the GraphQL layer and the HTTP routes call, built once per server.
import type { Config } from '../config';
import type { Database } from '../db';
import { BundleService } from '../bundles/bundle-service';
import { AuthFailureThrottle } from '../limits/auth-throttle';
import { KeyLimitService } from '../limits/key-limits-service';
import { KeyRateLimits } from '../limits/key-rate-limits';
import { Metering } from '../limits/metering';
import { RequestGate } from '../limits/request-gate';
import { memoryLimiters, postgresLimiters } from '../limits/store';
import { UsageRecorder } from '../limits/usage-recorder';
import { UsageService } from '../limits/usage-service';
import { ModelImportService } from '../model-import/import-service';
import { DetectPipeline } from '../pipelines/detect';
import { ProfileComparisonService } from '../profile-jobs/comparison';
import { ProfileJobService } from '../profile-jobs/job-service';
import { ReviewExportService } from '../review/export/export-service';
import { ReviewService } from '../review/review-service';
import { ReviewRulesService } from '../review/rules-service';
import { ReviewSampler } from '../review/sampler';
import { ReviewStatsService } from '../review/stats-service';
import { AuditService } from '../services/audit';
import { DetectionService } from '../services/detections';
import { ApiKeyService } from '../services/keys';
import { LabelService } from '../services/labels';
import { ModelService } from '../services/models';
import type { InferenceService } from '../serving/inference-service';
import type { ModelRepository } from '../serving/model-repository';
import type { ImageStore } from '../storage';

export interface Services {
  labels: LabelService;
  models: ModelService;
  modelImport: ModelImportService;
  keys: ApiKeyService;
  audit: AuditService;
  detections: DetectionService;
  detect: DetectPipeline;
  inference: InferenceService;
  images: ImageStore;
  reviews: ReviewService;
  reviewRules: ReviewRulesService;
  reviewStats: ReviewStatsService;
  reviewExport: ReviewExportService;
  profileJobs: ProfileJobService;
  profileComparison: ProfileComparisonService;
  keyLimits: KeyLimitService;
  usage: UsageService;
  /** Counts in memory between writes: close() it at shutdown so the last counts are kept. */
  usageRecorder: UsageRecorder;
  requestGate: RequestGate;
  bundles: BundleService;
}

export function createServices(
  config: Config,
  db: Database,
  inference: InferenceService,
  images: ImageStore,
  repository: ModelRepository,
): Services {
  const { prisma } = db;
  const labels = new LabelService(prisma);
  const models = new ModelService(prisma);
  const detections = new DetectionService(prisma);
  const reviewRules = new ReviewRulesService(prisma);
  const reviewSampler = new ReviewSampler(prisma, reviewRules);
  const keys = new ApiKeyService(prisma);
  // One process on PGlite: counters in memory; PostgreSQL may have replicas, which must share them.
  const makeLimiter = db.kind === 'postgres' ? postgresLimiters(prisma) : memoryLimiters();
  const keyLimits = new KeyLimitService(prisma, config.keyLimits.defaults);
  const usageRecorder = new UsageRecorder(prisma);
  const metering = new Metering(keyLimits, new KeyRateLimits(makeLimiter), usageRecorder);
  const authThrottle = new AuthFailureThrottle(
    makeLimiter,
    config.keyLimits.authFailuresPerMinute,
    config.keyLimits.authFailureBlockSeconds,
  );
  return {
    labels,
    models,
    keys,
    modelImport: new ModelImportService({ prisma, models, labels, repository, config }),
    audit: new AuditService(prisma),
    detections,
    detect: new DetectPipeline({
      limits: config.limits,
      models,
      labels,
      detections,
      reviewSampler,
      inference,
      images,
      metering,
    }),
    inference,
    images,
    reviews: new ReviewService(prisma, detections, labels, config.review),
    reviewRules,
    reviewStats: new ReviewStatsService(prisma, labels),
    reviewExport: new ReviewExportService(prisma, labels, images),
    profileJobs: new ProfileJobService({ prisma, models, repository, config }),
    profileComparison: new ProfileComparisonService(prisma, models, repository),
    keyLimits,
    usage: new UsageService(prisma, usageRecorder),
    usageRecorder,
    requestGate: new RequestGate(keys, authThrottle, metering, config.keyLimits.trustProxy),
    bundles: new BundleService({ models, labels, repository, dir: config.bundles.dir }),
  };
}
