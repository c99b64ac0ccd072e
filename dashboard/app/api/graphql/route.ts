// The browser's only way to the GraphQL API: adds the key from the httpOnly session cookie.
// The cookie is SameSite=strict and the body must be JSON (which forces a CORS preflight cross-site),
// so other sites cannot use a signed-in browser through this proxy.
import { errorResponse, forwardToApi } from '@/lib/graphql/proxy';

export async function POST(request: Request): Promise<Response> {
  if (!request.headers.get('content-type')?.startsWith('application/json')) {
    return errorResponse(415, 'BAD_USER_INPUT', 'Send GraphQL as application/json');
  }
  return forwardToApi(request, await request.text(), 'application/json');
}
