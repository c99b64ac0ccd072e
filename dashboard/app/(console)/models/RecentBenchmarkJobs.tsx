import Link from 'next/link';
import { formatDateTime, formatElapsed } from '@/lib/format';
import type { ProfileBenchmarkJobFragment } from '@/lib/graphql/generated/graphql';
import { getI18n } from '@/lib/i18n/server';
import { profileName } from '@/lib/profiles';
import { isJobActive, JOB_STATUS_BADGE, jobElapsedMs, watchJobHref } from './jobs';
import styles from './models.module.css';

/** The latest benchmark jobs, newest first, each with a link that shows it in the benchmark panel. */
export async function RecentBenchmarkJobs({
  jobs,
  watchingId,
  canWatch,
}: {
  jobs: ProfileBenchmarkJobFragment[];
  watchingId: string | undefined;
  /** Whether there is a benchmark panel to show a job in (admins). */
  canWatch: boolean;
}) {
  const { locale, t } = await getI18n();
  const b = t.models.benchmark;
  const c = b.columns;
  if (jobs.length === 0) return <p className="muted">{b.noJobs}</p>;
  const now = Date.now();

  return (
    <div className="table-wrap">
      <table className="data" data-testid="recent-benchmarks">
        <thead>
          <tr>
            <th>{c.created}</th>
            <th>{c.status}</th>
            <th>{c.sizes}</th>
            <th>{c.profiles}</th>
            <th>{c.images}</th>
            <th className="num">{c.duration}</th>
            <th>{c.detail}</th>
            {canWatch && <th>{t.common.actions}</th>}
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <tr key={job.id}>
              <td className="nowrap">{formatDateTime(job.createdAt, locale)}</td>
              <td>
                <span className={JOB_STATUS_BADGE[job.status]}>{b.status[job.status]}</span>
              </td>
              <td className="nowrap">{job.parameters.sizes.join(', ')}</td>
              <td>{job.parameters.precisions.map(profileName).join(', ')}</td>
              <td className="nowrap">
                {job.parameters.maxImages === null ? b.allImages : b.quickImages(job.parameters.maxImages)}
              </td>
              <td className="num mono">{formatElapsed(jobElapsedMs(job, now))}</td>
              <td className={styles.detail} title={(job.error ?? job.message) || undefined}>
                {job.status === 'FAILED' ? (
                  <span className={styles.failed}>{job.error}</span>
                ) : isJobActive(job.status) ? (
                  job.message
                ) : (
                  <span className="muted">{job.message}</span>
                )}
              </td>
              {canWatch && (
                <td>
                  {job.id === watchingId ? (
                    <span className="muted">{b.watching}</span>
                  ) : (
                    <Link href={watchJobHref(job)}>{b.view}</Link>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
