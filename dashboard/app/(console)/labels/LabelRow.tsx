'use client';
import { ErrorNotice } from '@/components/ErrorNotice';
import { UPDATE_LABEL } from '@/lib/graphql/documents/labels';
import type { LabelCategoryFragment, LabelFragment, LabelNameSource } from '@/lib/graphql/generated/graphql';
import { useMutation } from '@/lib/graphql/useMutation';
import { useI18n } from '@/lib/i18n/client';
import { editOf, parseList } from '@/lib/labels/edit';
import { useState, type InputHTMLAttributes } from 'react';

/** Names to check stand out: untranslated in red, dictionary ones highlighted. */
const SOURCE_BADGES: Record<LabelNameSource, string> = {
  UNTRANSLATED: 'danger',
  DICTIONARY: 'accent',
  CURATED: '',
  ADMIN: 'ok',
};

/** What the inputs hold: text as typed, turned into a LabelEdit only when saving. */
interface RowForm {
  zh: string;
  aliases: string;
  category: string;
  color: string;
  enabled: boolean;
  minScore: string;
  classes: string;
  categories: string;
}

type TextField = 'zh' | 'aliases' | 'category' | 'classes' | 'categories';

/** The id of the table's list of known categories, which the category inputs offer. */
export const CATEGORY_LIST_ID = 'label-categories';

function formOf(label: LabelFragment): RowForm {
  return {
    zh: label.zh,
    aliases: label.aliases.join(', '),
    category: label.category,
    color: label.color,
    enabled: label.enabled,
    minScore: label.minScore === null ? '' : String(label.minScore),
    classes: label.classes.join(', '),
    categories: label.categories.join(', '),
  };
}

function minScoreOf(text: string): number | null | undefined {
  if (text.trim() === '') return null;
  const value = Number(text);
  return value >= 0 && value <= 1 ? value : undefined; // undefined: not a valid score
}

export function LabelRow({
  labelSet,
  label,
  categories,
}: {
  labelSet: string;
  label: LabelFragment;
  /** The known categories, to show the coarse one a typed category counts under. */
  categories: LabelCategoryFragment[];
}) {
  const { t } = useI18n();
  const [form, setForm] = useState(() => formOf(label));
  const { run, pending, error } = useMutation(UPDATE_LABEL);
  const dirty = JSON.stringify(form) !== JSON.stringify(formOf(label));
  const minScore = minScoreOf(form.minScore);
  const valid = form.zh.trim() !== '' && minScore !== undefined;
  const c = t.labels.columns;

  const update = (patch: Partial<RowForm>) => setForm((current) => ({ ...current, ...patch }));
  // A dictionary name that is right is confirmed by saving it as it is: it becomes the admin's (已核对).
  const confirmable = !dirty && label.nameSource === 'DICTIONARY';
  const save = () => {
    if (!(dirty || confirmable) || !valid || pending) return;
    void run({
      input: {
        ...editOf(label),
        labelSet,
        zh: form.zh.trim(),
        aliases: parseList(form.aliases),
        category: form.category.trim(),
        color: form.color,
        enabled: form.enabled,
        minScore: minScore ?? null,
        classes: parseList(form.classes),
        categories: parseList(form.categories),
      },
    });
  };
  const saveOnEnter = (event: React.KeyboardEvent) => {
    if (event.key === 'Enter') save();
  };
  const described = (column: string) => `${label.key} ${column}`;
  /** A text cell of the row, named "<key> <column>" for screen readers (and tests). */
  const textInput = (field: TextField, extra: InputHTMLAttributes<HTMLInputElement> = {}) => (
    <input
      type="text"
      aria-label={described(c[field])}
      value={form[field]}
      onChange={(e) => update({ [field]: e.target.value })}
      onKeyDown={saveOnEnter}
      {...extra}
    />
  );
  const category = form.category.trim();
  const coarse = categories.find((known) => known.name === category)?.coarse ?? null;

  return (
    <>
      <tr className={dirty ? 'dirty' : undefined}>
        <td className="mono">{label.key}</td>
        <td>{textInput('zh', { 'aria-invalid': !form.zh.trim() })}</td>
        <td>
          <span className={`badge ${SOURCE_BADGES[label.nameSource]}`}>
            {t.labels.nameSources[label.nameSource]}
          </span>
        </td>
        <td>{textInput('aliases')}</td>
        <td>
          {textInput('category', { list: CATEGORY_LIST_ID })}
          <div className="muted">{t.labels.coarseOf(coarse)}</div>
        </td>
        <td>{textInput('classes', { placeholder: label.key })}</td>
        <td>{textInput('categories', { list: CATEGORY_LIST_ID })}</td>
        <td>
          <input
            type="color"
            aria-label={described(c.color)}
            value={form.color}
            onChange={(e) => update({ color: e.target.value })}
          />
        </td>
        <td>
          <input
            type="checkbox"
            aria-label={described(c.enabled)}
            checked={form.enabled}
            onChange={(e) => update({ enabled: e.target.checked })}
          />
        </td>
        <td>
          <input
            type="number"
            min={0}
            max={1}
            step={0.05}
            aria-label={described(c.minScore)}
            aria-invalid={minScore === undefined}
            value={form.minScore}
            onChange={(e) => update({ minScore: e.target.value })}
            onKeyDown={saveOnEnter}
            style={{ width: 80 }}
          />
        </td>
        <td className="nowrap">
          {dirty && (
            <span className="row" style={{ gap: 6 }}>
              <button
                type="button"
                className="button small primary"
                onClick={save}
                disabled={!valid || pending}
              >
                {pending ? t.common.saving : t.common.save}
              </button>
              <button
                type="button"
                className="button small"
                onClick={() => setForm(formOf(label))}
                disabled={pending}
              >
                {t.labels.revert}
              </button>
            </span>
          )}
          {confirmable && (
            <button type="button" className="button small" onClick={save} disabled={pending}>
              {pending ? t.common.saving : t.labels.confirmName}
            </button>
          )}
        </td>
      </tr>
      {error && (
        <tr>
          <td colSpan={11}>
            <ErrorNotice failure={error} />
          </td>
        </tr>
      )}
    </>
  );
}
