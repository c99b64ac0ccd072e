import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { ApiKey } from '../keys/types';
import { ApiKeyLimits, ApiKeyLimitsInput, UsageDay } from './types';

@Resolver(() => ApiKey)
export class ApiKeyLimitsResolver {
  @FieldResolver(() => ApiKeyLimits)
  limits(@Root() key: ApiKey, @Ctx() { services, principal }: GraphQLContext): Promise<ApiKeyLimits> {
    return services.keyLimits.describe(principal, key.id);
  }
}

@Resolver()
export class UsageResolver {
  @Authorized()
  @Query(() => [UsageDay], {
    description:
      'Per key per UTC day, oldest first (default: the last 30 days); an app key sees only its own',
  })
  usage(
    @Ctx() { services, principal }: GraphQLContext,
    @Arg('from', { nullable: true, description: 'YYYY-MM-DD' }) from?: string,
    @Arg('to', { nullable: true, description: 'YYYY-MM-DD, included' }) to?: string,
    @Arg('keyId', () => ID, { nullable: true }) keyId?: string,
  ): Promise<UsageDay[]> {
    return services.usage.list(principal, { from, to, keyId });
  }

  @Mutation(() => ApiKeyLimits, { description: "Overrides a key's default limits (admins; audit-logged)" })
  setApiKeyLimits(
    @Ctx() { services, principal }: GraphQLContext,
    @Arg('id', () => ID) id: string,
    @Arg('input') input: ApiKeyLimitsInput,
  ): Promise<ApiKeyLimits> {
    return services.keyLimits.set(principal, id, input);
  }
}
