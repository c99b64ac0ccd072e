import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { BundleMeasurement, DeviceBundle } from './types';

@Resolver()
export class DeviceBundleResolver {
  @Query(() => [DeviceBundle], {
    description:
      "Every device bundle of the model's active version (default: the default model), with the server's measurements",
  })
  async deviceBundles(
    @Ctx() { services, principal }: GraphQLContext,
    @Arg('model', () => String, { nullable: true }) model?: string | null,
  ): Promise<DeviceBundle[]> {
    const bundles = await services.bundles.list(principal, model ?? undefined);
    const results = bundles.length ? await services.profileComparison.latestOf(bundles[0].model) : [];
    return bundles.map((bundle) => {
      const result = results.find((r) => r.precision === bundle.profile && r.inputSize === bundle.inputSize);
      const measured: BundleMeasurement | null = result
        ? {
            imagesPerSecond: result.imagesPerSecond,
            latencyP50Ms: result.latencyP50Ms,
            mAP: result.mAP,
            mAP50: result.mAP50,
            provider: result.provider,
            measuredAt: result.measuredAt,
          }
        : null;
      return { ...bundle, url: `/bundles/${bundle.file}`, measured };
    });
  }
}
