// Fragments are called here only so codegen finds them: their types (LabelFragment …) come from ../generated,
// and the operations that spread them carry their text.
import { graphql } from '../generated';

graphql(`
  fragment Label on Label {
    key
    zh
    aliases
    pinyin
    category
    color
    enabled
    minScore
    nameSource
    classes
    categories
  }
`);

graphql(`
  fragment LabelSetSummary on LabelSetSummary {
    key
    name
    latestVersion
    hasDraft
  }
`);

graphql(`
  fragment LabelSetVersion on LabelSetVersion {
    labelSet
    version
    status
    publishedAt
    labels {
      ...Label
    }
  }
`);

graphql(`
  fragment LabelCategory on LabelCategory {
    name
    level
    coarse
  }
`);

graphql(`
  fragment LabelChange on LabelChange {
    key
    change
    before {
      ...Label
    }
    after {
      ...Label
    }
  }
`);

graphql(`
  fragment AuditEntry on AuditEntry {
    id
    actorKeyId
    action
    entity
    before
    after
    at
  }
`);

export const LABEL_SETS = graphql(`
  query LabelSets {
    labelSets {
      ...LabelSetSummary
    }
  }
`);

export const LABEL_SET = graphql(`
  query LabelSet($key: String!, $version: Int, $draft: Boolean) {
    labelSet(key: $key, version: $version, draft: $draft) {
      ...LabelSetVersion
    }
  }
`);

export const LABEL_CATEGORIES = graphql(`
  query LabelCategories {
    labelCategories {
      ...LabelCategory
    }
  }
`);

export const LABEL_SET_DIFF = graphql(`
  query LabelSetDiff($key: String!) {
    labelSetDiff(key: $key) {
      ...LabelChange
    }
  }
`);

export const CREATE_LABEL_SET = graphql(`
  mutation CreateLabelSet($input: CreateLabelSetInput!) {
    createLabelSet(input: $input) {
      ...LabelSetSummary
    }
  }
`);

export const ADD_LABEL = graphql(`
  mutation AddLabel($input: AddLabelInput!) {
    addLabel(input: $input) {
      key
    }
  }
`);

export const UPDATE_LABEL = graphql(`
  mutation UpdateLabel($input: UpdateLabelInput!) {
    updateLabel(input: $input) {
      key
    }
  }
`);

export const PUBLISH_LABEL_SET = graphql(`
  mutation PublishLabelSet($key: String!) {
    publishLabelSet(key: $key) {
      version
    }
  }
`);

export const AUDIT_LOG = graphql(`
  query AuditLog($first: Int) {
    auditLog(first: $first) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...AuditEntry
        }
      }
    }
  }
`);
