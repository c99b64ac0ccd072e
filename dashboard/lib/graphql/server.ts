// GraphQL from the Next server to the API. Server components use `query`/`tryQuery` with the signed-in key;
// sign-in uses `callApi` with the key being checked.
import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getConfig } from '../config';
import { readApiKey } from '../auth/session';
import { GraphQLRequestError, toFailure, unwrapResponse, type RequestFailure } from './errors';
import type { Operation, VariablesArg } from './operation';

/**
 * The browser's address for the API's failed-auth throttle (Next sets X-Forwarded-For from the socket when the
 * browser sent none): without it, bad keys typed into sign-in would count against the dashboard's own address
 * and soon lock every user out.
 */
async function browserAddress(): Promise<Record<string, string>> {
  const forwarded = (await headers()).get('x-forwarded-for');
  return forwarded ? { 'x-forwarded-for': forwarded } : {};
}

export async function callApi<TData, TVariables>(
  operation: Operation<TData, TVariables>,
  variables: TVariables | undefined,
  apiKey: string,
): Promise<TData> {
  let response: Response;
  try {
    response = await fetch(`${getConfig().apiUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${apiKey}`,
        ...(await browserAddress()),
      },
      body: JSON.stringify({ query: operation.toString(), variables }),
      cache: 'no-store',
    });
  } catch (error) {
    throw new GraphQLRequestError('API_UNREACHABLE', `Cannot reach ${getConfig().apiUrl}: ${String(error)}`);
  }
  const body: unknown = await response.json().catch(() => null);
  return unwrapResponse<TData>(response.status, body);
}

/** Calls the API as the signed-in user; a missing or revoked key sends the browser back to sign-in. */
export async function query<TData, TVariables>(
  operation: Operation<TData, TVariables>,
  ...[variables]: VariablesArg<TVariables>
): Promise<TData> {
  const apiKey = await readApiKey();
  if (!apiKey) redirect('/sign-in');
  try {
    return await callApi(operation, variables, apiKey);
  } catch (error) {
    if (error instanceof GraphQLRequestError && error.code === 'UNAUTHENTICATED')
      redirect('/sign-in?expired=1');
    throw error;
  }
}

export type QueryResult<TData> =
  { data: TData; error?: undefined } | { data?: undefined; error: RequestFailure };

/** Like `query`, but hands failures back as values so a page can explain them instead of crashing. */
export async function tryQuery<TData, TVariables>(
  operation: Operation<TData, TVariables>,
  ...variables: VariablesArg<TVariables>
): Promise<QueryResult<TData>> {
  try {
    return { data: await query(operation, ...variables) };
  } catch (error) {
    if (!(error instanceof GraphQLRequestError)) throw error; // redirects and bugs keep propagating
    return { error: toFailure(error) };
  }
}
