'use client';
// Works through the head of the queue: one detection at a time. Reviewed and skipped detections are hidden at
// once; submitting also refreshes the page (useMutation), which brings the next head of the queue.
import { useState } from 'react';
import { EmptyState } from '@/components/EmptyState';
import type { Label, ReviewableDetection } from '@/lib/graphql/types';
import { useI18n } from '@/lib/i18n/client';
import { ReviewItem } from './ReviewItem';

export function ReviewWorkbench({
  items,
  totalCount,
  labelsBySet,
}: {
  items: ReviewableDetection[];
  totalCount: number;
  labelsBySet: Record<string, Label[]>;
}) {
  const { t } = useI18n();
  const [reviewed, setReviewed] = useState<ReadonlySet<string>>(new Set());
  const [skipped, setSkipped] = useState<ReadonlySet<string>>(new Set());
  const current = items.find((item) => !reviewed.has(item.id) && !skipped.has(item.id));
  const add = (set: ReadonlySet<string>, id: string) => new Set([...set, id]);

  if (!current) {
    return (
      <section className="card">
        <EmptyState title={t.review.empty} />
      </section>
    );
  }
  return (
    <section className="card stack">
      <p className="muted" aria-live="polite">
        {t.review.remaining(Math.max(totalCount - reviewed.size, 0))}
      </p>
      <ReviewItem
        key={current.id}
        detection={current}
        labels={labelsBySet[current.labelSet] ?? []}
        onDone={(outcome) =>
          outcome === 'reviewed'
            ? setReviewed((s) => add(s, current.id))
            : setSkipped((s) => add(s, current.id))
        }
      />
    </section>
  );
}
