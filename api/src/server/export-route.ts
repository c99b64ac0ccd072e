// GET /exports/review.{coco.json,coco.zip,yolo.zip}?labelSet=coco80&from=…&to=…: reviewed images with corrected
// boxes, for fine-tuning elsewhere. REST rather than GraphQL because the archives hold the photos: a binary
// download that curl, wget or a browser saves as a file, streamed as it is written.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseBearer } from '../auth/roles';
import { HTTP_STATUS } from '../http/status';
import { createLogger } from '../logging/logger';
import { EXPORT_FORMATS, type ExportFormat } from '../review/export/export-service';
import { DomainError, InputError } from '../services/errors';
import type { Services } from './services';

const log = createLogger('export');

const CONTENT_TYPES: Record<ExportFormat, string> = {
  'coco.json': 'application/json; charset=utf-8',
  'coco.zip': 'application/zip',
  'yolo.zip': 'application/zip',
};

function formatOf(file: string): ExportFormat | undefined {
  return EXPORT_FORMATS.find((format) => file === `review.${format}`);
}

function dateParam(params: URLSearchParams, name: string): Date | undefined {
  const value = params.get(name);
  if (!value) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new InputError(`${name} is not a date`, { field: name });
  return date;
}

/** Waits for the client to take more when its buffer is full; rejects if it goes away. */
function writeTo(res: ServerResponse) {
  return (chunk: Buffer) =>
    new Promise<void>((resolve, reject) => {
      if (res.destroyed) return reject(new Error('the client went away'));
      if (res.write(chunk)) return resolve();
      const done = (error?: Error) => {
        res.off('drain', done);
        res.off('close', gone);
        if (error) reject(error);
        else resolve();
      };
      const gone = () => done(new Error('the client went away'));
      res.on('drain', done);
      res.on('close', gone);
    });
}

export function exportRoute(services: Services) {
  return async (req: IncomingMessage, res: ServerResponse, file: string): Promise<void> => {
    const format = formatOf(file);
    const fail = (status: number, code: string, message: string) =>
      res
        .writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
        .end(JSON.stringify({ error: { code, message } }));
    if (!format)
      return void fail(
        404,
        'NOT_FOUND',
        `No export ${file}; try review.coco.json, review.coco.zip or review.yolo.zip`,
      );

    const write = writeTo(res);
    let started = false;
    try {
      const secret = parseBearer(req.headers.authorization);
      const principal = secret ? await services.keys.authenticate(secret) : null;
      const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
      const labelSet = params.get('labelSet');
      if (!labelSet) throw new InputError('labelSet is required', { field: 'labelSet' });
      const filter = { labelSet, from: dateParam(params, 'from'), to: dateParam(params, 'to') };
      const name = `wanshi-review-${labelSet}-${new Date().toISOString().slice(0, 10)}.${format}`;
      await services.reviewExport.write(principal, format, filter, async (chunk) => {
        if (!started) {
          started = true;
          res.writeHead(200, {
            'content-type': CONTENT_TYPES[format],
            'content-disposition': `attachment; filename="${encodeURIComponent(name)}"`,
          });
        }
        await write(chunk);
      });
      res.end();
    } catch (error) {
      // Once the body has started the status is sent: cut the connection, so the download shows as failed
      // rather than as a complete but truncated file.
      if (started) {
        log.error(`export ${file} failed part-way`, error);
        res.destroy(error as Error);
      } else if (error instanceof DomainError) {
        fail(HTTP_STATUS[error.code], error.code, error.message);
      } else {
        throw error;
      }
    }
  };
}
