// GET /images/<sha256>: the stored original of a detection, for reviewers and the dashboard.
import type { IncomingMessage } from 'node:http';
import { parseBearer, roleAllows } from '../auth/roles';
import type { Services } from './services';

const SHA256 = /^[0-9a-f]{64}$/;

/** The stored bytes are whatever was uploaded; decode accepted only these three. */
export function imageContentType(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  if (bytes.subarray(0, 4).toString('latin1') === '\x89PNG') return 'image/png';
  if (bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return 'application/octet-stream';
}

export function imageRoute(services: Services) {
  return async (req: IncomingMessage, sha256: string) => {
    const secret = parseBearer(req.headers.authorization);
    const principal = secret ? await services.keys.authenticate(secret) : null;
    if (!principal) return { status: 401 };
    // Apps get their results through detections; browsing the photos is for reviewers and admins.
    if (!roleAllows(principal.role, 'reviewer')) return { status: 403 };
    if (!SHA256.test(sha256)) return { status: 400 };
    const bytes = await services.images.get(sha256);
    return bytes ? { status: 200, body: bytes, contentType: imageContentType(bytes) } : { status: 404 };
  };
}
