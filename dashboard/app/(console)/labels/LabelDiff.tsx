'use client';
// What a publish or an import will change, field by field.
import {
  changedFields,
  EDIT_FIELDS,
  type ComparedLabel,
  type EditField,
  type LabelDelta,
} from '@/lib/labels/edit';
import { useI18n } from '@/lib/i18n/client';
import type { Messages } from '@/lib/i18n/zh-CN';
import styles from './labels.module.css';

function showValue(field: EditField, label: ComparedLabel, t: Messages): string {
  const value = label[field];
  if (Array.isArray(value)) return value.join('、') || t.common.none;
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (value === null || value === '') return t.common.none;
  return String(value);
}

export function LabelDiff({ deltas }: { deltas: LabelDelta[] }) {
  const { t } = useI18n();
  return (
    <ul className={styles.diff}>
      {deltas.map((delta) => {
        const fields = delta.before && delta.after ? changedFields(delta.before, delta.after) : EDIT_FIELDS;
        const shown = delta.after ?? delta.before!;
        return (
          <li key={delta.key}>
            <span className={`badge ${delta.change === 'REMOVED' ? 'danger' : 'accent'}`}>
              {t.labels.changeKinds[delta.change]}
            </span>{' '}
            <span className="mono">{delta.key}</span>
            {delta.change === 'CHANGED' ? (
              <ul>
                {fields.map((field) => (
                  <li key={field}>
                    <span className="muted">{t.labels.columns[field]}：</span>
                    <del>{showValue(field, delta.before!, t)}</del> →{' '}
                    <ins>{showValue(field, delta.after!, t)}</ins>
                  </li>
                ))}
              </ul>
            ) : (
              <> {shown.zh}</>
            )}
          </li>
        );
      })}
    </ul>
  );
}
