import { ErrorNotice } from '@/components/ErrorNotice';
import { PROFILE_BENCHMARK_JOB, PROFILE_BENCHMARK_JOBS } from '@/lib/graphql/documents/profiles';
import { tryQuery } from '@/lib/graphql/server';
import type { ModelVersionFragment, ProfileBenchmarkJobFragment } from '@/lib/graphql/generated/graphql';
import { getI18n } from '@/lib/i18n/server';
import { BenchmarkPanel } from './BenchmarkPanel';
import { isJobActive } from './jobs';
import { RecentBenchmarkJobs } from './RecentBenchmarkJobs';

const RECENT_JOBS = 5;

/** A model's benchmarks: the start panel (admins only) and the latest jobs with their status (everyone). */
export async function BenchmarkSection({
  model,
  canStart,
  watchJobId,
}: {
  model: ModelVersionFragment;
  canStart: boolean;
  /** A job named in the URL, to show in the panel. */
  watchJobId: string | undefined;
}) {
  const { t } = await getI18n();
  const jobs = await tryQuery(PROFILE_BENCHMARK_JOBS, { first: RECENT_JOBS });
  // An API without benchmark jobs does not know the field: there is nothing to start or show.
  if (jobs.error?.code === 'GRAPHQL_VALIDATION_FAILED') return null;
  const recent = (jobs.data?.profileBenchmarkJobs.edges ?? [])
    .map((edge) => edge.node)
    .filter((job) => job.model === model.name);
  const watched = canStart ? await jobToWatch(model.name, recent, watchJobId) : null;

  return (
    <>
      {canStart && (
        // A new job in the URL starts the panel afresh; a refresh of the page keeps the one it watches.
        <BenchmarkPanel key={watchJobId ?? 'current'} model={model} initialJob={watched} />
      )}
      <div className="stack">
        <h3>{t.models.benchmark.recent}</h3>
        {jobs.error ? (
          <ErrorNotice failure={jobs.error} />
        ) : (
          <RecentBenchmarkJobs jobs={recent} watchingId={watched?.id} canWatch={canStart} />
        )}
      </div>
    </>
  );
}

/** The job named in the URL if it is this model's, otherwise this model's job still going, if any. */
async function jobToWatch(
  model: string,
  recent: ProfileBenchmarkJobFragment[],
  watchJobId: string | undefined,
): Promise<ProfileBenchmarkJobFragment | null> {
  if (watchJobId) {
    const named =
      recent.find((job) => job.id === watchJobId) ??
      (await tryQuery(PROFILE_BENCHMARK_JOB, { id: watchJobId })).data?.profileBenchmarkJob;
    if (named?.model === model) return named;
  }
  return recent.find((job) => isJobActive(job.status)) ?? null;
}
