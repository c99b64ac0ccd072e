import { ErrorNotice } from '@/components/ErrorNotice';
import { PageHeader } from '@/components/PageHeader';
import { requirePage } from '@/lib/auth/viewer';
import { LABEL_SET } from '@/lib/graphql/documents/labels';
import { REVIEW_QUEUE } from '@/lib/graphql/documents/review';
import { query, tryQuery } from '@/lib/graphql/server';
import { getI18n } from '@/lib/i18n/server';
import { ReviewWorkbench } from './ReviewWorkbench';

/** Enough to keep going while the page refreshes after each submit. */
const QUEUE_HEAD = 20;

export default async function ReviewPage() {
  await requirePage('review');
  const { t } = await getI18n();
  const result = await tryQuery(REVIEW_QUEUE, { first: QUEUE_HEAD });
  if (result.error) return <ErrorNotice failure={result.error} retry />;
  const { items, totalCount } = result.data.reviewQueue;
  // Corrections are chosen from the latest published version of each detection's label set.
  const sets = [...new Set(items.map((item) => item.labelSet))];
  const labelsBySet = Object.fromEntries(
    await Promise.all(
      sets.map(async (key) => [key, (await query(LABEL_SET, { key })).labelSet.labels] as const),
    ),
  );
  return (
    <>
      <PageHeader title={t.review.title} description={t.review.description} />
      <ReviewWorkbench items={items} totalCount={totalCount} labelsBySet={labelsBySet} />
    </>
  );
}
