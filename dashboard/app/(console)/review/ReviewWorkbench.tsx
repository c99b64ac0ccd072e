'use client';
// Works through the head of the queue: one detection at a time. Reviewed and skipped detections are hidden at
// once; submitting also refreshes the page (useMutation), which brings the next head of the queue. Looking claims
// nothing: the first action on a detection claims it (so an admin glancing at the queue holds nothing back), and
// one another reviewer claimed first is skipped here. Skipping keeps it out of this reviewer's queue for a while.
import { useRef, useState } from 'react';
import { EmptyState } from '@/components/EmptyState';
import { request } from '@/lib/graphql/client';
import { CLAIM_REVIEW, SKIP_REVIEW } from '@/lib/graphql/documents/review';
import { toFailure } from '@/lib/graphql/errors';
import type { LabelFragment, ReviewableDetectionFragment } from '@/lib/graphql/generated/graphql';
import { useI18n } from '@/lib/i18n/client';
import { ReviewItem } from './ReviewItem';

export function ReviewWorkbench({
  items,
  totalCount,
  labelsBySet,
}: {
  items: ReviewableDetectionFragment[];
  totalCount: number;
  labelsBySet: Record<string, LabelFragment[]>;
}) {
  const { t } = useI18n();
  const [reviewed, setReviewed] = useState<ReadonlySet<string>>(new Set());
  const [skipped, setSkipped] = useState<ReadonlySet<string>>(new Set());
  const [takenByOthers, setTakenByOthers] = useState(0);
  const current = items.find((item) => !reviewed.has(item.id) && !skipped.has(item.id));
  const add = (set: ReadonlySet<string>, id: string) => new Set([...set, id]);
  const claimed = useRef(new Set<string>());

  function claim(id: string) {
    if (claimed.current.has(id)) return;
    claimed.current.add(id);
    // Any other failure leaves it on screen: submitting says what is wrong, if anything still is.
    request(CLAIM_REVIEW, { detectionId: id }).catch((error: unknown) => {
      if (toFailure(error).code !== 'CONFLICT') return;
      setSkipped((s) => add(s, id));
      setTakenByOthers((n) => n + 1);
    });
  }

  function skip(id: string) {
    setSkipped((s) => add(s, id));
    request(SKIP_REVIEW, { detectionId: id }).catch(() => undefined); // a claim lapses on its own otherwise
  }

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
        {takenByOthers > 0 && ` · ${t.review.takenByOthers(takenByOthers)}`}
      </p>
      <ReviewItem
        key={current.id}
        detection={current}
        labels={labelsBySet[current.labelSet] ?? []}
        onAct={() => claim(current.id)}
        onDone={(outcome) =>
          outcome === 'reviewed' ? setReviewed((s) => add(s, current.id)) : skip(current.id)
        }
      />
    </section>
  );
}
