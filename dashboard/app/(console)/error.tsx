'use client';
// Last resort for a page that threw; server error details are hidden in production, so point at the usual cause.
import { useI18n } from '@/lib/i18n/client';

export default function ConsoleError({ reset }: { error: Error; reset: () => void }) {
  const { t } = useI18n();
  return (
    <div className="notice error" role="alert">
      <p>{t.pageFailed}</p>
      <button type="button" className="button small" onClick={reset}>
        {t.common.retry}
      </button>
    </div>
  );
}
