// GET /bundles/<model>/<version>/<profile>-<size>.zip: a device bundle (api/src/bundles/contents.ts), for any
// API key. Strong ETag = the archive's sha256; If-None-Match with it answers 304, so an app polling for a new
// label set or profile downloads only when something changed.
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Route } from '../http/routes';
import { NotFoundError } from '../services/errors';
import type { Services } from './services';

/** If-None-Match: `*` or a list of entity tags (weak comparison, as RFC 9110 says for this header). */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

export function bundleRoute(services: Services): Route {
  return {
    methods: ['GET', 'HEAD'],
    path: '/bundles/*',
    auth: 'app',
    async handle({ req, res, rest, principal }) {
      const parts = rest.split('/').map((part) => decodeURIComponent(part));
      if (parts.length !== 3 || parts.some((part) => !part))
        throw new NotFoundError('Bundles are at /bundles/<model>/<version>/<profile>-<size>.zip');
      const [model, version, file] = parts;
      const bundle = await services.bundles.get(principal, model, version, file);
      const etag = `"${bundle.sha256}"`;
      // no-cache: keep it, but ask each time (the same URL gets a new bundle when a label set is published).
      const headers = { etag, 'cache-control': 'no-cache' };
      if (matches(req.headers['if-none-match'], etag)) return void res.writeHead(304, headers).end();
      res.writeHead(200, {
        ...headers,
        'content-type': 'application/zip',
        'content-length': String(bundle.bytes),
        'content-disposition': `attachment; filename="${encodeURIComponent(`${model}-${version}-${file}`)}"`,
      });
      if (req.method === 'HEAD') return void res.end();
      await pipeline(createReadStream(bundle.path), res);
    },
  };
}
