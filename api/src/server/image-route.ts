// GET /images/<sha256>[?width=N]: the stored original of a detection, or a thumbnail of it, for reviewers and
// the dashboard.
import type { IncomingMessage } from 'node:http';
import { parseBearer, roleAllows } from '../auth/roles';
import { imageContentType } from '../storage/content-type';
import { makeThumbnail, parseThumbnailWidth } from '../storage/thumbnail';
import type { Services } from './services';

const SHA256 = /^[0-9a-f]{64}$/;

export function imageRoute(services: Services) {
  return async (req: IncomingMessage, sha256: string) => {
    const secret = parseBearer(req.headers.authorization);
    const principal = secret ? await services.keys.authenticate(secret) : null;
    if (!principal) return { status: 401 };
    // Apps get their results through detections; browsing the photos is for reviewers and admins.
    if (!roleAllows(principal.role, 'reviewer')) return { status: 403 };
    const width = parseThumbnailWidth(new URL(req.url ?? '/', 'http://localhost').searchParams.get('width'));
    if (!SHA256.test(sha256) || width === null) return { status: 400 };
    const bytes = await services.images.get(sha256);
    if (!bytes) return { status: 404 };
    if (width === undefined) return { status: 200, body: bytes, contentType: imageContentType(bytes) };
    return { status: 200, body: await makeThumbnail(bytes, width), contentType: 'image/webp' };
  };
}
