// Fragments are called here only so codegen finds them: their types (ReviewableDetectionFragment …) come from
// ../generated, and the operations that spread them carry their text.
import { graphql } from '../generated';

graphql(`
  fragment ShownLabel on Label {
    key
    zh
    color
  }
`);

graphql(`
  fragment ObjectReview on ObjectReview {
    verdict
    reviewer
    at
    correctedLabel {
      ...ShownLabel
    }
  }
`);

graphql(`
  fragment DetectionReview on DetectionReview {
    status
    reasons
    priority
    flagReason
    reviewedAt
    missed {
      label {
        ...ShownLabel
      }
      box {
        ...Box
      }
    }
  }
`);

graphql(`
  fragment ReviewableObject on DetectedObject {
    id
    ...DetectedObject
    review {
      ...ObjectReview
    }
  }
`);

/** A detection as the review queue shows it: objects with their ids and verdicts, and its review. */
graphql(`
  fragment ReviewableDetection on Detection {
    ...Detection
    objects {
      ...ReviewableObject
    }
    review {
      ...DetectionReview
    }
  }
`);

graphql(`
  fragment ReviewRules on ReviewRules {
    enabled
    lowScoreBelow
    borderlineMargin
    watchedClasses
    randomShare
    hourlyCap
    dailyCap
  }
`);

graphql(`
  fragment ConfusionCell on ConfusionCell {
    count
    predicted {
      ...ShownLabel
    }
    actual {
      ...ShownLabel
    }
  }
`);

graphql(`
  fragment ReviewStats on ReviewStats {
    images
    objects
    correct
    missed
    precision
    classes {
      label {
        ...ShownLabel
      }
      predicted
      correct
      wrongLabel
      notObject
      missed
      precision
      recall
    }
    confusion {
      ...ConfusionCell
    }
    mostConfused {
      ...ConfusionCell
    }
    days {
      day
      images
      objects
      correct
      missed
      precision
    }
  }
`);

export const REVIEW_QUEUE = graphql(`
  query ReviewQueue($labelSet: String, $first: Int) {
    reviewQueue(labelSet: $labelSet, first: $first) {
      totalCount
      items {
        ...ReviewableDetection
      }
    }
  }
`);

/** Holds a detection while it is on screen, so other reviewers' queues skip it. */
export const CLAIM_REVIEW = graphql(`
  mutation ClaimReview($detectionId: ID!) {
    claimReview(detectionId: $detectionId) {
      claimedUntil
    }
  }
`);

export const SKIP_REVIEW = graphql(`
  mutation SkipReview($detectionId: ID!) {
    skipReview(detectionId: $detectionId)
  }
`);

export const REVIEW_DETECTION = graphql(`
  mutation ReviewDetection($input: ReviewDetectionInput!) {
    reviewDetection(input: $input) {
      id
      review {
        ...DetectionReview
      }
    }
  }
`);

export const REVIEW_STATS = graphql(`
  query ReviewStats($labelSet: String!, $from: DateTimeISO, $to: DateTimeISO, $timeZone: String) {
    reviewStats(labelSet: $labelSet, from: $from, to: $to, timeZone: $timeZone) {
      ...ReviewStats
    }
  }
`);

export const REVIEW_RULES = graphql(`
  query ReviewRules {
    reviewRules {
      ...ReviewRules
    }
  }
`);

export const UPDATE_REVIEW_RULES = graphql(`
  mutation UpdateReviewRules($input: ReviewRulesInput!) {
    updateReviewRules(input: $input) {
      ...ReviewRules
    }
  }
`);

export const DETECTION_REVIEW = graphql(`
  query DetectionReview($id: ID!) {
    detection(id: $id) {
      objects {
        ...ReviewableObject
      }
      review {
        ...DetectionReview
      }
    }
  }
`);
