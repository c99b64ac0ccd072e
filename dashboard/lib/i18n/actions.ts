'use server';
import { cookies } from 'next/headers';
import { LOCALE_COOKIE, parseLocale } from './locale';

const ONE_YEAR_S = 365 * 24 * 60 * 60;

export async function setLocale(requested: string): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, parseLocale(requested), {
    path: '/',
    sameSite: 'lax',
    maxAge: ONE_YEAR_S,
  });
}
