'use client';
// 添加标签: a label the model's classes do not name yet (e.g. for a fine-tuned class), added to the draft.
import { useState } from 'react';
import { ErrorNotice } from '@/components/ErrorNotice';
import { ADD_LABEL } from '@/lib/graphql/documents/labels';
import type { LabelFragment } from '@/lib/graphql/generated/graphql';
import { useMutation } from '@/lib/graphql/useMutation';
import { useI18n } from '@/lib/i18n/client';

const NEW_LABEL_COLOUR = '#3b82f6';

export function AddLabelButton({ labelSet, labels }: { labelSet: string; labels: LabelFragment[] }) {
  const { t } = useI18n();
  const a = t.labels.add;
  const [open, setOpen] = useState(false);
  const { run, pending, error } = useMutation(ADD_LABEL);
  const categories = [...new Set(labels.map((label) => label.category))];

  async function add(form: FormData) {
    const input = {
      labelSet,
      key: String(form.get('key')).trim(),
      zh: String(form.get('zh')).trim(),
      category: String(form.get('category')) || undefined,
      color: String(form.get('color')),
    };
    if (await run({ input })) setOpen(false);
  }

  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {a.button}
      </button>
    );
  }
  return (
    <form action={add} className="row" style={{ alignItems: 'flex-end' }} aria-label={a.button}>
      <label className="field">
        {t.labels.columns.key}
        <input type="text" name="key" required maxLength={64} placeholder={a.keyHint} />
      </label>
      <label className="field">
        {t.labels.columns.zh}
        <input type="text" name="zh" required maxLength={32} />
      </label>
      <label className="field">
        {t.labels.columns.category}
        <select name="category" defaultValue={categories[0] ?? ''}>
          {categories.map((category) => (
            <option key={category} value={category}>
              {category}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        {t.labels.columns.color}
        <input type="color" name="color" defaultValue={NEW_LABEL_COLOUR} />
      </label>
      <button type="submit" className="button primary" disabled={pending}>
        {a.submit}
      </button>
      <button type="button" className="button" onClick={() => setOpen(false)} disabled={pending}>
        {t.common.cancel}
      </button>
      {error && <ErrorNotice failure={error} />}
    </form>
  );
}
