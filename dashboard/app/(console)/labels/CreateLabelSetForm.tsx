'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ErrorNotice } from '@/components/ErrorNotice';
import { CREATE_LABEL_SET } from '@/lib/graphql/documents/labels';
import type { LabelSetSummaryFragment } from '@/lib/graphql/generated/graphql';
import { useMutation } from '@/lib/graphql/useMutation';
import { useI18n } from '@/lib/i18n/client';

export function CreateLabelSetForm({ sets }: { sets: LabelSetSummaryFragment[] }) {
  const { t } = useI18n();
  const router = useRouter();
  const [cloneFrom, setCloneFrom] = useState(sets[0]?.key ?? '');
  const { run, pending, error } = useMutation(CREATE_LABEL_SET);

  async function create(form: FormData) {
    const key = String(form.get('key')).trim();
    const created = await run({
      input: { key, name: String(form.get('name')).trim(), cloneFrom: cloneFrom || undefined },
    });
    if (created) router.push(`/labels?set=${encodeURIComponent(created.createLabelSet.key)}`);
  }

  return (
    <section className="card">
      <h2>{t.labels.createTitle}</h2>
      <form action={create} className="row" style={{ alignItems: 'flex-end' }}>
        <label className="field">
          {t.labels.createKey}
          <input
            type="text"
            name="key"
            required
            pattern="[a-z0-9][a-z0-9_\-]*"
            maxLength={64}
            placeholder={t.labels.createKeyHint}
          />
        </label>
        <label className="field">
          {t.labels.createName}
          <input type="text" name="name" required maxLength={100} />
        </label>
        <label className="field">
          {t.labels.cloneFrom}
          <select value={cloneFrom} onChange={(event) => setCloneFrom(event.target.value)}>
            <option value="">{t.labels.cloneNone}</option>
            {sets.map((set) => (
              <option key={set.key} value={set.key}>
                {set.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button" disabled={pending}>
          {t.labels.create}
        </button>
      </form>
      {error && <ErrorNotice failure={error} />}
    </section>
  );
}
