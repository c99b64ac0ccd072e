'use client';
// Publishing is two steps: show the diff against the latest version, then create the new version.
import { useState } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { ErrorNotice } from '@/components/ErrorNotice';
import { request } from '@/lib/graphql/client';
import { LABEL_SET_DIFF, PUBLISH_LABEL_SET } from '@/lib/graphql/documents/labels';
import { toFailure, type RequestFailure } from '@/lib/graphql/errors';
import { useMutation } from '@/lib/graphql/useMutation';
import { useI18n } from '@/lib/i18n/client';
import { deltasOf, type LabelDelta } from '@/lib/labels/edit';
import { LabelDiff } from './LabelDiff';

export function PublishButton({
  labelSet,
  name,
  disabled,
}: {
  labelSet: string;
  name: string;
  disabled: boolean;
}) {
  const { t } = useI18n();
  const [changes, setChanges] = useState<LabelDelta[] | null>(null);
  const [loadingDiff, setLoadingDiff] = useState(false);
  const [diffFailure, setDiffFailure] = useState<RequestFailure | null>(null);
  const [publishedVersion, setPublishedVersion] = useState<number | null>(null);
  const publish = useMutation(PUBLISH_LABEL_SET);

  async function review() {
    setLoadingDiff(true);
    setDiffFailure(null);
    setPublishedVersion(null);
    try {
      setChanges(deltasOf((await request(LABEL_SET_DIFF, { key: labelSet })).labelSetDiff));
    } catch (error) {
      setDiffFailure(toFailure(error));
    } finally {
      setLoadingDiff(false);
    }
  }

  async function confirm() {
    const result = await publish.run({ key: labelSet });
    if (!result) return;
    setChanges(null);
    setPublishedVersion(result.publishLabelSet.version);
  }

  return (
    <>
      <button type="button" className="button primary" onClick={review} disabled={disabled || loadingDiff}>
        {t.labels.publish}
      </button>
      {diffFailure && <ErrorNotice failure={diffFailure} />}
      {publishedVersion !== null && (
        <span className="notice success" role="status">
          {t.labels.publishedNotice(publishedVersion)}
        </span>
      )}
      <ConfirmDialog
        open={changes !== null}
        title={t.labels.publishTitle(name)}
        confirmLabel={changes?.length ? t.labels.confirmPublish : undefined}
        pending={publish.pending}
        onConfirm={confirm}
        onClose={() => {
          setChanges(null);
          publish.clearError();
        }}
      >
        {changes?.length ? (
          <>
            <p>{t.labels.publishIntro}</p>
            <LabelDiff deltas={changes} />
          </>
        ) : (
          <p>{t.labels.noChanges}</p>
        )}
        {publish.error && <ErrorNotice failure={publish.error} />}
      </ConfirmDialog>
    </>
  );
}
