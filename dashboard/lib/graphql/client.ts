// GraphQL from the browser: always through the dashboard's own /api/graphql proxy, which adds the key.
import { GraphQLRequestError, unwrapResponse } from './errors';
import type { Operation, VariablesArg } from './operation';

export async function request<TData, TVariables>(
  operation: Operation<TData, TVariables>,
  ...[variables]: VariablesArg<TVariables>
): Promise<TData> {
  let response: Response;
  try {
    response = await fetch('/api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: operation.toString(), variables }),
    });
  } catch (error) {
    throw new GraphQLRequestError('API_UNREACHABLE', String(error));
  }
  const body: unknown = await response.json().catch(() => null);
  return unwrapResponse<TData>(response.status, body);
}
