// Fragments are called here only so codegen finds them: their types (ApiKeyFragment …) come from ../generated,
// and the operations that spread them carry their text.
import { graphql } from '../generated';

graphql(`
  fragment ApiKey on ApiKey {
    id
    name
    prefix
    role
    createdAt
    lastUsedAt
    revokedAt
  }
`);

/** 0 in any field: unlimited. */
graphql(`
  fragment KeyLimits on KeyLimits {
    requestsPerSecond
    burst
    imagesPerDay
  }
`);

graphql(`
  fragment ApiKeyWithLimits on ApiKey {
    ...ApiKey
    limits {
      effective {
        ...KeyLimits
      }
    }
  }
`);

graphql(`
  fragment UsageDay on UsageDay {
    keyId
    keyName
    day
    detections
    images
    objects
    errors
    rateLimited
  }
`);

graphql(`
  fragment CreatedApiKey on CreatedApiKey {
    secret
    apiKey {
      ...ApiKey
    }
  }
`);

export const ME = graphql(`
  query Me {
    me {
      ...ApiKey
    }
  }
`);

export const API_KEYS = graphql(`
  query ApiKeys {
    apiKeys {
      ...ApiKeyWithLimits
    }
  }
`);

export const USAGE = graphql(`
  query Usage($from: String, $to: String) {
    usage(from: $from, to: $to) {
      ...UsageDay
    }
  }
`);

export const CREATE_API_KEY = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      ...CreatedApiKey
    }
  }
`);

export const REVOKE_API_KEY = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      ...ApiKey
    }
  }
`);
