// A detection's review where the detection is shown (History): queued and why, or the reviewer's corrections.
import { formatDateTime } from '@/lib/format';
import { DETECTION_REVIEW } from '@/lib/graphql/documents/review';
import { tryQuery } from '@/lib/graphql/server';
import { getI18n } from '@/lib/i18n/server';

export async function ReviewSummary({ detectionId }: { detectionId: string }) {
  const { locale, t } = await getI18n();
  const r = t.review;
  const result = await tryQuery(DETECTION_REVIEW, { id: detectionId });
  const detection = result.data?.detection;
  const review = detection?.review;
  if (!detection || !review || review.status === 'NOT_QUEUED') return null;
  const corrections = detection.objects.filter((o) => o.review && o.review.verdict !== 'CORRECT');

  return (
    <section className="card stack" data-testid="review-summary">
      <h2>
        {r.status[review.status]}{' '}
        {review.reasons.map((reason) => (
          <span key={reason} className="badge accent">
            {r.reasons[reason]}
          </span>
        ))}
      </h2>
      {review.flagReason && <p>{r.flagReason(review.flagReason)}</p>}
      {review.status === 'REVIEWED' && (
        <>
          <p className="muted">{r.reviewedAt(formatDateTime(review.reviewedAt, locale))}</p>
          {corrections.length === 0 && review.missed.length === 0 && <p>{r.allCorrect}</p>}
          <ul>
            {corrections.map(({ id, label, review: verdict }) => (
              <li key={id}>
                {verdict!.verdict === 'WRONG_LABEL'
                  ? `${label.zh} → ${verdict!.correctedLabel?.zh}`
                  : `✕ ${label.zh}`}{' '}
                <span className="muted">（{r.verdicts[verdict!.verdict]}）</span>
              </li>
            ))}
            {review.missed.map(({ label }, index) => (
              <li key={`missed-${index}`}>
                + {label.zh} <span className="muted">（{r.missedOne}）</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
