'use client';
// A failed request explained in the reader's language, with the next step it calls for.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { RequestFailure } from '@/lib/graphql/errors';
import { useI18n } from '@/lib/i18n/client';

export function ErrorNotice({ failure, retry = false }: { failure: RequestFailure; retry?: boolean }) {
  const { t } = useI18n();
  const router = useRouter();
  return (
    <div className="notice error" role="alert">
      <div className="row">
        <span>{t.errors[failure.code]}</span>
        {failure.code === 'UNAUTHENTICATED' && <Link href="/sign-in">{t.signInAgain}</Link>}
        {retry && failure.code !== 'UNAUTHENTICATED' && (
          <button type="button" className="button small" onClick={() => router.refresh()}>
            {t.common.retry}
          </button>
        )}
      </div>
      {failure.message && (
        <details>
          <summary>{t.errorDetail}</summary>
          {failure.message}
        </details>
      )}
    </div>
  );
}
