import Link from 'next/link';
import { AutoRefresh } from '@/components/AutoRefresh';
import { EmptyState } from '@/components/EmptyState';
import { ErrorNotice } from '@/components/ErrorNotice';
import { PageHeader } from '@/components/PageHeader';
import { requirePage } from '@/lib/auth/viewer';
import { DETECTIONS } from '@/lib/graphql/documents/detections';
import { MODEL_VERSIONS, SCHEDULER_STATS } from '@/lib/graphql/documents/models';
import { tryQuery } from '@/lib/graphql/server';
import { getI18n } from '@/lib/i18n/server';
import { ArtifactTable } from './ArtifactTable';
import { RecentDetections } from './RecentDetections';
import { ServiceStats } from './ServiceStats';

const REFRESH_SECONDS = 5;
const RECENT_COUNT = 6;

export default async function OverviewPage() {
  await requirePage('overview');
  const { t } = await getI18n();
  const [stats, models, recent] = await Promise.all([
    tryQuery(SCHEDULER_STATS),
    tryQuery(MODEL_VERSIONS),
    tryQuery(DETECTIONS, { first: RECENT_COUNT }),
  ]);
  const activeModels = models.data?.modelVersions.filter((model) => model.active) ?? [];

  return (
    <>
      <AutoRefresh seconds={REFRESH_SECONDS} />
      <PageHeader title={t.overview.title} description={t.overview.description} />
      {stats.error ? (
        <ErrorNotice failure={stats.error} retry />
      ) : (
        <ServiceStats stats={stats.data.schedulerStats} activeModels={activeModels} />
      )}
      {stats.data && (
        <section className="card">
          <h2>{t.overview.artifacts}</h2>
          {stats.data.schedulerStats.artifacts.length > 0 ? (
            <ArtifactTable artifacts={stats.data.schedulerStats.artifacts} />
          ) : (
            <EmptyState title={t.overview.noArtifacts} />
          )}
        </section>
      )}
      <section className="card">
        <div className="card-header">
          <h2>{t.overview.recent}</h2>
          <Link href="/history">{t.overview.viewAll}</Link>
        </div>
        {recent.error ? (
          <ErrorNotice failure={recent.error} />
        ) : recent.data.detections.edges.length > 0 ? (
          <RecentDetections detections={recent.data.detections.edges.map((edge) => edge.node)} />
        ) : (
          <EmptyState title={t.overview.noRecent} />
        )}
      </section>
    </>
  );
}
