// The model import's upload: the browser's multipart request (GraphQL multipart request spec), streamed on to
// the API with the key from the session cookie. Only for requests carrying the x-wanshi-upload header, which a
// cross-site form cannot set (and a cross-site script cannot without a preflight this route never answers).
import { errorResponse, forwardToApi } from '@/lib/graphql/proxy';

export async function POST(request: Request): Promise<Response> {
  const contentType = request.headers.get('content-type') ?? '';
  if (
    !contentType.startsWith('multipart/form-data') ||
    request.headers.get('x-wanshi-upload') !== '1' ||
    !request.body
  ) {
    return errorResponse(415, 'BAD_USER_INPUT', 'Send the model as multipart/form-data from the dashboard');
  }
  return forwardToApi(request, request.body, contentType);
}
