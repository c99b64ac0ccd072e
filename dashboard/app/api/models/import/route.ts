// The model import's upload: the browser's multipart request (GraphQL multipart request spec), streamed on to
// the API with the key from the session cookie. Only for requests carrying the x-wanshi-upload header, which a
// cross-site form cannot set (and a cross-site script cannot without a preflight this route never answers).
import { getConfig } from '@/lib/config';
import { readApiKey } from '@/lib/auth/session';

function errorResponse(status: number, code: string, message: string): Response {
  return Response.json({ errors: [{ message, extensions: { code } }] }, { status });
}

export async function POST(request: Request): Promise<Response> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!contentType.startsWith('multipart/form-data') || request.headers.get('x-wanshi-upload') !== '1') {
    return errorResponse(415, 'BAD_USER_INPUT', 'Send the model as multipart/form-data from the dashboard');
  }
  const apiKey = await readApiKey();
  if (!apiKey) return errorResponse(401, 'UNAUTHENTICATED', 'Not signed in');
  const { apiUrl } = getConfig();
  let upstream: Response;
  try {
    upstream = await fetch(`${apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': contentType, authorization: `Bearer ${apiKey}` },
      body: request.body,
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
