// POST/GET /graphql: the body limits and door refusals that must come before Apollo parses anything, then Apollo.
import type http from 'node:http';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { processRequest } from 'graphql-upload-minimal';
import type { Principal } from '../auth/roles';
import { mostTokens } from '../graphql/limits/tokens';
import { InputError, UnauthenticatedError } from '../services/errors';
import { BodyTooLargeError, discardBody, readBody } from './read-body';
import type { Route } from './routes';

export interface GraphqlRouteOptions<Context extends BaseContext> {
  apollo: ApolloServer<Context>;
  /** The operation's context for the caller the edge authenticated (null: no key). */
  contextFor(principal: Principal | null): Context;
  /**
   * When every model's queue would refuse a new detect: the refusal (OVERLOADED with retryAfterMs), so that a
   * request carrying a photo can be refused before its body is parsed (what costs the CPU the admitted work
   * needs under overload).
   */
  refusalAtTheDoor(): Error | undefined;
  maxRequestBytes: number;
  maxAnonymousRequestBytes: number;
  /** Operations in one batched (JSON array) request. */
  maxBatchOperations: number;
  maxQueryTokens: number;
  /** Largest file in a multipart (upload) request: the model import's cap (detect reads at most its own). */
  maxUploadBytes: number;
  /** Files in one multipart request: the photos of a detectBatch. */
  maxUploadFiles: number;
}

/** A GraphQL request this large carries a photo (a detect); queries without one are a few kilobytes. */
const PHOTO_SIZED_BODY_BYTES = 64 * 1024;

/** The same shape as the GraphQL operation limits' refusals (api/src/graphql/limits/plugin.ts). */
const overLimit = (limit: string, max: number, actual: number, message: string) =>
  new InputError(message, { limit, max, actual });

export function graphqlRoute<Context extends BaseContext>(options: GraphqlRouteOptions<Context>): Route {
  return {
    methods: ['GET', 'POST'],
    path: '/graphql',
    // The edge authenticates from the headers before the body is read: a caller without a valid key gets a
    // small body limit, so nobody can make the server read and parse megabytes before it knows who is asking.
    auth: 'optional',
    errorShape: 'graphql',
    // Refusals are thrown: the edge answers them in this route's (GraphQL) error shape.
    async handle({ req, res, url, principal }) {
      const body = await readGraphqlBody(options, req, res, principal);
      const documents = req.method === 'POST' ? [body].flat() : [{ query: url.searchParams.get('query') }];
      // Counted here, before Apollo parses: a plugin could only refuse after parsing, or with a 500.
      const tokens = mostTokens(documents, options.maxQueryTokens);
      const max = options.maxQueryTokens;
      if (tokens > max)
        throw overLimit('tokens', max, tokens, `A query document holds at most ${max} tokens`);
      await execute(options, req, res, url, body, principal);
    },
  };
}

/** The parsed body (undefined for a GET); throws the coded refusal when the body may not be read. */
async function readGraphqlBody<Context extends BaseContext>(
  options: GraphqlRouteOptions<Context>,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  principal: Principal | null,
): Promise<unknown> {
  if (req.method !== 'POST') return undefined;
  const refusal =
    Number(req.headers['content-length'] ?? 0) >= PHOTO_SIZED_BODY_BYTES
      ? options.refusalAtTheDoor()
      : undefined;
  if (refusal) {
    await discardBody(req); // refused unparsed, answered once read: an unread body would reset the connection
    throw refusal;
  }
  if (/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
    // Every operation that takes a file needs a key: answered as such rather than as a body too large.
    if (!principal) {
      await discardBody(req);
      throw new UnauthenticatedError('An API key is required (Authorization: Bearer <key>)');
    }
    // The GraphQL multipart request spec: operations and map parsed here, each file part left streaming
    // into the resolver that reads it (the import writes it to disk), with busboy cutting off at the cap.
    try {
      return await processRequest(req, res, {
        maxFileSize: options.maxUploadBytes + 1,
        maxFiles: options.maxUploadFiles,
      });
    } catch (error) {
      // busboy's 413 (a file over the cap) stays a 413, as a JSON body over its limit is.
      const tooLarge = (error as { status?: number }).status === 413;
      const details = tooLarge ? { limitBytes: options.maxUploadBytes } : undefined;
      throw new InputError(`Invalid multipart request: ${(error as Error).message}`, details);
    }
  }
  const limit = principal ? options.maxRequestBytes : options.maxAnonymousRequestBytes;
  let raw: Buffer;
  try {
    raw = await readBody(req, limit);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    const hint = principal ? 'send fewer or smaller images' : 'requests without an API key are small';
    throw new InputError(`${error.message}; ${hint}`, { limitBytes: limit });
  }
  let body: unknown;
  try {
    body = raw.length ? JSON.parse(raw.toString('utf8')) : undefined;
  } catch {
    throw new InputError('Request body is not valid JSON');
  }
  const max = options.maxBatchOperations;
  if (Array.isArray(body) && body.length > max)
    throw overLimit('batch', max, body.length, `A batch holds at most ${max} operations`);
  return body;
}

async function execute<Context extends BaseContext>(
  options: GraphqlRouteOptions<Context>,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  body: unknown,
  principal: Principal | null,
): Promise<void> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  // Apollo only executes JSON bodies; a parsed multipart one is that. (Its CSRF guard against form posts is
  // moot here: every operation needs an Authorization header, which a cross-site form cannot send.)
  if (/^multipart\/form-data/i.test(req.headers['content-type'] ?? ''))
    headers.set('content-type', 'application/json');
  const context = options.contextFor(principal);
  const response = await options.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
    context: async () => context,
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}
