import 'server-only';
import { cookies } from 'next/headers';
import { LOCALE_COOKIE, messagesFor, parseLocale, type Locale } from './locale';
import type { Messages } from './zh-CN';

export async function getLocale(): Promise<Locale> {
  return parseLocale((await cookies()).get(LOCALE_COOKIE)?.value);
}

/** For server components: the current locale and its messages. */
export async function getI18n(): Promise<{ locale: Locale; t: Messages }> {
  const locale = await getLocale();
  return { locale, t: messagesFor(locale) };
}
