'use server';
import { redirect } from 'next/navigation';
import { ME } from '../graphql/documents/keys';
import { GraphQLRequestError } from '../graphql/errors';
import { callApi } from '../graphql/server';
import { canUseDashboard, landingPath } from './roles';
import { clearApiKey, storeApiKey } from './session';
import type { SignInProblem } from './sign-in-problem';

export interface SignInState {
  problem: SignInProblem | null;
}

/** Checks the key with `me` before storing it, so a wrong or app-only key never becomes a session. */
export async function signIn(_previous: SignInState, form: FormData): Promise<SignInState> {
  const apiKey = String(form.get('apiKey') ?? '').trim();
  if (!apiKey) return { problem: 'empty' };

  let role;
  try {
    role = (await callApi(ME, undefined, apiKey)).me.role;
  } catch (error) {
    return { problem: signInProblemOf(error) };
  }
  if (!canUseDashboard(role)) return { problem: 'appRole' };

  await storeApiKey(apiKey);
  redirect(landingPath(role));
}

function signInProblemOf(error: unknown): SignInProblem {
  if (!(error instanceof GraphQLRequestError)) return 'unknown';
  if (error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN') return 'invalid';
  if (error.code === 'API_UNREACHABLE') return 'unreachable';
  return 'unknown';
}

export async function signOut(): Promise<void> {
  await clearApiKey();
  redirect('/sign-in');
}
