// Stored photos, fetched with the session's key. Photos are addressed by their SHA-256, so a response
// never changes and the browser may keep it (privately: the photo belongs to a signed-in user).
import { getConfig } from '@/lib/config';
import { readApiKey } from '@/lib/auth/session';

const SHA256_HEX = /^[0-9a-f]{64}$/;
/** A thumbnail width is passed on as it is; the API checks its range. */
const WIDTH = /^\d{1,4}$/;

export async function GET(
  request: Request,
  { params }: { params: Promise<{ sha: string }> },
): Promise<Response> {
  const { sha } = await params;
  const width = new URL(request.url).searchParams.get('width');
  if (!SHA256_HEX.test(sha) || (width !== null && !WIDTH.test(width)))
    return new Response('Not found', { status: 404 });
  const apiKey = await readApiKey();
  if (!apiKey) return new Response('Not signed in', { status: 401 });

  let upstream: Response;
  try {
    upstream = await fetch(`${getConfig().apiUrl}/images/${sha}${width === null ? '' : `?width=${width}`}`, {
      headers: { authorization: `Bearer ${apiKey}` },
      signal: request.signal,
    });
  } catch {
    return new Response('Cannot reach the Wanshi API', { status: 502 });
  }
  if (!upstream.ok) return new Response(upstream.statusText, { status: upstream.status });
  return new Response(upstream.body, {
    headers: {
      'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream',
      'cache-control': 'private, max-age=31536000, immutable',
    },
  });
}
