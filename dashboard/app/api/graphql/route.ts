// The browser's only way to the GraphQL API: adds the key from the httpOnly session cookie.
// The cookie is SameSite=strict and the body must be JSON (which forces a CORS preflight cross-site),
// so other sites cannot use a signed-in browser through this proxy.
import { getConfig } from '@/lib/config';
import { readApiKey } from '@/lib/auth/session';

function errorResponse(status: number, code: string, message: string): Response {
  return Response.json({ errors: [{ message, extensions: { code } }] }, { status });
}

export async function POST(request: Request): Promise<Response> {
  if (!request.headers.get('content-type')?.startsWith('application/json')) {
    return errorResponse(415, 'BAD_USER_INPUT', 'Send GraphQL as application/json');
  }
  const apiKey = await readApiKey();
  if (!apiKey) return errorResponse(401, 'UNAUTHENTICATED', 'Not signed in');

  const { apiUrl } = getConfig();
  let upstream: Response;
  try {
    upstream = await fetch(`${apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: await request.text(),
      signal: request.signal,
    });
  } catch {
    return errorResponse(502, 'API_UNREACHABLE', `Cannot reach ${apiUrl}`);
  }
  return new Response(upstream.body, {
    status: upstream.status,
    headers: {
      'content-type': upstream.headers.get('content-type') ?? 'application/json',
      'cache-control': 'no-store',
    },
  });
}
