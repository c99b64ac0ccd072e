// The domain services over one Prisma client. Each takes the client and throws DomainErrors (./errors).
import type { PrismaClient } from '../db/client';
import { AuditService } from './audit';
import { DetectionService } from './detections';
import { ApiKeyService } from './keys';
import { LabelService } from './labels';
import { ModelService } from './models';

export interface Services {
  labels: LabelService;
  models: ModelService;
  keys: ApiKeyService;
  detections: DetectionService;
  audit: AuditService;
}

export function createServices(prisma: PrismaClient): Services {
  return {
    labels: new LabelService(prisma),
    models: new ModelService(prisma),
    keys: new ApiKeyService(prisma),
    detections: new DetectionService(prisma),
    audit: new AuditService(prisma),
  };
}

export * from './errors';
export type { Connection, Edge, PageArgs } from './pagination';
export type { AuditEntryView, AuditFilter } from './audit';
export type { DetectionFilter, DetectionView, RecordDetectionInput } from './detections';
export { ensureAdminKey, type AdminKeyBootstrap, type ApiKeyView, type CreatedApiKey } from './keys';
export type { LabelChange, LabelMap, LabelSetSummary, LabelSetVersionView, LabelView } from './labels';
export type { ModelVersionView, ModelView } from './models';
