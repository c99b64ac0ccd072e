// Device bundles for the 端侧体验 page, fetched with the session's key (the API's /bundles needs one).
import { getConfig } from '@/lib/config';
import { readApiKey } from '@/lib/auth/session';

const SEGMENT = /^[\w.-]+$/;

export async function GET(
  request: Request,
  { params }: { params: Promise<{ path: string[] }> },
): Promise<Response> {
  const { path } = await params;
  if (path.length !== 3 || !path.every((part) => SEGMENT.test(part)))
    return new Response('Not found', { status: 404 });
  const apiKey = await readApiKey();
  if (!apiKey) return new Response('Not signed in', { status: 401 });
  let upstream: Response;
  try {
    upstream = await fetch(`${getConfig().apiUrl}/bundles/${path.join('/')}`, {
      headers: { authorization: `Bearer ${apiKey}` },
      signal: request.signal,
    });
  } catch {
    return new Response('Cannot reach the Wanshi API', { status: 502 });
  }
  return new Response(upstream.body, {
    status: upstream.status,
    headers: {
      'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream',
      'cache-control': 'private, no-cache',
    },
  });
}
