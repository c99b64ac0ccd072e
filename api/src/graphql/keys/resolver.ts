import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { ApiKey, CreateApiKeyInput, CreatedApiKey } from './types';

@Resolver()
export class ApiKeyResolver {
  @Authorized()
  @Query(() => ApiKey, { description: 'The key making this request' })
  async me(@Ctx() { services, principal }: GraphQLContext): Promise<ApiKey> {
    return (await services.keys.describe(principal)) as ApiKey;
  }

  @Query(() => [ApiKey])
  async apiKeys(@Ctx() { services, principal }: GraphQLContext): Promise<ApiKey[]> {
    return (await services.keys.list(principal)) as ApiKey[];
  }

  @Mutation(() => CreatedApiKey, { description: 'The secret is in the answer only: store it now' })
  async createApiKey(
    @Ctx() { services, principal }: GraphQLContext,
    @Arg('input') input: CreateApiKeyInput,
  ): Promise<CreatedApiKey> {
    return (await services.keys.create(principal, input)) as CreatedApiKey;
  }

  @Mutation(() => ApiKey)
  async revokeApiKey(
    @Ctx() { services, principal }: GraphQLContext,
    @Arg('id', () => ID) id: string,
  ): Promise<ApiKey> {
    return (await services.keys.revoke(principal, id)) as ApiKey;
  }
}
