'use client';
// Client components get messages from context. Only the locale crosses the server/client boundary:
// messages contain functions, which cannot be serialised.
import { createContext, useContext, type ReactNode } from 'react';
import { DEFAULT_LOCALE, messagesFor, type Locale } from './locale';
import type { Messages } from './zh-CN';

const I18nContext = createContext<{ locale: Locale; t: Messages }>({
  locale: DEFAULT_LOCALE,
  t: messagesFor(DEFAULT_LOCALE),
});

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <I18nContext value={{ locale, t: messagesFor(locale) }}>{children}</I18nContext>;
}

export function useI18n() {
  return useContext(I18nContext);
}
