import { operation } from '../operation';
import type { Connection, Detection, Precision } from '../types';

const DETECTION_FIELDS = `
  id createdAt labelSet labelSetVersion executionProvider
  image { sha256 width height }
  objects { score label { key zh color category } box { x y width height } }
  model { name version precision inputSize }
  timing { queueMs inferenceMs totalMs batchSize }`;

export interface DetectInput {
  imageBase64: string;
  model?: string;
  precision?: Precision;
  inputSize?: number;
  minScore?: number;
  maxObjects?: number;
  labelSet?: string;
  sampleForReview?: boolean;
}

export const DETECT = operation<{ detect: Detection }, { input: DetectInput }>(
  `mutation Detect($input: DetectInput!) { detect(input: $input) { ${DETECTION_FIELDS} } }`,
);

export const DETECTION = operation<{ detection: Detection | null }, { id: string }>(
  `query Detection($id: ID!) { detection(id: $id) { ${DETECTION_FIELDS} } }`,
);

export interface DetectionFilter {
  from?: string;
  to?: string;
  labelKey?: string;
  minScore?: number;
  model?: string;
  apiKeyId?: string;
}

export const DETECTIONS = operation<
  { detections: Connection<Detection> },
  { filter?: DetectionFilter; first: number; after?: string }
>(`query Detections($filter: DetectionFilter, $first: Int, $after: String) {
  detections(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { ${DETECTION_FIELDS} } }
  }
}`);
