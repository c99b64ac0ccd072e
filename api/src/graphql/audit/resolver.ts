import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { AuditEntryConnection } from './types';

@Resolver()
export class AuditResolver {
  @Query(() => AuditEntryConnection, { description: 'Admin changes, newest first' })
  auditLog(
    @Ctx() { services, principal }: GraphQLContext,
    @Arg('entity', { nullable: true, description: 'e.g. label:coco80/person' }) entity?: string,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', { nullable: true }) after?: string,
  ): Promise<AuditEntryConnection> {
    return services.audit.list(principal, { entity }, { first, after });
  }
}
