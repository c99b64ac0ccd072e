'use client';
import { ErrorNotice } from '@/components/ErrorNotice';
import { SET_DEFAULT_PROFILE } from '@/lib/graphql/documents/models';
import { useMutation } from '@/lib/graphql/useMutation';
import { useI18n } from '@/lib/i18n/client';
import type { Profile } from '@/lib/profiles';

export function SetDefaultButton({
  model,
  profile,
  isDefault,
}: {
  model: string;
  profile: Profile;
  isDefault: boolean;
}) {
  const { t } = useI18n();
  const { run, pending, error } = useMutation(SET_DEFAULT_PROFILE);
  if (isDefault) return <span className="badge ok">{t.models.isDefault}</span>;
  return (
    <>
      <button
        type="button"
        className="button small"
        disabled={pending}
        onClick={() => run({ model, ...profile })}
      >
        {t.models.setDefault}
      </button>
      {error && <ErrorNotice failure={error} />}
    </>
  );
}
