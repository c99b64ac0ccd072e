// Profile benchmark jobs as the Models page shows them: whether one is still going, how long it took.
import type { ProfileBenchmarkJobFragment, ProfileJobStatus } from '@/lib/graphql/generated/graphql';
import type { Messages } from '@/lib/i18n/zh-CN';
import { profileName } from '@/lib/profiles';

/** How often a job being watched is asked for. */
export const JOB_POLL_MS = 1500;

export const isJobActive = (status: ProfileJobStatus) => status === 'QUEUED' || status === 'RUNNING';

/** From when it was started (queued) to when it finished, or to `now` while it runs. */
export function jobElapsedMs(job: ProfileBenchmarkJobFragment, now: number): number {
  const end = job.finishedAt ? Date.parse(job.finishedAt) : now;
  return Math.max(0, end - Date.parse(job.createdAt));
}

export const JOB_STATUS_BADGE: Record<ProfileJobStatus, string> = {
  QUEUED: 'badge',
  RUNNING: 'badge accent',
  SUCCEEDED: 'badge ok',
  FAILED: 'badge danger',
  CANCELLED: 'badge',
};

/** The id of a model's benchmark panel, for links that scroll to it. */
export const benchmarkAnchor = (model: string) => `benchmark-${model}`;

/** The Models page, watching one job in its model's benchmark panel. */
export const watchJobHref = (job: Pick<ProfileBenchmarkJobFragment, 'id' | 'model'>) =>
  `/models?job=${encodeURIComponent(job.id)}#${benchmarkAnchor(job.model)}`;

/** What a job measures, in one line: "160 · FP32, INT8 · first 4 images". */
export function describeJob(job: ProfileBenchmarkJobFragment, b: Messages['models']['benchmark']): string {
  const { sizes, precisions, maxImages } = job.parameters;
  const images = maxImages === null ? b.allImages : b.quickImages(maxImages);
  return `${sizes.join(', ')} · ${precisions.map(profileName).join(', ')} · ${images}`;
}
