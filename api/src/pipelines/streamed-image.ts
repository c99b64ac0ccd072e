// Turns a photo sent as bytes (a GraphQL multipart upload, or the body of POST /v1/detect) into the same
// DecodedUpload the base64 path gives, read as it arrives and cut off at the detect size cap: no base64 to
// decode and a third fewer bytes on the wire.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { InputError } from '../services/errors';
import type { DecodedUpload } from './base64-image';

/** What graphql-upload-minimal's FileUpload offers and the REST route imitates: one stream, opened once. */
export interface StreamedImage {
  createReadStream(): Readable;
}

const opened = new WeakSet<StreamedImage>();

function open(file: StreamedImage): Readable {
  opened.add(file);
  return file.createReadStream();
}

/** Reads the whole photo; more than maxBytes is BAD_USER_INPUT (the rest is drained, not kept). */
export async function readStreamedImage(
  upload: Promise<StreamedImage>,
  maxBytes: number,
): Promise<DecodedUpload> {
  const file = await upload.catch((error: Error) => {
    throw new InputError(`The image upload failed: ${error.message}`, { field: 'image' });
  });
  const stream = open(file);
  const bytes = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received <= maxBytes) return void chunks.push(chunk);
      // The caller gets its answer now; the bytes still on their way are read and dropped (not destroyed:
      // the multipart parser and the kept-alive connection behind the stream go on to the end of the body).
      stream.off('data', onData).off('end', onEnd).resume();
      reject(
        new InputError(`The image is more than ${maxBytes} bytes, the limit`, {
          field: 'image',
          limitBytes: maxBytes,
        }),
      );
    };
    const onEnd = () => resolve(Buffer.concat(chunks, received));
    stream
      .on('data', onData)
      .once('end', onEnd)
      .once('error', (error: Error) => {
        reject(new InputError(`The image upload failed: ${error.message}`, { field: 'image' }));
      });
  });
  if (bytes.length === 0) throw new InputError('The image is empty (0 bytes)', { field: 'image' });
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * For a request refused before its photo was read: drains the upload, so the multipart parser behind it
 * reaches the end of the body instead of stalling the connection.
 */
export function discardStreamedImage(upload: Promise<StreamedImage>): void {
  upload.then(
    (file) => {
      if (!opened.has(file)) open(file).resume();
    },
    () => undefined,
  );
}
