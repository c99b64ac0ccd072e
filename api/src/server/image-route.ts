// GET /images/<sha256>[?width=N]: the stored original of a detection, or a thumbnail of it, for reviewers and
// the dashboard.
import type { Route } from '../http/routes';
import { InputError, NotFoundError } from '../services/errors';
import { imageContentType } from '../storage/content-type';
import { makeThumbnail, parseThumbnailWidth, THUMBNAIL_WIDTH } from '../storage/thumbnail';
import type { Services } from './services';

const SHA256 = /^[0-9a-f]{64}$/;

export function imageRoute(services: Services): Route {
  return {
    methods: ['GET', 'HEAD'],
    path: '/images/*',
    // Apps get their results through detections; browsing the photos is for reviewers and admins.
    auth: 'reviewer',
    async handle({ res, url, rest: sha256 }) {
      if (!SHA256.test(sha256)) throw new InputError('Images are at /images/<sha256>', { field: 'sha256' });
      const width = parseThumbnailWidth(url.searchParams.get('width'));
      if (width === null) {
        const { min, max } = THUMBNAIL_WIDTH;
        throw new InputError(`width is a whole number from ${min} to ${max}`, { field: 'width' });
      }
      const bytes = await services.images.get(sha256);
      if (!bytes) throw new NotFoundError(`No stored image ${sha256}`);
      const [body, contentType] =
        width === undefined
          ? [bytes, imageContentType(bytes)]
          : [await makeThumbnail(bytes, width), 'image/webp'];
      res.writeHead(200, { 'content-type': contentType }).end(body);
    },
  };
}
