// POST /v1/detect: the photo as the raw request body (image/jpeg, png, webp or avif), the options as query
// parameters, the answer the detect mutation's Detection as plain JSON. It runs the mutation itself through
// Apollo (same validation, limits, pipeline, error formatting), so REST cannot drift from GraphQL; errors are
// `{ error: { code, message, … } }` with the GraphQL codes and their HTTP status.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { Upload, type FileUpload } from 'graphql-upload-minimal';
import type { ReadStream } from 'node:fs';
import { contextFor, type GraphQLContext } from '../graphql/context';
import { formatError, type ErrorCode } from '../graphql/errors';
import { HTTP_STATUS } from '../http/status';
import { requireRole } from '../services/authorization';
import { InputError } from '../services/errors';
import type { Services } from '../server/services';
import { detectInputFromQuery } from './detect-query';

export const REST_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif'] as const;

/** Every field of a Detection a detect answers with (the review fields are for reviewers, not apps). */
export const REST_DETECT_DOCUMENT = /* GraphQL */ `
  mutation RestDetect($input: DetectInput!) {
    detect(input: $input) {
      id
      createdAt
      image {
        sha256
        width
        height
      }
      objects {
        id
        classKey
        score
        box {
          x
          y
          width
          height
        }
        label {
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
      }
      model {
        name
        version
        precision
        inputSize
      }
      labelSet
      labelSetVersion
      timing {
        queueMs
        inferenceMs
        totalMs
        batchSize
      }
      executionProvider
    }
  }
`;

/** Which error extensions go into the REST error body besides code and message. */
const PASSED_ON = ['retryAfterMs', 'reason', 'details', 'validationErrors'] as const;

function sendError(res: ServerResponse, formatted: GraphQLFormattedError, status?: number): void {
  const code = (formatted.extensions?.code as ErrorCode | undefined) ?? 'INTERNAL_SERVER_ERROR';
  const error: Record<string, unknown> = { code, message: formatted.message };
  for (const key of PASSED_ON) {
    if (formatted.extensions?.[key] !== undefined) error[key] = formatted.extensions[key];
  }
  const retryAfterMs = formatted.extensions?.retryAfterMs;
  if (typeof retryAfterMs === 'number') res.setHeader('retry-after', String(Math.ceil(retryAfterMs / 1000)));
  // A photo over the size cap is 413, as a too-large body is on /graphql.
  const tooLarge = (formatted.extensions?.details as { limitBytes?: number } | undefined)?.limitBytes;
  const httpStatus = status ?? (tooLarge !== undefined ? 413 : (HTTP_STATUS[code] ?? 500));
  res.writeHead(httpStatus, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ error }));
}

/** Our coded errors thrown before the operation runs, formatted the way the GraphQL replies are. */
const formatted = (error: unknown): GraphQLFormattedError =>
  formatError(error instanceof GraphQLError ? error.toJSON() : { message: String(error) }, error);

/** The body stream as the pipeline's upload: read (and size-capped) only once the detect is admitted. */
function bodyAsUpload(req: IncomingMessage, mimetype: string): Upload {
  const upload = new Upload() as Upload & { resolve(file: FileUpload): void };
  upload.resolve({
    filename: 'body',
    fieldName: 'image',
    mimetype,
    encoding: 'binary',
    // FileUpload names fs.ReadStream; what the pipeline uses of it is Readable, which the request is.
    createReadStream: () => req as unknown as ReadStream,
  });
  return upload;
}

export function detectRoute(apollo: ApolloServer<GraphQLContext>, services: Services, maxImageBytes: number) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return sendError(res, formatted(new InputError('POST the photo to /v1/detect')), 405);
    }
    let context: GraphQLContext;
    try {
      // The key, its request rate and the failed-auth throttle, as for /graphql; no body read yet.
      context = await contextFor(req, services);
      requireRole(context.principal, 'app');
    } catch (error) {
      return sendError(res, formatted(error));
    }
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (!(REST_IMAGE_TYPES as readonly string[]).includes(type)) {
      const message = `Send the photo as the body with content-type ${REST_IMAGE_TYPES.join(', ')} (got ${type || 'none'})`;
      return sendError(res, formatted(new InputError(message, { field: 'content-type' })), 415);
    }
    const declared = Number(req.headers['content-length']);
    if (declared > maxImageBytes) {
      const message = `The image is more than ${maxImageBytes} bytes, the limit`;
      return sendError(
        res,
        formatted(new InputError(message, { field: 'image', limitBytes: maxImageBytes })),
      );
    }
    let input: Record<string, unknown>;
    try {
      input = detectInputFromQuery(new URL(req.url ?? '/', 'http://localhost').searchParams);
    } catch (error) {
      return sendError(res, formatted(error));
    }
    const response = await apollo.executeOperation(
      { query: REST_DETECT_DOCUMENT, variables: { input: { ...input, image: bodyAsUpload(req, type) } } },
      { contextValue: context },
    );
    if (response.body.kind !== 'single') throw new Error('detect answered incrementally');
    const { data, errors } = response.body.singleResult;
    if (errors?.length) return sendError(res, errors[0]);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(data?.detect));
  };
}
