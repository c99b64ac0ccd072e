'use client';
import { ErrorNotice } from '@/components/ErrorNotice';
import { formatElapsed } from '@/lib/format';
import type { RequestFailure } from '@/lib/graphql/errors';
import type { ProfileBenchmarkJobFragment } from '@/lib/graphql/generated/graphql';
import { useI18n } from '@/lib/i18n/client';
import { cancelText, progressText } from '@/lib/i18n/system-text';
import { describeJob, isJobActive, JOB_STATUS_BADGE, jobElapsedMs } from './jobs';
import styles from './models.module.css';
import { isFinalFailure } from './useWatchedJob';

/** One job as it goes: status, phase, what it is doing now, how long it has taken; its outcome at the end. */
export function BenchmarkProgress({
  job,
  now,
  pollError,
  onCancel,
  cancelling,
}: {
  job: ProfileBenchmarkJobFragment;
  now: number;
  pollError: RequestFailure | null;
  /** Offered while the job is going. */
  onCancel: () => void;
  cancelling: boolean;
}) {
  const { t } = useI18n();
  const b = t.models.benchmark;
  const active = isJobActive(job.status);

  return (
    <div className={styles.progress} data-testid="benchmark-progress" data-status={job.status}>
      <div className="row" aria-live="polite">
        <strong>{b.progress}</strong>
        <span className={JOB_STATUS_BADGE[job.status]}>{b.status[job.status]}</span>
        {active && job.phase && <span className="badge">{b.phases[job.phase] ?? job.phase}</span>}
        <span className="muted">
          {b.elapsed} <span className="mono">{formatElapsed(jobElapsedMs(job, now))}</span>
        </span>
        <span className="muted">{describeJob(job, b)}</span>
        {active && (
          <button type="button" className="button small" onClick={onCancel} disabled={cancelling}>
            {cancelling ? b.cancelling : b.cancel}
          </button>
        )}
      </div>
      {active && (
        <div className={`mono ${styles.message}`} data-testid="benchmark-message">
          {job.message ? progressText(job.message, t.systemText) : b.waiting}
        </div>
      )}
      {job.status === 'SUCCEEDED' && (
        <div className="notice success" role="status">
          {b.succeeded}
        </div>
      )}
      {job.status === 'CANCELLED' && (
        <div className="notice" role="status">
          {b.cancelled}
          {job.error && cancelText(job.error, t.systemText)}
        </div>
      )}
      {job.status === 'FAILED' && (
        <div className="notice error" role="alert">
          {b.failed}
          {job.error}
        </div>
      )}
      {pollError &&
        active &&
        (isFinalFailure(pollError) ? (
          <ErrorNotice failure={pollError} />
        ) : (
          <div className="muted">{b.pollFailed}</div>
        ))}
      {job.progress.length > 0 && (
        <details>
          <summary className="muted">
            {b.log} ({job.progress.length})
          </summary>
          <ol className={styles.log}>
            {job.progress.map((line, index) => (
              <li key={index} className="mono">
                <span className="muted">[{b.phases[line.phase] ?? line.phase}]</span>{' '}
                {progressText(line.message, t.systemText)}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
