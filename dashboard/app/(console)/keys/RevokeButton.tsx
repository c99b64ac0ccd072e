'use client';
import { useState } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { ErrorNotice } from '@/components/ErrorNotice';
import { REVOKE_API_KEY } from '@/lib/graphql/documents/keys';
import { useMutation } from '@/lib/graphql/useMutation';
import { useI18n } from '@/lib/i18n/client';

export function RevokeButton({ id, name }: { id: string; name: string }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const { run, pending, error, clearError } = useMutation(REVOKE_API_KEY);
  return (
    <>
      <button type="button" className="button small danger" onClick={() => setConfirming(true)}>
        {t.keys.revoke}
      </button>
      <ConfirmDialog
        open={confirming}
        title={t.keys.revoke}
        confirmLabel={t.keys.revoke}
        danger
        pending={pending}
        onConfirm={async () => {
          if (await run({ id })) setConfirming(false);
        }}
        onClose={() => {
          setConfirming(false);
          clearError();
        }}
      >
        <p>{t.keys.revokeConfirm(name)}</p>
        {error && <ErrorNotice failure={error} />}
      </ConfirmDialog>
    </>
  );
}
