// Every error a client sees carries a stable `extensions.code`; anything unexpected is logged and masked.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'OVERLOADED',
  'DEADLINE_EXCEEDED',
  'SHUTTING_DOWN',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Apollo and graphql-js codes that already mean "the request was malformed". */
const CLIENT_REQUEST_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST']);

interface CodedError {
  code: string;
  message: string;
  retryAfterMs?: number;
  /** A finer, stable cause within the code (e.g. a model import's NOT_ONNX), as `extensions.reason`. */
  reason?: string;
  details?: unknown;
}

function codedCause(error: unknown): CodedError | undefined {
  let current = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const candidate = current as Partial<CodedError> & { originalError?: unknown };
    if (typeof candidate.code === 'string' && (ERROR_CODES as readonly string[]).includes(candidate.code)) {
      return candidate as CodedError;
    }
    current = candidate.originalError;
  }
  return undefined;
}

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const existing = formatted.extensions?.code;
  if (typeof existing === 'string' && CLIENT_REQUEST_CODES.has(existing)) return formatted;
  // type-graphql's validation and authentication errors already carry our codes.
  if (existing === 'BAD_USER_INPUT' || existing === 'UNAUTHENTICATED') return formatted;
  // type-graphql's @Authorized says UNAUTHORIZED for a known key with the wrong role: that is FORBIDDEN.
  if (existing === 'UNAUTHORIZED') return { ...formatted, extensions: { ...formatted.extensions, code: 'FORBIDDEN' } };

  const original = error instanceof GraphQLError ? error.originalError : error;
  const coded = codedCause(original);
  if (coded) {
    const extensions: Record<string, unknown> = { code: coded.code };
    if (coded.retryAfterMs !== undefined) extensions.retryAfterMs = coded.retryAfterMs;
    if (typeof coded.reason === 'string') extensions.reason = coded.reason;
    if (coded.details !== undefined) extensions.details = coded.details;
    return { message: coded.message, path: formatted.path, locations: formatted.locations, extensions };
  }
  console.error('[graphql] unexpected error', original);
  return {
    message: 'Internal server error',
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
