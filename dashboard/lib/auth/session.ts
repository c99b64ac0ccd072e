// The API key lives only in an httpOnly cookie: the browser sends it to this server, scripts never see it.
import 'server-only';
import { cookies, headers } from 'next/headers';

const SESSION_COOKIE = 'wanshi_session';
const SESSION_MAX_AGE_S = 7 * 24 * 60 * 60;

export async function readApiKey(): Promise<string | undefined> {
  return (await cookies()).get(SESSION_COOKIE)?.value || undefined;
}

/** Only in a server action or route handler (cookies cannot be set while rendering). */
export async function storeApiKey(apiKey: string): Promise<void> {
  const secure = (await headers()).get('x-forwarded-proto') === 'https';
  (await cookies()).set(SESSION_COOKIE, apiKey, {
    httpOnly: true,
    // strict: no other site can make the browser send the key along (the /api proxies rely on this).
    sameSite: 'strict',
    secure,
    path: '/',
    maxAge: SESSION_MAX_AGE_S,
  });
}

export async function clearApiKey(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
}
