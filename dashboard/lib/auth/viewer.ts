// Who is signed in, asked of the API once per request (React cache), and the page guard built on it.
import 'server-only';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { ME } from '../graphql/documents/keys';
import { GraphQLRequestError } from '../graphql/errors';
import { callApi } from '../graphql/server';
import type { ApiKeyFragment } from '../graphql/generated/graphql';
import { canSee, canUseDashboard, landingPath, type ConsolePage } from './roles';
import { readApiKey } from './session';

/** The signed-in key, or null when there is none or the API no longer accepts it; throws if the API is down. */
export const getViewer = cache(async (): Promise<ApiKeyFragment | null> => {
  const apiKey = await readApiKey();
  if (!apiKey) return null;
  try {
    const { me } = await callApi(ME, undefined, apiKey);
    return canUseDashboard(me.role) ? me : null;
  } catch (error) {
    if (error instanceof GraphQLRequestError && error.code === 'UNAUTHENTICATED') return null;
    throw error;
  }
});

/** Where to send someone without a valid session: a key that stopped working gets told why. */
export async function signInPath(): Promise<string> {
  return (await readApiKey()) ? '/sign-in?expired=1' : '/sign-in';
}

/** For a page: the viewer if their role may see it; otherwise redirects to sign-in or to their own start page. */
export async function requirePage(page: ConsolePage): Promise<ApiKeyFragment> {
  const viewer = await getViewer();
  if (!viewer) redirect(await signInPath());
  if (!canSee(viewer.role, page)) redirect(landingPath(viewer.role));
  return viewer;
}
