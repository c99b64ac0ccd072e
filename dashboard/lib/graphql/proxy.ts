// Forwarding a browser request to the GraphQL API with the signed-in key (the dashboard's API routes).
import { getConfig } from '@/lib/config';
import { readApiKey } from '@/lib/auth/session';

export function errorResponse(status: number, code: string, message: string): Response {
  return Response.json({ errors: [{ message, extensions: { code } }] }, { status });
}

/** POSTs the body to the API's /graphql with the session's key and passes the answer back as it streams. */
export async function forwardToApi(request: Request, body: BodyInit, contentType: string): Promise<Response> {
  const apiKey = await readApiKey();
  if (!apiKey) return errorResponse(401, 'UNAUTHENTICATED', 'Not signed in');
  const { apiUrl } = getConfig();
  let upstream: Response;
  try {
    upstream = await fetch(`${apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': contentType, authorization: `Bearer ${apiKey}` },
      body,
      signal: request.signal,
      // Node's fetch streams a request body only in half-duplex mode.
      duplex: 'half',
    } as RequestInit);
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
