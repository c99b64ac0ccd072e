// POST /v1/detect: the photo as the raw request body (image/jpeg, png, webp or avif), the options as query
// parameters, the answer the detect mutation's Detection as plain JSON. It runs the mutation itself through
// Apollo (same validation, limits, pipeline, error formatting), so REST cannot drift from GraphQL; errors are
// `{ error: { code, message, … } }` with the GraphQL codes and their HTTP status.
import type { IncomingMessage } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { Upload, type FileUpload } from 'graphql-upload-minimal';
import type { ReadStream } from 'node:fs';
import type { GraphQLContext } from '../graphql/context';
import { sendError, sendFormattedError } from '../http/error-body';
import type { Route } from '../http/routes';
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

export function detectRoute(
  apollo: ApolloServer<GraphQLContext>,
  services: Services,
  maxImageBytes: number,
): Route {
  return {
    methods: ['POST'],
    path: '/v1/detect',
    // The key, its request rate and the failed-auth throttle, as for /graphql, before the body is read.
    auth: 'app',
    async handle({ req, res, url, principal }) {
      const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      if (!(REST_IMAGE_TYPES as readonly string[]).includes(type)) {
        const message = `Send the photo as the body with content-type ${REST_IMAGE_TYPES.join(', ')} (got ${type || 'none'})`;
        return sendError(res, new InputError(message, { field: 'content-type' }), { status: 415 });
      }
      const declared = Number(req.headers['content-length']);
      if (declared > maxImageBytes) {
        const message = `The image is more than ${maxImageBytes} bytes, the limit`;
        throw new InputError(message, { field: 'image', limitBytes: maxImageBytes });
      }
      const input = detectInputFromQuery(url.searchParams);
      const response = await apollo.executeOperation(
        { query: REST_DETECT_DOCUMENT, variables: { input: { ...input, image: bodyAsUpload(req, type) } } },
        { contextValue: { principal, services } },
      );
      if (response.body.kind !== 'single') throw new Error('detect answered incrementally');
      const { data, errors } = response.body.singleResult;
      if (errors?.length) return sendFormattedError(res, errors[0]);
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(data?.detect));
    },
  };
}
