// Review exports (COCO / YOLO, with photos), fetched with the session's key and streamed through as a download.
import { getConfig } from '@/lib/config';
import { readApiKey } from '@/lib/auth/session';

const EXPORT_FILES = new Set(['review.coco.json', 'review.coco.zip', 'review.yolo.zip']);

export async function GET(
  request: Request,
  { params }: { params: Promise<{ file: string }> },
): Promise<Response> {
  const { file } = await params;
  if (!EXPORT_FILES.has(file)) return new Response('Not found', { status: 404 });
  const apiKey = await readApiKey();
  if (!apiKey) return new Response('Not signed in', { status: 401 });

  let upstream: Response;
  try {
    upstream = await fetch(`${getConfig().apiUrl}/exports/${file}${new URL(request.url).search}`, {
      headers: { authorization: `Bearer ${apiKey}` },
      signal: request.signal,
    });
  } catch {
    return new Response('Cannot reach the Wanshi API', { status: 502 });
  }
  const headers = new Headers({ 'cache-control': 'no-store' });
  for (const name of ['content-type', 'content-disposition']) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(upstream.body, { status: upstream.status, headers });
}
