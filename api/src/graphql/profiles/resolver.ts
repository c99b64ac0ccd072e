import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../context';
import {
  ProfileBenchmarkJob,
  ProfileBenchmarkJobConnection,
  ProfileResult,
  StartProfileBenchmarkInput,
} from './types';

// Service views match these types field for field (precision strings, lower-case statuses).
@Resolver()
export class ProfileBenchmarkResolver {
  @Query(() => [ProfileResult], {
    description: "The latest result of each profile at each input size, for the model's active version",
  })
  async profileComparison(@Ctx() { services, principal }: GraphQLContext, @Arg('model') model: string) {
    return (await services.profileComparison.latest(principal, model)) as ProfileResult[];
  }

  @Mutation(() => ProfileBenchmarkJob, {
    description: 'Builds missing profile artifacts and measures them, in the background; one job at a time',
  })
  async startProfileBenchmark(
    @Ctx() { services, principal }: GraphQLContext,
    @Arg('input') input: StartProfileBenchmarkInput,
  ) {
    return (await services.profileJobs.start(principal, input)) as ProfileBenchmarkJob;
  }

  @Mutation(() => ProfileBenchmarkJob, {
    description:
      'Stops a queued or running benchmark (admin): it ends CANCELLED, keeps no results, and the next can start; ' +
      'CONFLICT once it has finished',
  })
  async cancelProfileBenchmark(
    @Ctx() { services, principal }: GraphQLContext,
    @Arg('id', () => ID) id: string,
  ) {
    return (await services.profileJobs.cancel(principal, id)) as ProfileBenchmarkJob;
  }

  @Query(() => ProfileBenchmarkJob)
  async profileBenchmarkJob(@Ctx() { services, principal }: GraphQLContext, @Arg('id', () => ID) id: string) {
    return (await services.profileJobs.get(principal, id)) as ProfileBenchmarkJob;
  }

  @Query(() => ProfileBenchmarkJobConnection, { description: 'Newest first' })
  async profileBenchmarkJobs(
    @Ctx() { services, principal }: GraphQLContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', { nullable: true }) after?: string,
  ) {
    return services.profileJobs.list(principal, { first, after }) as Promise<ProfileBenchmarkJobConnection>;
  }
}

@Resolver(() => ProfileResult)
export class ProfileResultResolver {
  @FieldResolver(() => Boolean, {
    description:
      'Whether detect with servingPrecision and inputSize runs this very artifact (fp16-storage does not where an ' +
      'fp16 artifact of the same size exists)',
  })
  servable(@Ctx() { services }: GraphQLContext, @Root() result: ProfileResult): boolean {
    return services.profileComparison.isServed(result);
  }
}
