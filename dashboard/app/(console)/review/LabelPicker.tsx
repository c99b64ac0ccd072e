'use client';
// Choosing a label by typing: Chinese name or alias, pinyin (full or initials) or English key; ↑ ↓ and Enter.
import { useState } from 'react';
import type { LabelFragment } from '@/lib/graphql/generated/graphql';
import { useI18n } from '@/lib/i18n/client';
import { labelMatches } from '@/lib/labels/search';
import styles from './review.module.css';

const SHOWN = 8;

export function LabelPicker({
  labels,
  title,
  onChoose,
  onCancel,
}: {
  labels: LabelFragment[];
  title: string;
  onChoose(label: LabelFragment): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const matches = labels.filter((label) => labelMatches(label, query)).slice(0, SHOWN);

  function onKeyDown(event: React.KeyboardEvent) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (index + step + matches.length) % Math.max(matches.length, 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (matches[active]) onChoose(matches[active]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  }

  return (
    <div className={styles.picker} role="dialog" aria-label={title}>
      <strong>{title}</strong>
      <input
        type="search"
        autoFocus
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        placeholder={t.review.labelSearchPlaceholder}
        aria-label={t.review.labelSearch}
        aria-controls="label-choices"
      />
      <ul id="label-choices" role="listbox" aria-label={title} className={styles.choices}>
        {matches.map((label, index) => (
          <li
            key={label.key}
            role="option"
            aria-selected={index === active}
            className={index === active ? styles.activeChoice : undefined}
            onMouseDown={(event) => event.preventDefault()} // keep focus in the search box
            onClick={() => onChoose(label)}
          >
            <span className="swatch" style={{ background: label.color }} />
            {label.zh} <span className="muted mono">{label.key}</span>
            {label.pinyin && <span className="muted"> · {label.pinyin}</span>}
          </li>
        ))}
        {matches.length === 0 && <li className="muted">{t.review.noLabelMatch}</li>}
      </ul>
    </div>
  );
}
