'use client';
import Link from 'next/link';
import { useId, useState } from 'react';
import { ErrorNotice } from '@/components/ErrorNotice';
import { request } from '@/lib/graphql/client';
import {
  CANCEL_PROFILE_BENCHMARK,
  PROFILE_BENCHMARK_JOBS,
  START_PROFILE_BENCHMARK,
} from '@/lib/graphql/documents/profiles';
import { toFailure, type RequestFailure } from '@/lib/graphql/errors';
import type {
  ModelVersionFragment,
  ProfileBenchmarkJobFragment,
  StartProfileBenchmarkInput,
} from '@/lib/graphql/generated/graphql';
import { useI18n } from '@/lib/i18n/client';
import { bakedSizesOf } from '@/lib/profiles';
import { BenchmarkForm } from './BenchmarkForm';
import { BenchmarkProgress } from './BenchmarkProgress';
import { benchmarkAnchor, isJobActive, watchJobHref } from './jobs';
import { useWatchedJob } from './useWatchedJob';
import styles from './models.module.css';

/** Admins start a profile benchmark here and watch it run; its results then show in the comparison. */
export function BenchmarkPanel({
  model,
  initialJob,
}: {
  model: ModelVersionFragment;
  /** The job to show at first: one named in the URL, or one of this model's still running. */
  initialJob: ProfileBenchmarkJobFragment | null;
}) {
  const { t } = useI18n();
  const b = t.models.benchmark;
  const headingId = useId();
  const { job, pollError, now, watch } = useWatchedJob(initialJob);
  const [starting, setStarting] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [failure, setFailure] = useState<RequestFailure | null>(null);
  /** With a CONFLICT: the job in the way, to watch instead. */
  const [runningJob, setRunningJob] = useState<ProfileBenchmarkJobFragment | null>(null);
  const sizes = bakedSizesOf(model);

  async function start(input: StartProfileBenchmarkInput) {
    setStarting(true);
    setFailure(null);
    setRunningJob(null);
    try {
      watch((await request(START_PROFILE_BENCHMARK, { input })).startProfileBenchmark);
    } catch (error) {
      const next = toFailure(error);
      setFailure(next);
      if (next.code === 'CONFLICT') setRunningJob(await findRunningJob());
    } finally {
      setStarting(false);
    }
  }

  async function cancel(id: string) {
    setCancelling(true);
    setFailure(null);
    try {
      watch((await request(CANCEL_PROFILE_BENCHMARK, { id })).cancelProfileBenchmark);
    } catch (error) {
      setFailure(toFailure(error));
    } finally {
      setCancelling(false);
    }
  }

  return (
    <section id={benchmarkAnchor(model.name)} className={`stack ${styles.panel}`} aria-labelledby={headingId}>
      <h3 id={headingId}>{b.title}</h3>
      <p className="muted">{b.intro}</p>
      {sizes.length === 0 ? (
        <p>{b.noSizes}</p>
      ) : (
        <BenchmarkForm
          model={model.name}
          sizes={sizes}
          defaultSize={model.defaultInputSize}
          disabled={!!job && isJobActive(job.status)}
          pending={starting}
          onStart={start}
        />
      )}
      {failure?.code === 'CONFLICT' ? (
        <div className="notice error" role="alert">
          <div className="row">
            <span>{b.conflict}</span>
            {runningJob &&
              (runningJob.model === model.name ? (
                <button
                  type="button"
                  className="button small"
                  onClick={() => {
                    watch(runningJob);
                    setFailure(null);
                  }}
                >
                  {b.watchRunning}
                </button>
              ) : (
                <Link href={watchJobHref(runningJob)}>{b.watchRunning}</Link>
              ))}
          </div>
          <details>
            <summary>{t.errorDetail}</summary>
            {failure.message}
          </details>
        </div>
      ) : (
        failure && <ErrorNotice failure={failure} />
      )}
      {job && (
        <BenchmarkProgress
          job={job}
          now={now}
          pollError={pollError}
          onCancel={() => cancel(job.id)}
          cancelling={cancelling}
        />
      )}
    </section>
  );
}

/** The queued or running job, if the list still has one. */
async function findRunningJob(): Promise<ProfileBenchmarkJobFragment | null> {
  try {
    const { profileBenchmarkJobs } = await request(PROFILE_BENCHMARK_JOBS, { first: 5 });
    return profileBenchmarkJobs.edges.map((edge) => edge.node).find((job) => isJobActive(job.status)) ?? null;
  } catch {
    return null;
  }
}
