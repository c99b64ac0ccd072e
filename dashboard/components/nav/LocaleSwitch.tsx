'use client';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { setLocale } from '@/lib/i18n/actions';
import { useI18n } from '@/lib/i18n/client';
import { otherLocale } from '@/lib/i18n/locale';

export function LocaleSwitch() {
  const { locale, t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const target = otherLocale(locale);
  return (
    <button
      type="button"
      className="button small"
      lang={target}
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          await setLocale(target);
          router.refresh();
        })
      }
    >
      {t.nav.otherLanguage}
    </button>
  );
}
