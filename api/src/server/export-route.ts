// GET /exports/review.{coco.json,coco.zip,yolo.zip}?labelSet=coco80&from=…&to=…: reviewed images with corrected
// boxes, for fine-tuning elsewhere. REST rather than GraphQL because the archives hold the photos: a binary
// download that curl, wget or a browser saves as a file, streamed as it is written.
import type { ServerResponse } from 'node:http';
import type { Route } from '../http/routes';
import { createLogger } from '../logging/logger';
import { EXPORT_FORMATS, type ExportFormat } from '../review/export/export-service';
import { InputError, NotFoundError } from '../services/errors';
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

export function exportRoute(services: Services): Route {
  return {
    methods: ['GET'],
    path: '/exports/*',
    auth: 'reviewer',
    async handle({ res, url, rest: file, principal }) {
      const format = formatOf(file);
      if (!format)
        throw new NotFoundError(
          `No export ${file}; try review.coco.json, review.coco.zip or review.yolo.zip`,
        );
      const params = url.searchParams;
      const labelSet = params.get('labelSet');
      if (!labelSet) throw new InputError('labelSet is required', { field: 'labelSet' });
      const filter = { labelSet, from: dateParam(params, 'from'), to: dateParam(params, 'to') };
      const name = `wanshi-review-${labelSet}-${new Date().toISOString().slice(0, 10)}.${format}`;
      const write = writeTo(res);
      try {
        await services.reviewExport.write(principal, format, filter, async (chunk) => {
          if (!res.headersSent) {
            res.writeHead(200, {
              'content-type': CONTENT_TYPES[format],
              'content-disposition': `attachment; filename="${encodeURIComponent(name)}"`,
            });
          }
          await write(chunk);
        });
      } catch (error) {
        if (!res.headersSent) throw error; // answered as an error body by the edge
        // Once the body has started the status is sent: cut the connection, so the download shows as failed
        // rather than as a complete but truncated file.
        log.error(`export ${file} failed part-way`, error);
        res.destroy(error as Error);
        return;
      }
      res.end();
    },
  };
}
