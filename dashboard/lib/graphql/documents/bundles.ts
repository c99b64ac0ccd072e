import { graphql } from '../generated';

/** The device bundles of a model (the default one when none is named), for the 端侧体验 page. */
export const DEVICE_BUNDLES = graphql(`
  query DeviceBundles($model: String) {
    deviceBundles(model: $model) {
      model
      version
      profile
      precision
      inputSize
      url
      bytes
      sha256
      modelBytes
      modelSha256
      labelSet
      labelSetVersion
      measured {
        imagesPerSecond
        latencyP50Ms
        mAP
        mAP50
        provider
        measuredAt
      }
    }
  }
`);
