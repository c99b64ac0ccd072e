import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { Precision } from '../common/precision';
import type { ServingPolicy } from '../common/serving-policy';
import { ModelVersion } from './types';

@Resolver(() => ModelVersion)
export class ModelResolver {
  // From the model repository's manifest, not the database: the policy is the version's, fixed when it was built.
  @FieldResolver()
  servingPolicy(@Root() version: ModelVersion, @Ctx() { services }: GraphQLContext): ServingPolicy | null {
    return services.inference.servingPolicyOf({ model: version.name, version: version.version }) ?? null;
  }

  @Authorized()
  @Query(() => [ModelVersion], { description: 'Every registered version of every model' })
  async modelVersions(@Ctx() { services }: GraphQLContext): Promise<ModelVersion[]> {
    const models = await services.models.listModels();
    return models.flatMap((m) => m.versions) as ModelVersion[];
  }

  @Mutation(() => ModelVersion, { description: 'Makes this version serve its model (also a rollback)' })
  async activateModelVersion(
    @Ctx() { services, principal }: GraphQLContext,
    @Arg('name') name: string,
    @Arg('version') version: string,
  ): Promise<ModelVersion> {
    return (await services.models.activateVersion(principal, name, version)) as ModelVersion;
  }

  @Mutation(() => ModelVersion, {
    description: 'The precision and input size used when a request names none',
  })
  async setDefaultProfile(
    @Ctx() { services, principal }: GraphQLContext,
    @Arg('model') model: string,
    @Arg('precision', () => Precision) precision: Precision,
    @Arg('inputSize', () => Int) inputSize: number,
    @Arg('version', { nullable: true, description: 'Default: the active version' }) version?: string,
  ): Promise<ModelVersion> {
    const target = version ?? (await services.models.resolveServingVersion(model)).version;
    return (await services.models.setDefaultProfile(principal, model, target, {
      precision,
      inputSize,
    })) as ModelVersion;
  }
}
