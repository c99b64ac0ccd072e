'use client';
import { useState } from 'react';
import { fingerprint } from '@/lib/labels/edit';
import { labelMatches } from '@/lib/labels/search';
import { inCheckingOrder, toCheck } from '@/lib/labels/order';
import type { LabelCategoryFragment, LabelFragment } from '@/lib/graphql/generated/graphql';
import { useI18n } from '@/lib/i18n/client';
import { AddLabelButton } from './AddLabelButton';
import { CATEGORY_LIST_ID, LabelRow } from './LabelRow';

export function LabelTable({
  labelSet,
  labels,
  categories,
}: {
  labelSet: string;
  labels: LabelFragment[];
  /** The fine and coarse categories, offered in the category inputs (free text stays allowed). */
  categories: LabelCategoryFragment[];
}) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const shown = inCheckingOrder(labels.filter((label) => labelMatches(label, query)));
  const { untranslated, dictionary } = toCheck(labels);
  const c = t.labels.columns;

  return (
    <div className="stack">
      <div className="row">
        <input
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder={t.labels.searchPlaceholder}
          aria-label={t.labels.search}
          style={{ width: 360 }}
        />
        <span className="muted">{t.labels.count(shown.length, labels.length)}</span>
        <AddLabelButton labelSet={labelSet} labels={labels} />
      </div>
      {untranslated + dictionary > 0 && (
        <p className="notice">{t.labels.toCheck(untranslated, dictionary)}</p>
      )}
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th>{c.key}</th>
              <th>{c.zh}</th>
              <th>{c.source}</th>
              <th title={t.labels.aliasesHint}>{c.aliases}</th>
              <th>{c.category}</th>
              <th title={t.labels.classesHint}>{c.classes}</th>
              <th title={t.labels.categoriesHint}>{c.categories}</th>
              <th>{c.color}</th>
              <th>{c.enabled}</th>
              <th title={t.labels.minScoreHint}>{c.minScore}</th>
              <th>{t.common.actions}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((label) => (
              // Keyed by content too: when the saved label comes back from the server, the row starts clean.
              <LabelRow
                key={`${label.key}:${fingerprint(label)}`}
                labelSet={labelSet}
                label={label}
                categories={categories}
              />
            ))}
          </tbody>
        </table>
      </div>
      {shown.length === 0 && <p className="muted">{t.labels.noMatch(query)}</p>}
      <datalist id={CATEGORY_LIST_ID}>
        {categories.map((category) => (
          <option key={category.name} value={category.name} />
        ))}
      </datalist>
    </div>
  );
}
