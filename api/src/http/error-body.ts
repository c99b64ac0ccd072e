// The one way the HTTP edge answers an error: the GraphQL codes (api/src/graphql/errors.ts formats any thrown
// error into one) with the HTTP status that goes with each (status.ts). Every route but /graphql answers
// `{ error: { code, message, …details } }`; /graphql answers as GraphQL does, `{ errors: [{ message,
// extensions }] }`, so a client's GraphQL library reads a refusal at the door like any other error.
import type { ServerResponse } from 'node:http';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { formatError, type ErrorCode } from '../graphql/errors';
import { HTTP_STATUS } from './status';

export type ErrorShape = 'rest' | 'graphql';

/** Which error extensions go into the REST error body besides code and message. */
const PASSED_ON = ['retryAfterMs', 'reason', 'details', 'validationErrors'] as const;

/** Any thrown error as the GraphQL replies format it: our coded errors keep their code, the rest is masked. */
const formatted = (error: unknown): GraphQLFormattedError =>
  formatError(error instanceof GraphQLError ? error.toJSON() : { message: String(error) }, error);

function codeOf(error: GraphQLFormattedError): ErrorCode {
  return (error.extensions?.code as ErrorCode | undefined) ?? 'INTERNAL_SERVER_ERROR';
}

/** The status for a formatted error: its code's, except a body or photo over a byte cap, 413. */
function statusOf(error: GraphQLFormattedError): number {
  const tooLarge = (error.extensions?.details as { limitBytes?: number } | undefined)?.limitBytes;
  return tooLarge !== undefined ? 413 : (HTTP_STATUS[codeOf(error)] ?? 500);
}

function restBody(error: GraphQLFormattedError): { error: Record<string, unknown> } {
  const body: Record<string, unknown> = { code: codeOf(error), message: error.message };
  for (const key of PASSED_ON) {
    if (error.extensions?.[key] !== undefined) body[key] = error.extensions[key];
  }
  return { error: body };
}

export interface ErrorOptions {
  shape?: ErrorShape;
  /** Where HTTP has a more exact status than the code's (405, 415). */
  status?: number;
}

/** Answers a thrown error in the route's shape. */
export function sendError(res: ServerResponse, error: unknown, options: ErrorOptions = {}): void {
  sendFormattedError(res, formatted(error), options);
}

/** Answers an error Apollo already formatted (an operation's first error) in the route's shape. */
export function sendFormattedError(
  res: ServerResponse,
  reply: GraphQLFormattedError,
  options: ErrorOptions = {},
): void {
  const code = codeOf(reply);
  const retryAfterMs = reply.extensions?.retryAfterMs;
  if (typeof retryAfterMs === 'number') res.setHeader('retry-after', String(Math.ceil(retryAfterMs / 1000)));
  // RFC 9110: a 401 names the scheme that would succeed.
  if (code === 'UNAUTHENTICATED') res.setHeader('www-authenticate', 'Bearer');
  const body = options.shape === 'graphql' ? { errors: [reply] } : restBody(reply);
  res.writeHead(options.status ?? statusOf(reply), { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
