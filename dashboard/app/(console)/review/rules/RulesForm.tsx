'use client';
import { useState } from 'react';
import { ErrorNotice } from '@/components/ErrorNotice';
import { UPDATE_REVIEW_RULES } from '@/lib/graphql/documents/review';
import type { ReviewRulesFragment } from '@/lib/graphql/generated/graphql';
import { useMutation } from '@/lib/graphql/useMutation';
import { useI18n } from '@/lib/i18n/client';
import { parseList } from '@/lib/labels/edit';

/** Optional thresholds are typed as text: empty means off. */
const optionalNumber = (text: string) => (text.trim() === '' ? null : Number(text));

export function RulesForm({ rules }: { rules: ReviewRulesFragment }) {
  const { t } = useI18n();
  const r = t.reviewRules;
  const save = useMutation(UPDATE_REVIEW_RULES);
  const [saved, setSaved] = useState(false);

  async function onSubmit(form: FormData) {
    setSaved(false);
    const text = (name: string) => String(form.get(name) ?? '');
    const input: ReviewRulesFragment = {
      enabled: form.get('enabled') === 'on',
      lowScoreBelow: optionalNumber(text('lowScoreBelow')),
      borderlineMargin: optionalNumber(text('borderlineMargin')),
      watchedClasses: parseList(text('watchedClasses')),
      randomShare: Number(text('randomShare')),
      hourlyCap: Number(text('hourlyCap')),
      dailyCap: Number(text('dailyCap')),
    };
    if (await save.run({ input })) setSaved(true);
  }

  const number = (
    name: keyof ReviewRulesFragment,
    label: string,
    value: number | null,
    step: number,
    hint?: string,
  ) => (
    <label className="field">
      <span>
        {label} {hint && <span className="muted">· {hint}</span>}
      </span>
      <input
        type="number"
        name={name}
        min={0}
        step={step}
        defaultValue={value ?? ''}
        style={{ width: 140 }}
      />
    </label>
  );

  return (
    <form action={onSubmit} className="card stack" style={{ maxWidth: 640 }}>
      <label className="row">
        <input type="checkbox" name="enabled" defaultChecked={rules.enabled} />
        {r.enabled}
      </label>
      <div className="row">
        {number('lowScoreBelow', r.lowScoreBelow, rules.lowScoreBelow, 0.01, r.offHint)}
        {number('borderlineMargin', r.borderlineMargin, rules.borderlineMargin, 0.01, r.offHint)}
      </div>
      <label className="field">
        {r.watchedClasses}
        <input type="text" name="watchedClasses" defaultValue={rules.watchedClasses.join(', ')} />
      </label>
      <div className="row">
        {number('randomShare', r.randomShare, rules.randomShare, 0.001)}
        {number('hourlyCap', r.hourlyCap, rules.hourlyCap, 1)}
        {number('dailyCap', r.dailyCap, rules.dailyCap, 1)}
      </div>
      <p className="muted">{r.flagsNote}</p>
      {save.error && <ErrorNotice failure={save.error} />}
      {saved && (
        <p className="notice success" role="status">
          {r.saved}
        </p>
      )}
      <div>
        <button type="submit" className="button primary" disabled={save.pending}>
          {save.pending ? t.common.saving : t.common.save}
        </button>
      </div>
    </form>
  );
}
