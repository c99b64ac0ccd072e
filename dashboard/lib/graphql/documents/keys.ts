import { operation } from '../operation';
import type { ApiKey, ApiKeyWithLimits, CreatedApiKey, Role, UsageDay } from '../types';

const API_KEY_FIELDS = 'id name prefix role createdAt lastUsedAt revokedAt';

export const ME = operation<{ me: ApiKey }>(`query Me { me { ${API_KEY_FIELDS} } }`);

export const API_KEYS = operation<{ apiKeys: ApiKeyWithLimits[] }>(
  `query ApiKeys { apiKeys { ${API_KEY_FIELDS} limits { effective { requestsPerSecond burst imagesPerDay } } } }`,
);

export const USAGE = operation<{ usage: UsageDay[] }, { from: string; to: string }>(
  `query Usage($from: String, $to: String) {
    usage(from: $from, to: $to) { keyId keyName day detections images objects errors rateLimited }
  }`,
);

export const CREATE_API_KEY = operation<
  { createApiKey: CreatedApiKey },
  { input: { name: string; role: Role } }
>(`mutation CreateApiKey($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { secret apiKey { ${API_KEY_FIELDS} } }
}`);

export const REVOKE_API_KEY = operation<{ revokeApiKey: ApiKey }, { id: string }>(
  `mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) { ${API_KEY_FIELDS} } }`,
);
