// Every error a client sees carries a stable `extensions.code`; anything unexpected is logged and masked.
// Outside development, replies never echo the caller's input (a detect can carry megabytes of base64) nor a
// stack trace with server paths: only the code, a short message and our own `details`.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isDatabaseUnavailable, UNAVAILABLE_RETRY_AFTER_MS } from '../db/unavailable';

import { ERROR_CODES } from '../../../sdk/src/client/codes';

export { ERROR_CODES, type ErrorCode } from '../../../sdk/src/client/codes';

/** Apollo and graphql-js codes that already mean "the request was malformed". */
const CLIENT_REQUEST_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST']);

/** Longer quoted strings in a message are the caller's values (graphql-js quotes them whole): cut them out. */
const LONG_QUOTED = /"(?:[^"\\]|\\.){48,}"/g;
const MAX_MESSAGE_CHARS = 500;

export interface ErrorFormatOptions {
  /** Development mode (NODE_ENV=development): replies keep Apollo's stack trace, for debugging. */
  development: boolean;
}

interface CodedError {
  code: string;
  message: string;
  retryAfterMs?: number;
  /** A finer, stable cause within the code (e.g. a model import's NOT_ONNX), as `extensions.reason`. */
  reason?: string;
  details?: unknown;
}

interface ValidationFailure {
  property?: unknown;
  constraints?: unknown;
  children?: unknown;
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

/** Shortens a message that quotes the caller's values, e.g. `Variable "$i" got invalid value { imageBase64: "…` */
export function withoutEchoedInput(message: string): string {
  const cut = message.replace(LONG_QUOTED, '"…"');
  return cut.length > MAX_MESSAGE_CHARS ? `${cut.slice(0, MAX_MESSAGE_CHARS)}…` : cut;
}

/**
 * class-validator's failures as type-graphql reports them carry `target` (the whole input, image included) and
 * `value`; clients need only which field broke which rule.
 */
export function validationSummary(failures: unknown): unknown {
  if (!Array.isArray(failures)) return undefined;
  return failures.map((failure: ValidationFailure) => {
    const children = validationSummary(failure.children) as unknown[] | undefined;
    return {
      property: failure.property,
      ...(failure.constraints ? { constraints: failure.constraints } : {}),
      ...(children && children.length > 0 ? { children } : {}),
    };
  });
}

/** The reply for a client error that graphql-js, Apollo or type-graphql made (not one of our coded errors). */
const OWN_EXTENSIONS = ['details', 'reason', 'retryAfterMs'] as const;

function clientError(formatted: GraphQLFormattedError, code: string): GraphQLFormattedError {
  const extensions: Record<string, unknown> = { code };
  const failures = validationSummary(formatted.extensions?.validationErrors);
  if (failures) extensions.validationErrors = failures;
  // What our own checks add (the operation limits' { limit, max, actual }) is ours, never the caller's input.
  for (const key of OWN_EXTENSIONS) {
    if (formatted.extensions?.[key] !== undefined) extensions[key] = formatted.extensions[key];
  }
  return {
    message: withoutEchoedInput(formatted.message),
    path: formatted.path,
    locations: formatted.locations,
    extensions,
  };
}

export function createErrorFormatter(options: ErrorFormatOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError =>
    options.development ? developmentError(formatted, error) : formatError(formatted, error);
}

function developmentError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const masked = formatError(formatted, error);
  const stacktrace = formatted.extensions?.stacktrace;
  return stacktrace ? { ...masked, extensions: { ...masked.extensions, stacktrace } } : masked;
}

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const existing = formatted.extensions?.code;
  if (typeof existing === 'string' && CLIENT_REQUEST_CODES.has(existing))
    return clientError(formatted, existing);
  // type-graphql's validation and authentication errors already carry our codes.
  if (existing === 'BAD_USER_INPUT' || existing === 'UNAUTHENTICATED')
    return clientError(formatted, existing);

  const original = error instanceof GraphQLError ? error.originalError : error;
  const coded = codedCause(original);
  if (coded) {
    const extensions: Record<string, unknown> = { code: coded.code };
    if (coded.retryAfterMs !== undefined) extensions.retryAfterMs = coded.retryAfterMs;
    if (typeof coded.reason === 'string') extensions.reason = coded.reason;
    if (coded.details !== undefined) extensions.details = coded.details;
    return { message: coded.message, path: formatted.path, locations: formatted.locations, extensions };
  }
  if (isDatabaseUnavailable(original)) {
    return {
      message: 'The database is unreachable; nothing was written. Retry shortly.',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'UNAVAILABLE', retryAfterMs: UNAVAILABLE_RETRY_AFTER_MS },
    };
  }
  console.error('[graphql] unexpected error', original);
  return {
    message: 'Internal server error',
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
