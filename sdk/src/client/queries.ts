// The GraphQL operations the client sends; DETECTION selects every field of ServerDetection.
const DETECTION = /* GraphQL */ `
  id
  createdAt
  image { sha256 width height }
  objects { classKey label { key zh pinyin category color } score box { x y width height } }
  model { name version precision inputSize }
  labelSet
  labelSetVersion
  timing { queueMs inferenceMs totalMs batchSize }
  executionProvider
`;

export const DETECT = `mutation Detect($input: DetectInput!) { detect(input: $input) { ${DETECTION} } }`;
export const DETECT_BATCH = `mutation DetectBatch($inputs: [DetectInput!]!) { detectBatch(inputs: $inputs) { ${DETECTION} } }`;
export const FLAG = `mutation Flag($id: ID!, $reason: String!) { flagDetection(id: $id, reason: $reason) { ${DETECTION} } }`;
export const HISTORY = `query History($filter: DetectionFilter, $first: Int, $after: String) {
  detections(filter: $filter, first: $first, after: $after) {
    edges { cursor node { ${DETECTION} } }
    pageInfo { hasNextPage endCursor }
  }
}`;
export const DEVICE_BUNDLES = `query DeviceBundles($model: String) {
  deviceBundles(model: $model) {
    model version profile precision inputSize url bytes sha256 modelBytes modelSha256 labelSet labelSetVersion
    measured { imagesPerSecond latencyP50Ms mAP mAP50 provider measuredAt }
  }
}`;
