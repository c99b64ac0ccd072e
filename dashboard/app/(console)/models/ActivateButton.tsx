'use client';
import { useState } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { ErrorNotice } from '@/components/ErrorNotice';
import { ACTIVATE_MODEL_VERSION } from '@/lib/graphql/documents/models';
import { useMutation } from '@/lib/graphql/useMutation';
import { useI18n } from '@/lib/i18n/client';

export function ActivateButton({
  name,
  version,
  isRollback,
}: {
  name: string;
  version: string;
  isRollback: boolean;
}) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const { run, pending, error, clearError } = useMutation(ACTIVATE_MODEL_VERSION);
  const label = isRollback ? t.models.rollback : t.models.activate;

  return (
    <>
      <button type="button" className="button small" onClick={() => setConfirming(true)}>
        {label}
      </button>
      <ConfirmDialog
        open={confirming}
        title={label}
        confirmLabel={label}
        pending={pending}
        onConfirm={async () => {
          if (await run({ name, version })) setConfirming(false);
        }}
        onClose={() => {
          setConfirming(false);
          clearError();
        }}
      >
        <p>{t.models.activateConfirm(name, version)}</p>
        {error && <ErrorNotice failure={error} />}
      </ConfirmDialog>
    </>
  );
}
