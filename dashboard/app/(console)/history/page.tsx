import Link from 'next/link';
import { EmptyState } from '@/components/EmptyState';
import { ErrorNotice } from '@/components/ErrorNotice';
import { PageHeader } from '@/components/PageHeader';
import { requirePage } from '@/lib/auth/viewer';
import { DETECTIONS } from '@/lib/graphql/documents/detections';
import { tryQuery } from '@/lib/graphql/server';
import { getI18n } from '@/lib/i18n/server';
import { filterOf, pageHref, type HistorySearchParams } from './filters';
import { HistoryFilters } from './HistoryFilters';
import { HistoryTable } from './HistoryTable';

const PAGE_SIZE = 20;

export default async function HistoryPage({ searchParams }: { searchParams: Promise<HistorySearchParams> }) {
  await requirePage('history');
  const { t } = await getI18n();
  const params = await searchParams;
  const result = await tryQuery(DETECTIONS, {
    filter: filterOf(params),
    first: PAGE_SIZE,
    after: params.after || undefined,
  });

  return (
    <>
      <PageHeader title={t.history.title} description={t.history.description} />
      <HistoryFilters params={params} />
      <section className="card stack">
        {result.error ? (
          <ErrorNotice failure={result.error} retry />
        ) : result.data.detections.edges.length === 0 ? (
          <EmptyState title={t.history.empty} />
        ) : (
          <>
            <HistoryTable detections={result.data.detections.edges.map((edge) => edge.node)} />
            <div className="row">
              <span className="muted">{t.common.total(result.data.detections.totalCount)}</span>
              {params.after && (
                <Link href={pageHref({ ...params, after: undefined })}>{t.common.firstPage}</Link>
              )}
              {result.data.detections.pageInfo.hasNextPage && result.data.detections.pageInfo.endCursor && (
                <Link href={pageHref(params, result.data.detections.pageInfo.endCursor)}>
                  {t.common.nextPage}
                </Link>
              )}
            </div>
          </>
        )}
      </section>
    </>
  );
}
