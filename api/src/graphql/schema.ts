import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from './context';
import { AuditResolver } from './audit/resolver';
import { DeviceBundleResolver } from './bundles/resolver';
import { DetectionResolver } from './detection/resolver';
import { ApiKeyResolver } from './keys/resolver';
import { LabelResolver } from './labels/resolver';
import { ApiKeyLimitsResolver, UsageResolver } from './limits/resolver';
import { ModelImportResolver } from './models/import';
import { ModelResolver } from './models/resolver';
import { ProfileBenchmarkResolver, ProfileResultResolver } from './profiles/resolver';
import { DetectionReviewResolver, ObjectReviewResolver, ReviewResolver } from './review/resolver';
import { SystemResolver } from './system/resolver';

export function buildWanshiSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [
      DetectionResolver,
      LabelResolver,
      ModelResolver,
      ModelImportResolver,
      ApiKeyResolver,
      AuditResolver,
      SystemResolver,
      ReviewResolver,
      DetectionReviewResolver,
      ObjectReviewResolver,
      ProfileBenchmarkResolver,
      ProfileResultResolver,
      ApiKeyLimitsResolver,
      UsageResolver,
      DeviceBundleResolver,
    ],
    authChecker,
    // Validation comes from class-validator decorators on inputs; services validate again with zod.
    validate: { forbidUnknownValues: false },
  });
}
