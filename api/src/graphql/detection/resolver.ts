import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { Detection, DetectionConnection, DetectionFilter, DetectInput } from './types';
import type { DetectionView } from '../../services/detections';

// DetectionView's precision is the manifest's lower-case string, which is also the Precision enum's value.
const asDetection = (view: DetectionView) => view as unknown as Detection;

@Resolver()
export class DetectionResolver {
  @Mutation(() => Detection, { description: 'Finds objects in one photo; boxes in original-image pixels' })
  async detect(
    @Ctx() { services, principal }: GraphQLContext,
    @Arg('input') input: DetectInput,
  ): Promise<Detection> {
    return asDetection(await services.detect.detect(principal, input));
  }

  @Mutation(() => [Detection], { description: 'Several photos as bulk work: after interactive requests' })
  async detectBatch(
    @Ctx() { services, principal }: GraphQLContext,
    @Arg('inputs', () => [DetectInput]) inputs: DetectInput[],
  ): Promise<Detection[]> {
    return (await services.detect.detectBatch(principal, inputs)).map(asDetection);
  }

  @Authorized()
  @Query(() => Detection)
  async detection(
    @Ctx() { services, principal }: GraphQLContext,
    @Arg('id', () => ID) id: string,
  ): Promise<Detection> {
    return asDetection(await services.detections.get(principal, id));
  }

  @Authorized()
  @Query(() => DetectionConnection, { description: 'Newest first; an app key sees only its own' })
  async detections(
    @Ctx() { services, principal }: GraphQLContext,
    @Arg('filter', () => DetectionFilter, { nullable: true }) filter?: DetectionFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', { nullable: true }) after?: string,
  ): Promise<DetectionConnection> {
    const page = await services.detections.list(principal, filter ?? {}, { first, after });
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: asDetection(e.node) })) };
  }
}
