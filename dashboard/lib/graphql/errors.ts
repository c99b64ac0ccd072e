// One error type for every failed GraphQL call, whether made from the browser or the Next server.
import { ERROR_CODES } from '@wanshi/sdk';

/** The API's `extensions.code` values: the SDK's list (the one the server's errors are held to), plus the code
 * GraphQL itself gives a document that does not validate. */
export const API_ERROR_CODES = [...ERROR_CODES, 'GRAPHQL_VALIDATION_FAILED'] as const;

/** The API's codes, plus the two failures that happen before the API answers. */
export type ErrorCode = (typeof API_ERROR_CODES)[number] | 'API_UNREACHABLE' | 'UNKNOWN';

const KNOWN_CODES = new Set<string>([...API_ERROR_CODES, 'API_UNREACHABLE']);

export class GraphQLRequestError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'GraphQLRequestError';
  }
}

/** A plain, serialisable form of the error, safe to pass from a server component to a client one. */
export interface RequestFailure {
  code: ErrorCode;
  message: string;
}

export function toFailure(error: unknown): RequestFailure {
  if (error instanceof GraphQLRequestError) return { code: error.code, message: error.message };
  return { code: 'UNKNOWN', message: error instanceof Error ? error.message : String(error) };
}

interface GraphQLResponseBody<TData> {
  data?: TData | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Returns `data` or throws the first error with its code; a body that is not GraphQL becomes UNKNOWN. */
export function unwrapResponse<TData>(status: number, body: unknown): TData {
  const result = body as GraphQLResponseBody<TData> | null;
  const first = result?.errors?.[0];
  if (first) {
    const code = first.extensions?.code;
    throw new GraphQLRequestError(
      code && KNOWN_CODES.has(code) ? (code as ErrorCode) : 'UNKNOWN',
      first.message,
    );
  }
  if (!result?.data) throw new GraphQLRequestError('UNKNOWN', `Unexpected response (HTTP ${status})`);
  return result.data;
}
