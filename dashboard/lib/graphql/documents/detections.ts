// Fragments are called here only so codegen finds them: their types (DetectionFragment …) come from ../generated,
// and the operations that spread them carry their text.
import { graphql } from '../generated';

graphql(`
  fragment Box on Box {
    x
    y
    width
    height
  }
`);

graphql(`
  fragment DetectedObject on DetectedObject {
    score
    label {
      key
      zh
      color
      category
    }
    box {
      ...Box
    }
  }
`);

graphql(`
  fragment Detection on Detection {
    id
    createdAt
    labelSet
    labelSetVersion
    executionProvider
    image {
      sha256
      width
      height
    }
    objects {
      ...DetectedObject
    }
    model {
      name
      version
      precision
      inputSize
    }
    timing {
      queueMs
      inferenceMs
      totalMs
      batchSize
    }
  }
`);

export const DETECT = graphql(`
  mutation Detect($input: DetectInput!) {
    detect(input: $input) {
      ...Detection
    }
  }
`);

export const DETECTION = graphql(`
  query Detection($id: ID!) {
    detection(id: $id) {
      ...Detection
    }
  }
`);

export const DETECTIONS = graphql(`
  query Detections($filter: DetectionFilter, $first: Int, $after: String) {
    detections(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...Detection
        }
      }
    }
  }
`);
